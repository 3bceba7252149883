// Footprints traced on a calibrated plan, stored as approved footprints with the plan's provenance.
#include "store/plans.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "core/wkb.hpp"
#include "store/layer_table.hpp"
#include "store/schema.hpp"
#include "store/workspace_impl.hpp"

#include <algorithm>

namespace redline::store {
namespace {

/// Columns of a table, lower-cased.
std::vector<std::string> table_columns(detail::Connection& db, const std::string& table) {
    detail::Statement st(db, "SELECT lower(name) FROM pragma_table_info(?)");
    st.bind(1, table);
    std::vector<std::string> out;
    while (st.step())
        out.push_back(st.get_text(0));
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

/// Create an empty approved-footprint layer fed by traced plans. The provenance columns let the
/// breach engine's findings cite the plan file (by hash) and the calibration each footprint came
/// through.
void create_footprint_layer(detail::Connection& db, const std::string& layer, const PlanInfo& plan,
                            const PlanCalibrationRecord& cal) {
    detail::validate_layer_name(db, layer, true);
    db.exec("CREATE TABLE " + detail::quote_identifier(layer) +
            " (fid INTEGER PRIMARY KEY, planning_application TEXT, height_m REAL, eaves_m REAL, "
            "plan_sha256 TEXT, calibration_id INTEGER)");
    for (const char* sql : {"SELECT AddGeometryColumn(?, 'geom', 27700, 'MULTIPOLYGON', 'XY')",
                            "SELECT CreateSpatialIndex(?, 'geom')"}) {
        detail::Statement st(db, sql);
        st.bind(1, layer);
        if (!st.step() || st.get_int(0) != 1)
            throw core::StoreError(std::string("SpatiaLite refused '") + sql + "' for layer '" +
                                   layer + "'");
    }
    detail::Statement reg(db, "INSERT INTO layer_registry (name, role, geometry_type, source_file, "
                              "source_sha256, source_crs, transformation, imported_at, "
                              "feature_count, issues) VALUES (?, 'approved-footprint', "
                              "'MULTIPOLYGON', ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), "
                              "0, '[]')");
    reg.bind(1, layer)
        .bind(2, plan.file_name)
        .bind(3, plan.sha256)
        .bind(4, "plan " + plan.name + " (" + plan.units + ")")
        .bind(5, "plan calibration " + std::to_string(cal.id) + " (" + cal.method + ")")
        .run();
}

} // namespace

std::int64_t Workspace::add_traced_footprint(const std::string& layer,
                                             const std::string& application_reference,
                                             const core::Polygon& footprint, std::int64_t plan_id,
                                             std::int64_t calibration_id) {
    if (core::trim(application_reference).empty())
        throw core::UsageError("a traced footprint needs the application reference it shows");
    if (footprint.rings.empty() || footprint.rings.front().size() < 4)
        throw core::UsageError("a traced footprint needs at least 3 corners");
    auto& db = m_impl->db;
    detail::Transaction tx(db);
    const auto p = plan(plan_id);
    if (!p)
        throw core::StoreError("plan " + std::to_string(plan_id) + " does not exist");
    const auto cal = current_calibration(plan_id);
    if (!cal || cal->id != calibration_id)
        throw core::StoreError("calibration " + std::to_string(calibration_id) +
                               " is not the current calibration of plan '" + p->name + "'");
    detail::validate_layer_name(db, layer, false);
    {
        detail::Statement reg(db, "SELECT role, geometry_type FROM layer_registry WHERE name = ?");
        reg.bind(1, layer);
        if (!reg.step()) {
            create_footprint_layer(db, layer, *p, *cal);
        } else if (reg.get_text(0) != "approved-footprint") {
            throw core::StoreError("layer '" + layer + "' is a " + reg.get_text(0) +
                                   " layer, not approved-footprint");
        } else if (reg.get_text(1) != "MULTIPOLYGON") {
            throw core::StoreError("layer '" + layer + "' holds " + reg.get_text(1) +
                                   ", not polygons");
        }
    }
    const auto columns = table_columns(db, layer);
    if (!has(columns, "planning_application"))
        throw core::StoreError("layer '" + layer + "' has no planning_application field");
    const bool provenance = has(columns, "plan_sha256") && has(columns, "calibration_id");
    std::string sql = "INSERT INTO " + detail::quote_identifier(layer) + " (planning_application" +
                      (provenance ? ", plan_sha256, calibration_id" : "") + ", geom) VALUES (?" +
                      (provenance ? ", ?, ?" : "") + ", CastToMulti(GeomFromWKB(?, 27700)))";
    detail::Statement ins(db, sql);
    ins.bind(1, application_reference);
    if (provenance)
        ins.bind(2, p->sha256).bind(3, calibration_id);
    ins.bind_blob(provenance ? 4 : 2, core::to_wkb(core::Geometry::polygon(footprint)));
    ins.run();
    const auto fid = db.last_insert_rowid();
    detail::Statement count(
        db, "UPDATE layer_registry SET feature_count = feature_count + 1 WHERE name = ?");
    count.bind(1, layer).run();
    detail::append_audit(db, m_impl->user, "plan-trace",
                         "{\"layer\":" + core::json_quote(layer) +
                             ",\"fid\":" + std::to_string(fid) +
                             ",\"application\":" + core::json_quote(application_reference) +
                             ",\"plan\":" + std::to_string(plan_id) +
                             ",\"plan_sha256\":" + core::json_quote(p->sha256) +
                             ",\"calibration\":" + std::to_string(calibration_id) + "}");
    tx.commit();
    return fid;
}

} // namespace redline::store
