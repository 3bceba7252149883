#pragma once
// The workspace schema and its migrations (private to the store module).

#include "store/database.hpp"

#include <filesystem>
#include <string>

namespace redline::store::detail {

/// PRAGMA application_id of a Redline workspace ("RDLN"), so that `file` and Redline itself can
/// tell a workspace from any other SQLite database.
inline constexpr std::int32_t k_application_id = 0x52444C4E;

/// Redline's own tables: a layer may not take one of these names.
bool is_reserved_table(const std::string& name);

/// Bring the schema of a SpatiaLite-enabled connection from `from` (0 = empty file) to `to`,
/// applying each migration in order inside one transaction, recording the new version in `meta`
/// and appending an audit entry ("create-workspace" from 0, else "migrate"). Throws StoreError and
/// leaves the file unchanged when any step fails.
void migrate(Connection& db, const std::string& user, int from, int to);

/// The schema version of an open file. Throws StoreError when the file is not an SQLite database,
/// not a Redline workspace, or newer than this build supports. Reads only: the file is not
/// modified, so a wrong file given by mistake is left alone.
int read_schema_version(Connection& db);

/// Append one audit entry (time is set by the database, UTC). Call inside the write's transaction.
void append_audit(Connection& db, const std::string& user, const std::string& action,
                  const std::string& details_json);

} // namespace redline::store::detail

namespace redline::store::testing {

/// Test-only: create a workspace file at an older schema `version`, as an older Redline would
/// have written it, to exercise the migrations.
void create_workspace_at_version(const std::filesystem::path& path, const std::string& user,
                                 int version);

} // namespace redline::store::testing
