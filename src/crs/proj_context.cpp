#include "crs/proj_context.hpp"

#include "core/error.hpp"
#include "crs/transformer.hpp"

#include <proj.h>

#include <system_error>

namespace redline::crs::detail {
namespace {

bool has_proj_db(const std::filesystem::path& dir) {
    std::error_code ec;
    return !dir.empty() && std::filesystem::is_regular_file(dir / "proj.db", ec);
}

// PROJ prints errors to stderr by default; we keep the last one so that our exceptions can carry it
// and the CLI's stderr shows one clear message instead of PROJ's internals.
void capture_log(void* app_data, int /*level*/, const char* message) {
    if (app_data && message)
        *static_cast<std::string*>(app_data) = message;
}

} // namespace

void PjDeleter::operator()(PJconsts* pj) const noexcept {
    proj_destroy(pj);
}

std::filesystem::path proj_db_directory() {
    // proj_info().searchpath lists the user-writable folder, then $PROJ_DATA/$PROJ_LIB or the
    // compiled-in folder. Only a folder that really holds proj.db is kept: a PROJ_DATA pointing
    // somewhere else (perhaps at a stray copy of the grid) must not become a grid source. The
    // Debian/source-build defaults follow in case PROJ_DATA hides the compiled-in folder.
    static const std::filesystem::path k_dir = [] {
        std::vector<std::filesystem::path> candidates;
        const std::string paths = proj_info().searchpath ? proj_info().searchpath : "";
        std::size_t start = 0;
        while (start <= paths.size()) {
            const auto end = paths.find_first_of(":;", start);
            const auto piece =
                paths.substr(start, end == std::string::npos ? std::string::npos : end - start);
            if (!piece.empty())
                candidates.emplace_back(piece);
            if (end == std::string::npos)
                break;
            start = end + 1;
        }
        candidates.emplace_back("/usr/share/proj");
        candidates.emplace_back("/usr/local/share/proj");
        for (const auto& c : candidates)
            if (has_proj_db(c))
                return c;
        return std::filesystem::path{};
    }();
    return k_dir;
}

ProjContext::ProjContext() : m_log(std::make_unique<std::string>()) {
    const auto db_dir = proj_db_directory();
    if (db_dir.empty())
        throw core::CrsError("cannot find PROJ's proj.db (is the proj-data package installed?)");
    m_ctx = proj_context_create();
    if (!m_ctx)
        throw core::CrsError("cannot create a PROJ context");
    proj_log_func(m_ctx, m_log.get(), &capture_log);
    // Grids must come from our own folder, never from the CDN: an evidence result may not depend on
    // what a server happened to return.
    proj_context_set_enable_network(m_ctx, 0);
    if (const auto grid_dir = grid_directory(); !grid_dir.empty())
        m_paths.push_back(grid_dir);
    m_paths.push_back(db_dir);
    std::vector<std::string> strings;
    for (const auto& p : m_paths)
        strings.push_back(p.string());
    std::vector<const char*> c_paths;
    for (const auto& s : strings)
        c_paths.push_back(s.c_str());
    // With search paths set PROJ looks nowhere else (not PROJ_DATA, not the user-writable folder).
    proj_context_set_search_paths(m_ctx, static_cast<int>(c_paths.size()), c_paths.data());
}

ProjContext::~ProjContext() {
    if (m_ctx)
        proj_context_destroy(m_ctx);
}

ProjContext::ProjContext(ProjContext&& other) noexcept
    : m_ctx(other.m_ctx), m_log(std::move(other.m_log)), m_paths(std::move(other.m_paths)) {
    other.m_ctx = nullptr;
}

ProjContext& ProjContext::operator=(ProjContext&& other) noexcept {
    if (this != &other) {
        if (m_ctx)
            proj_context_destroy(m_ctx);
        m_ctx = other.m_ctx;
        other.m_ctx = nullptr;
        m_log = std::move(other.m_log);
        m_paths = std::move(other.m_paths);
    }
    return *this;
}

std::string ProjContext::last_error() const {
    return m_log ? *m_log : std::string{};
}

void ProjContext::clear_error() const {
    if (m_log)
        m_log->clear();
}

PjPtr ProjContext::create_crs(const std::string& definition) const {
    clear_error();
    PjPtr crs(proj_create(m_ctx, definition.c_str()));
    if (!crs) {
        const auto why = last_error();
        throw core::CrsError("unknown CRS '" + definition + "'" + (why.empty() ? "" : ": " + why));
    }
    if (!proj_is_crs(crs.get()))
        throw core::CrsError("'" + definition + "' is not a coordinate reference system");
    return crs;
}

} // namespace redline::crs::detail
