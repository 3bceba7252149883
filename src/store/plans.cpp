// Plans (the approved drawings as evidence), their calibrations and saved measurements.
#include "store/plans.hpp"

#include "core/error.hpp"

namespace redline::store {

namespace detail {

// The plan's bytes are kept whole with their SHA-256 so that evidence can show the drawing is the
// file that was approved; triggers refuse to change them afterwards, as for the audit log.
void migrate_plans(Connection& db) {
    db.exec(R"sql(
CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    format TEXT NOT NULL,
    page INTEGER NOT NULL DEFAULT 1,
    dpi REAL NOT NULL DEFAULT 0,
    width_px INTEGER NOT NULL DEFAULT 0,
    height_px INTEGER NOT NULL DEFAULT 0,
    paper_width_mm REAL NOT NULL DEFAULT 0,
    paper_height_mm REAL NOT NULL DEFAULT 0,
    units TEXT NOT NULL DEFAULT 'px',
    metres_per_unit REAL NOT NULL DEFAULT 0,
    stated_scale REAL NOT NULL DEFAULT 0,
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL,
    content BLOB NOT NULL,
    current_calibration INTEGER);
CREATE TRIGGER plans_content_fixed BEFORE UPDATE OF content, sha256, file_name ON plans
BEGIN SELECT RAISE(ABORT, 'a plan''s file is evidence: its content cannot be changed'); END;
CREATE TABLE plan_calibrations (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id),
    method TEXT NOT NULL,
    transform_kind TEXT NOT NULL,
    matrix TEXT NOT NULL CHECK (json_valid(matrix) AND json_array_length(matrix) = 9),
    y_down INTEGER NOT NULL,
    rmse_m REAL NOT NULL,
    details TEXT NOT NULL CHECK (json_valid(details)),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL);
CREATE TABLE measurements (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('length', 'area', 'offset')),
    grid_value REAL NOT NULL,
    ground_value REAL NOT NULL,
    unit TEXT NOT NULL,
    uncertainty REAL,
    method TEXT NOT NULL,
    plan_id INTEGER REFERENCES plans(id),
    plan_sha256 TEXT NOT NULL DEFAULT '',
    calibration_id INTEGER REFERENCES plan_calibrations(id),
    case_id INTEGER REFERENCES enforcement_cases(id),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    details TEXT NOT NULL CHECK (json_valid(details)));
)sql");
    const auto ok =
        db.query_int("SELECT AddGeometryColumn('measurements', 'geom', 27700, 'GEOMETRY', 'XY')");
    if (!ok || *ok != 1)
        throw core::StoreError("SpatiaLite refused the measurements geometry column");
}

} // namespace detail

} // namespace redline::store
