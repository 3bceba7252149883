#include "store/schema.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "store/case_stages.hpp"
#include "store/plans.hpp"
#include "store/workspace.hpp"

#include <array>
#include <functional>

namespace redline::store::detail {
namespace {

/// Run a SpatiaLite admin function (AddGeometryColumn, CreateSpatialIndex, ...): they report
/// failure by returning 0 rather than by an SQL error, so the result must be checked.
void spatial_call(Connection& db, const std::string& sql) {
    const auto result = db.query_int(sql);
    if (!result || *result != 1)
        throw core::StoreError("SpatiaLite refused '" + sql + "'");
}

// Version 1: the initial schema.
void migration_1(Connection& db) {
    db.exec(R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
CREATE TABLE layer_registry (
    name TEXT PRIMARY KEY NOT NULL,
    role TEXT NOT NULL,
    geometry_type TEXT NOT NULL,
    source_file TEXT NOT NULL,
    source_sha256 TEXT NOT NULL,
    source_crs TEXT NOT NULL,
    transformation TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    feature_count INTEGER NOT NULL,
    issues TEXT NOT NULL CHECK (json_valid(issues)));
CREATE TABLE complaints (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    received_date TEXT NOT NULL CHECK (received_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    category TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open',
    complainant_name TEXT NOT NULL DEFAULT '',
    complainant_contact TEXT NOT NULL DEFAULT '',
    source_layer TEXT);
CREATE TABLE enforcement_cases (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    uprn TEXT NOT NULL DEFAULT '',
    application_reference TEXT NOT NULL DEFAULT '',
    alleged_breach TEXT NOT NULL DEFAULT '',
    breach_start_date TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open',
    officer TEXT NOT NULL DEFAULT '',
    opened_date TEXT NOT NULL);
CREATE TABLE case_complaints (
    case_id INTEGER NOT NULL REFERENCES enforcement_cases(id),
    complaint_id INTEGER NOT NULL REFERENCES complaints(id),
    PRIMARY KEY (case_id, complaint_id));
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time TEXT NOT NULL,
    user TEXT NOT NULL,
    action TEXT NOT NULL,
    details TEXT NOT NULL CHECK (json_valid(details)));
-- The audit log is evidence (who did what, when): the database itself refuses to change it, so
-- that neither a Redline bug nor a user with the sqlite3 shell can rewrite history unnoticed.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused'); END;
)sql");
    // Complaint points are required; a case's site point is optional (uprn or application instead).
    spatial_call(db, "SELECT AddGeometryColumn('complaints', 'geom', 27700, 'POINT', 'XY', 1)");
    spatial_call(db, "SELECT CreateSpatialIndex('complaints', 'geom')");
    spatial_call(db, "SELECT AddGeometryColumn('enforcement_cases', 'site', 27700, 'POINT', 'XY')");
    spatial_call(db, "SELECT CreateSpatialIndex('enforcement_cases', 'site')");
}

// Version 2: case key dates (PCN served, notice issued, notice takes effect, compliance due, ...).
// A case's statutory clock runs from several dates, not just the day it was opened; the opened
// and breach-start dates of existing cases become its first key dates.
void migration_2(Connection& db) {
    db.exec(R"sql(
CREATE TABLE case_key_dates (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES enforcement_cases(id),
    kind TEXT NOT NULL,
    date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (case_id, kind, date));
INSERT INTO case_key_dates (case_id, kind, date)
    SELECT id, 'opened', opened_date FROM enforcement_cases;
INSERT INTO case_key_dates (case_id, kind, date)
    SELECT id, 'breach-start', breach_start_date FROM enforcement_cases
    WHERE breach_start_date <> '';
)sql");
}

// Version 3: breach check runs and their findings. A run records everything needed to explain a
// finding later: the analysis date, every parameter, the SHA-256 of each input layer's source and
// the software that computed it. Findings keep their geometry and the viewer's annotation (a
// dimension line or a point); finding_complaints indexes the complaints linked to each. Findings
// are read by run (a run holds thousands at most), so no spatial index: maintaining one row by row
// would double the time to store a large run.
void migration_3(Connection& db) {
    db.exec(R"sql(
CREATE TABLE check_runs (
    id INTEGER PRIMARY KEY,
    run_at TEXT NOT NULL,
    user TEXT NOT NULL,
    as_of TEXT NOT NULL CHECK (as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    parameters TEXT NOT NULL CHECK (json_valid(parameters)),
    inputs TEXT NOT NULL CHECK (json_valid(inputs)),
    software_version TEXT NOT NULL,
    source_commit TEXT NOT NULL,
    skipped TEXT NOT NULL CHECK (json_valid(skipped)),
    development_count INTEGER NOT NULL,
    demolition_count INTEGER NOT NULL,
    finding_count INTEGER NOT NULL);
CREATE TABLE findings (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES check_runs(id),
    seq INTEGER NOT NULL,
    code TEXT NOT NULL,
    severity TEXT NOT NULL,
    development_id TEXT NOT NULL DEFAULT '',
    applications TEXT NOT NULL DEFAULT '',
    uprn TEXT NOT NULL DEFAULT '',
    complaints TEXT NOT NULL DEFAULT '',
    value REAL,
    limit_value REAL,
    unit TEXT NOT NULL DEFAULT '',
    distance_m REAL,
    explanation TEXT NOT NULL,
    provision TEXT NOT NULL,
    annotation_text TEXT NOT NULL DEFAULT '');
CREATE INDEX findings_run ON findings (run_id, seq);
CREATE INDEX findings_uprn ON findings (uprn);
CREATE TABLE finding_complaints (
    finding_id INTEGER NOT NULL REFERENCES findings(id),
    complaint_reference TEXT NOT NULL,
    PRIMARY KEY (finding_id, complaint_reference));
CREATE INDEX finding_complaints_ref ON finding_complaints (complaint_reference);
)sql");
    spatial_call(db, "SELECT AddGeometryColumn('findings', 'geom', 27700, 'GEOMETRY', 'XY')");
    spatial_call(db, "SELECT AddGeometryColumn('findings', 'annotation', 27700, 'GEOMETRY', 'XY')");
}

/// Migration i brings the schema from version i to i + 1; order is the version history, never
/// reorder or edit a released entry - add a new one.
const std::array<std::function<void(Connection&)>, 5> k_migrations = {
    migration_1, migration_2, migration_3, migrate_plans, migrate_case_stages};
static_assert(k_migrations.size() == static_cast<std::size_t>(k_schema_version));

const std::array<const char*, 12> k_own_tables = {
    "meta",        "layer_registry",  "complaints", "enforcement_cases", "case_complaints",
    "audit_log",   "case_key_dates",  "check_runs", "findings",          "finding_complaints",
    "case_stages", "complaint_merges"};

} // namespace

bool is_reserved_table(const std::string& name) {
    const std::string lower = core::to_lower(name);
    for (const char* t : k_own_tables)
        if (lower == t)
            return true;
    return false;
}

void migrate(Connection& db, const std::string& user, int from, int to) {
    if (from < 0 || to > k_schema_version || from >= to)
        throw core::StoreError("no migration from schema version " + std::to_string(from) + " to " +
                               std::to_string(to));
    Transaction tx(db);
    try {
        for (int v = from; v < to; ++v)
            k_migrations[static_cast<std::size_t>(v)](db);
    } catch (const core::StoreError& e) {
        throw core::StoreError("migrating workspace '" + db.path().string() +
                                   "' from schema version " + std::to_string(from) + " to " +
                                   std::to_string(to) +
                                   " failed (the file is unchanged): " + e.message(),
                               e.sqlite_code());
    }
    Statement set(db, "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)");
    set.bind(1, std::to_string(to)).run();
    if (from == 0) {
        db.exec("PRAGMA application_id = " + std::to_string(k_application_id));
        append_audit(db, user, "create-workspace",
                     "{\"schema_version\":" + std::to_string(to) + "}");
    } else {
        append_audit(db, user, "migrate",
                     "{\"from\":" + std::to_string(from) + ",\"to\":" + std::to_string(to) + "}");
    }
    tx.commit();
}

int read_schema_version(Connection& db) {
    const std::string where = "'" + db.path().string() + "'";
    std::int64_t application_id = 0;
    try {
        // The first read of the file: fails with SQLITE_NOTADB for something that is not SQLite.
        application_id = db.query_int("PRAGMA application_id").value_or(0);
    } catch (const core::StoreError& e) {
        throw core::StoreError(where + " is not a Redline workspace (not an SQLite database)",
                               e.sqlite_code());
    }
    const bool has_meta =
        db.query_int("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'")
            .value_or(0) == 1;
    if (application_id != k_application_id || !has_meta)
        throw core::StoreError(where + " is not a Redline workspace (an SQLite database without " +
                               "Redline's tables)");
    const auto text = db.query_text("SELECT value FROM meta WHERE key = 'schema_version'");
    double version = 0;
    if (!text || !core::parse_double(*text, version) || version < 1 ||
        version != static_cast<int>(version))
        throw core::StoreError(where + " is damaged: no valid schema_version in its meta table");
    const int v = static_cast<int>(version);
    if (v > k_schema_version)
        throw core::StoreError("workspace " + where + ": workspace schema version " +
                               std::to_string(v) + " is newer than this Redline supports (" +
                               std::to_string(k_schema_version) + "); upgrade Redline");
    return v;
}

void append_audit(Connection& db, const std::string& user, const std::string& action,
                  const std::string& details_json) {
    Statement st(db, "INSERT INTO audit_log (time, user, action, details) VALUES "
                     "(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?, ?)");
    st.bind(1, user).bind(2, action).bind(3, details_json).run();
}

} // namespace redline::store::detail
