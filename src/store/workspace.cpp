#include "store/workspace.hpp"

#include "core/error.hpp"
#include "store/schema.hpp"
#include "store/workspace_impl.hpp"

#include <system_error>

namespace redline::store {
namespace fs = std::filesystem;
namespace {

/// Settings every connection gets, once the file is known to be a workspace (or is new): WAL lets
/// the viewer read while the CLI writes; foreign keys keep case links pointing at real rows.
void configure(detail::Connection& db) {
    const auto mode = db.query_text("PRAGMA journal_mode = WAL");
    if (!mode || *mode != "wal")
        throw core::StoreError("workspace '" + db.path().string() +
                               "': could not switch to WAL journal mode (got '" +
                               mode.value_or("") + "')");
    db.exec("PRAGMA foreign_keys = ON");
    db.load_spatialite();
}

void remove_quietly(const fs::path& path) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        fs::remove(fs::path(path.string() + suffix), ec);
}

/// Create a new file at `version`. A failure removes the half-made file: create either makes a
/// whole workspace or nothing.
std::unique_ptr<detail::Connection> create_file(const fs::path& path, const std::string& user,
                                                int version) {
    std::error_code ec;
    if (fs::exists(path, ec))
        throw core::StoreError("workspace '" + path.string() + "' already exists");
    try {
        auto db = std::make_unique<detail::Connection>(path, true);
        configure(*db);
        // InitSpatialMetadata(1) runs in its own transaction, so it cannot share ours.
        const auto ok = db->query_int("SELECT InitSpatialMetadata(1)");
        if (!ok || *ok != 1)
            throw core::StoreError("workspace '" + path.string() +
                                   "': SpatiaLite could not initialise its metadata tables");
        detail::migrate(*db, user, 0, version);
        return db;
    } catch (...) {
        remove_quietly(path);
        throw;
    }
}

} // namespace

Workspace::Workspace(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Workspace::~Workspace() = default;
Workspace::Workspace(Workspace&&) noexcept = default;
Workspace& Workspace::operator=(Workspace&&) noexcept = default;

Workspace Workspace::create(const fs::path& path, const std::string& user) {
    auto db = create_file(path, user, k_schema_version);
    return Workspace(std::make_unique<Impl>(Impl{std::move(*db), user, k_schema_version}));
}

Workspace Workspace::open(const fs::path& path, const std::string& user) {
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw core::StoreError("workspace '" + path.string() + "' does not exist");
    if (!fs::is_regular_file(path, ec))
        throw core::StoreError("workspace '" + path.string() + "' is not a file");
    detail::Connection db(path, false);
    // Identify the file before changing anything in it (WAL mode rewrites the header).
    const int version = detail::read_schema_version(db);
    configure(db);
    if (version < k_schema_version)
        detail::migrate(db, user, version, k_schema_version);
    return Workspace(std::make_unique<Impl>(Impl{std::move(db), user, k_schema_version}));
}

const fs::path& Workspace::path() const {
    return m_impl->db.path();
}

int Workspace::schema_version() const {
    return m_impl->version;
}

std::vector<core::AuditEntry> Workspace::audit_log() const {
    detail::Statement st(m_impl->db,
                         "SELECT id, time, user, action, details FROM audit_log ORDER BY id");
    std::vector<core::AuditEntry> out;
    while (st.step())
        out.push_back(
            {st.get_int(0), st.get_text(1), st.get_text(2), st.get_text(3), st.get_text(4)});
    return out;
}

void Workspace::append_audit(const std::string& action, const std::string& details_json) {
    if (action.empty())
        throw core::UsageError("an audit entry needs an action");
    detail::Transaction tx(m_impl->db);
    detail::append_audit(m_impl->db, m_impl->user, action, details_json);
    tx.commit();
}

} // namespace redline::store

namespace redline::store::testing {

void create_workspace_at_version(const std::filesystem::path& path, const std::string& user,
                                 int version) {
    if (version < 1 || version > k_schema_version)
        throw core::UsageError("no schema version " + std::to_string(version));
    create_file(path, user, version);
}

} // namespace redline::store::testing
