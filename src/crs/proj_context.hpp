#pragma once
// Internal to the crs module: RAII wrappers for PROJ handles. proj.h stays out of headers, so the
// PROJ types are forward-declared here and the deleters live in proj_context.cpp.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

struct pj_ctx;
struct PJconsts;

namespace redline::crs::detail {

struct PjDeleter {
    void operator()(PJconsts* pj) const noexcept;
};
/// Owning PJ* (a CRS, an operation or a transformation).
using PjPtr = std::unique_ptr<PJconsts, PjDeleter>;

/// One PJ_CONTEXT with Redline's settings: network off, search paths = the OSTN15 folder (when one
/// is found) then the folder holding PROJ's proj.db, and PROJ's log captured instead of printed.
/// Move-only; use from one thread at a time.
class ProjContext {
public:
    /// Throws CrsError when no proj.db can be found.
    ProjContext();
    ~ProjContext();
    ProjContext(ProjContext&&) noexcept;
    ProjContext& operator=(ProjContext&&) noexcept;

    pj_ctx* get() const noexcept { return m_ctx; }
    /// The folders PROJ searches, in order (OSTN15 folder first when one was found).
    const std::vector<std::filesystem::path>& search_paths() const noexcept { return m_paths; }
    /// The last error PROJ logged on this context since clear_error(), or "".
    std::string last_error() const;
    /// Forget the captured log before a call whose failure we want to describe.
    void clear_error() const;

    /// proj_create on a CRS definition; throws CrsError naming `definition` when PROJ cannot parse
    /// it or it is not a CRS.
    PjPtr create_crs(const std::string& definition) const;

private:
    pj_ctx* m_ctx = nullptr;
    std::unique_ptr<std::string> m_log; // stable address: PROJ's log callback writes here
    std::vector<std::filesystem::path> m_paths;
};

/// The folder containing PROJ's own proj.db; empty when none was found.
std::filesystem::path proj_db_directory();

} // namespace redline::crs::detail
