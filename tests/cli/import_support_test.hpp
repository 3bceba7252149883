#pragma once
// Helpers shared by the import end-to-end tests: workspaces made through the CLI, SQL on them
// through the sqlite3 CLI with mod_spatialite, and independent figures from GDAL's ogrinfo.

#include "cli/harness.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace redline::test::import {

/// Single-quote a word for /bin/sh.
std::string sh_quote(const std::string& s);

/// Run one SQL statement on a workspace with the sqlite3 CLI and mod_spatialite loaded; returns
/// its output without the trailing newline.
std::string workspace_sql(const std::filesystem::path& ws, const std::string& sql);

/// `sqlite3 WS .dump`: every table (layers, features, complaints, cases, audit log) as SQL text.
std::string dump(const std::filesystem::path& ws);

/// A number printed by ogrinfo for `SELECT ... AS value` through GDAL's SQLite dialect on `source`.
double ogr_value(const std::string& source, const std::string& sql);

/// Make a workspace through the CLI (init, a polygon layer, two complaints, a case linked to one)
/// so that layers, complaints, cases and the audit log all have rows. Throws when the CLI
/// refuses.
std::filesystem::path make_workspace(const TempDir& dir);

/// Environment that lets ogr2ogr/ogrinfo (GDAL's own PROJ) find the OSTN15 grid shipped in data/.
std::string proj_env();

/// Relative difference |a - b| / |b|.
double relative_difference(double a, double b);

} // namespace redline::test::import
