// Plans (the approved drawings as evidence), their calibrations and saved measurements.
#include "store/plans.hpp"

#include "core/error.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"
#include "core/wkb.hpp"
#include "store/layer_table.hpp"
#include "store/schema.hpp"
#include "store/workspace_impl.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

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

namespace {

const char* k_plan_columns = "id, name, file_name, sha256, format, page, dpi, width_px, height_px, "
                             "paper_width_mm, paper_height_mm, units, metres_per_unit, "
                             "stated_scale, added_at, added_by, length(content), "
                             "current_calibration";

PlanInfo read_plan(const detail::Statement& st) {
    PlanInfo p;
    p.id = st.get_int(0);
    p.name = st.get_text(1);
    p.file_name = st.get_text(2);
    p.sha256 = st.get_text(3);
    p.format = st.get_text(4);
    p.page = static_cast<int>(st.get_int(5));
    p.dpi = st.get_double(6);
    p.width_px = static_cast<int>(st.get_int(7));
    p.height_px = static_cast<int>(st.get_int(8));
    p.paper_width_mm = st.get_double(9);
    p.paper_height_mm = st.get_double(10);
    p.units = st.get_text(11);
    p.metres_per_unit = st.get_double(12);
    p.stated_scale = st.get_double(13);
    p.added_at = st.get_text(14);
    p.added_by = st.get_text(15);
    p.byte_size = st.get_int(16);
    if (!st.is_null(17))
        p.current_calibration = st.get_int(17);
    return p;
}

std::string number(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

std::string matrix_json(const std::array<double, 9>& m) {
    std::string out = "[";
    for (std::size_t i = 0; i < m.size(); ++i)
        out += (i ? "," : "") + number(m[i]);
    return out + "]";
}

} // namespace

std::int64_t Workspace::add_plan(const PlanInfo& info, const std::vector<std::uint8_t>& bytes) {
    if (core::trim(info.name).empty())
        throw core::UsageError("a plan needs a name");
    if (bytes.empty())
        throw core::UsageError("plan file '" + info.file_name + "' is empty");
    for (const double v : {info.dpi, info.paper_width_mm, info.paper_height_mm,
                           info.metres_per_unit, info.stated_scale})
        detail::require_finite(v, "a plan's size or scale");
    const std::string sha = core::sha256_hex(
        std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
    auto& db = m_impl->db;
    detail::Transaction tx(db);
    {
        detail::Statement dup(db, "SELECT 1 FROM plans WHERE name = ?");
        dup.bind(1, info.name);
        if (dup.step())
            throw core::StoreError("plan '" + info.name + "' already exists");
    }
    detail::Statement st(db, "INSERT INTO plans (name, file_name, sha256, format, page, dpi, "
                             "width_px, height_px, paper_width_mm, paper_height_mm, units, "
                             "metres_per_unit, stated_scale, added_at, added_by, content) VALUES "
                             "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                             "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?)");
    st.bind(1, info.name)
        .bind(2, info.file_name)
        .bind(3, sha)
        .bind(4, info.format)
        .bind(5, info.page)
        .bind(6, info.dpi)
        .bind(7, info.width_px)
        .bind(8, info.height_px)
        .bind(9, info.paper_width_mm)
        .bind(10, info.paper_height_mm)
        .bind(11, info.units)
        .bind(12, info.metres_per_unit)
        .bind(13, info.stated_scale)
        .bind(14, m_impl->user)
        .bind_blob(15, bytes)
        .run();
    const auto id = db.last_insert_rowid();
    detail::append_audit(db, m_impl->user, "plan-add",
                         "{\"plan\":" + std::to_string(id) +
                             ",\"name\":" + core::json_quote(info.name) +
                             ",\"file\":" + core::json_quote(info.file_name) +
                             ",\"sha256\":" + core::json_quote(sha) +
                             ",\"bytes\":" + std::to_string(bytes.size()) + "}");
    tx.commit();
    return id;
}

std::vector<PlanInfo> Workspace::plans() const {
    detail::Statement st(m_impl->db,
                         std::string("SELECT ") + k_plan_columns + " FROM plans ORDER BY id");
    std::vector<PlanInfo> out;
    while (st.step())
        out.push_back(read_plan(st));
    return out;
}

std::optional<PlanInfo> Workspace::plan(std::int64_t id) const {
    detail::Statement st(m_impl->db,
                         std::string("SELECT ") + k_plan_columns + " FROM plans WHERE id = ?");
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    return read_plan(st);
}

PlanInfo Workspace::find_plan(const std::string& name_or_id) const {
    detail::Statement st(m_impl->db, std::string("SELECT ") + k_plan_columns +
                                         " FROM plans WHERE name = ? OR CAST(id AS TEXT) = ? "
                                         "ORDER BY name = ? DESC LIMIT 1");
    st.bind(1, name_or_id).bind(2, name_or_id).bind(3, name_or_id);
    if (!st.step())
        throw core::StoreError("plan '" + name_or_id + "' does not exist");
    return read_plan(st);
}

std::vector<std::uint8_t> Workspace::plan_bytes(std::int64_t id) const {
    detail::Statement st(m_impl->db, "SELECT content FROM plans WHERE id = ?");
    st.bind(1, id);
    if (!st.step())
        throw core::StoreError("plan " + std::to_string(id) + " does not exist");
    return st.get_blob(0);
}

std::int64_t Workspace::add_plan_calibration(const PlanCalibrationRecord& c) {
    for (const double v : c.matrix)
        detail::require_finite(v, "a calibration matrix entry");
    detail::require_finite(c.rmse_m, "a calibration RMSE");
    auto& db = m_impl->db;
    detail::Transaction tx(db);
    if (!plan(c.plan_id))
        throw core::StoreError("plan " + std::to_string(c.plan_id) + " does not exist");
    detail::Statement st(db, "INSERT INTO plan_calibrations (plan_id, method, transform_kind, "
                             "matrix, y_down, rmse_m, details, created_at, created_by) VALUES "
                             "(?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?)");
    st.bind(1, c.plan_id)
        .bind(2, c.method)
        .bind(3, c.transform_kind)
        .bind(4, matrix_json(c.matrix))
        .bind(5, c.y_down ? 1 : 0)
        .bind(6, c.rmse_m)
        .bind(7, c.details_json)
        .bind(8, m_impl->user)
        .run();
    const auto id = db.last_insert_rowid();
    detail::Statement cur(db, "UPDATE plans SET current_calibration = ? WHERE id = ?");
    cur.bind(1, id).bind(2, c.plan_id).run();
    detail::append_audit(
        db, m_impl->user, "plan-calibrate",
        "{\"plan\":" + std::to_string(c.plan_id) + ",\"calibration\":" + std::to_string(id) +
            ",\"method\":" + core::json_quote(c.method) + ",\"rmse_m\":" + number(c.rmse_m) + "}");
    tx.commit();
    return id;
}

std::optional<PlanCalibrationRecord> Workspace::current_calibration(std::int64_t plan_id) const {
    detail::Statement st(m_impl->db,
                         "SELECT c.id, c.plan_id, c.method, c.transform_kind, c.y_down, c.rmse_m, "
                         "c.details, c.created_at, c.created_by, c.matrix ->> '$[0]', "
                         "c.matrix ->> '$[1]', c.matrix ->> '$[2]', c.matrix ->> '$[3]', "
                         "c.matrix ->> '$[4]', c.matrix ->> '$[5]', c.matrix ->> '$[6]', "
                         "c.matrix ->> '$[7]', c.matrix ->> '$[8]' FROM plans p JOIN "
                         "plan_calibrations c ON c.id = p.current_calibration WHERE p.id = ?");
    st.bind(1, plan_id);
    if (!st.step())
        return std::nullopt;
    PlanCalibrationRecord c;
    c.id = st.get_int(0);
    c.plan_id = st.get_int(1);
    c.method = st.get_text(2);
    c.transform_kind = st.get_text(3);
    c.y_down = st.get_int(4) != 0;
    c.rmse_m = st.get_double(5);
    c.details_json = st.get_text(6);
    c.created_at = st.get_text(7);
    c.created_by = st.get_text(8);
    for (int i = 0; i < 9; ++i)
        c.matrix[static_cast<std::size_t>(i)] = st.get_double(9 + i);
    return c;
}

} // namespace redline::store
