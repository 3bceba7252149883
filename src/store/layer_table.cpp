// Writing an imported layer: its own SpatiaLite table (or the complaints table), the registry row
// and the audit entry, all in one transaction.
#include "store/layer_table.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "core/wkb.hpp"
#include "store/schema.hpp"
#include "store/workspace_impl.hpp"

#include <filesystem>
#include <set>

namespace redline::store {
namespace {

using core::GeometryKind;
using core::GeometryType;

/// Progress is reported every this many features: often enough for a smooth bar and a prompt
/// cancel, rarely enough to cost nothing.
constexpr std::size_t k_progress_every = 1000;

core::ErrorContext where(const core::LayerData& data, std::optional<long long> feature = {}) {
    return {.path = {}, .layer = data.name, .feature = feature, .field = {}};
}

/// The SpatiaLite geometry type of the layer's `geom` column. Polygon and line roles are always
/// multi (single parts are promoted) so that one column type holds every feature, as QGIS and
/// GDAL expect of a layer. A point role stays POINT unless some feature is a MultiPoint. A basemap
/// takes its type from its data, or GEOMETRY when mixed.
std::string column_geometry_type(core::Role role, const core::LayerData& data) {
    GeometryKind kind = core::expected_geometry(role);
    bool all_single_points = true;
    bool mixed = false;
    std::optional<GeometryKind> seen;
    for (const auto& f : data.features) {
        if (f.geometry.empty())
            continue;
        const auto k = core::kind_of(f.geometry.type);
        all_single_points = all_single_points && f.geometry.type == GeometryType::Point;
        if (seen && *seen != k)
            mixed = true;
        seen = k;
    }
    if (kind == GeometryKind::None) {
        if (mixed || !seen)
            return "GEOMETRY";
        kind = *seen;
    }
    switch (kind) {
    case GeometryKind::Polygon:
        return "MULTIPOLYGON";
    case GeometryKind::Line:
        return "MULTILINESTRING";
    case GeometryKind::Point:
        return all_single_points ? "POINT" : "MULTIPOINT";
    case GeometryKind::None:
        break;
    }
    return "GEOMETRY";
}

GeometryKind kind_of_column(const std::string& type) {
    if (type == "MULTIPOLYGON")
        return GeometryKind::Polygon;
    if (type == "MULTILINESTRING")
        return GeometryKind::Line;
    if (type == "POINT" || type == "MULTIPOINT")
        return GeometryKind::Point;
    return GeometryKind::None;
}

const char* sql_type(core::FieldType t) {
    switch (t) {
    case core::FieldType::Integer:
        return "INTEGER";
    case core::FieldType::Real:
        return "REAL";
    case core::FieldType::Text:
        return "TEXT";
    }
    return "TEXT";
}

void bind_value(detail::Statement& st, int index, const core::FieldValue& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v))
        st.bind(index, *i);
    else if (const auto* d = std::get_if<double>(&v))
        st.bind(index, *d);
    else if (const auto* s = std::get_if<std::string>(&v))
        st.bind(index, *s);
    else
        st.bind_null(index);
}

/// Workspace fids are the source's ids when those are unique (so "feature 12" means the same in
/// the source, the workspace, QGIS and every message), else 1..n in source order.
bool source_fids_usable(const core::LayerData& data) {
    std::set<std::int64_t> seen;
    for (const auto& f : data.features)
        if (!seen.insert(f.source_fid).second)
            return false;
    return true;
}

void write_table(detail::Connection& db, const core::LayerData& data,
                 const std::string& geometry_type, const core::ProgressFn& progress) {
    const std::string table = detail::quote_identifier(data.name);
    std::set<std::string> columns{"fid", "geom"};
    std::string create = "CREATE TABLE " + table + " (fid INTEGER PRIMARY KEY";
    std::string insert_columns = "fid", insert_values = "?";
    for (const auto& field : data.fields) {
        // SQLite column names are case-insensitive: "Name" and "name" would collide.
        if (!columns.insert(core::to_lower(field.name)).second)
            throw core::StoreError(
                "field '" + field.name +
                    "' clashes with another field or with Redline's fid/geom "
                    "columns; rename it in the source",
                0, {.path = {}, .layer = data.name, .feature = {}, .field = field.name});
        const auto col = detail::quote_identifier(field.name);
        create += ", " + col + " " + sql_type(field.type);
        insert_columns += ", " + col;
        insert_values += ", ?";
    }
    db.exec(create + ")");
    {
        // AddGeometryColumn reports failure by returning 0, not by an SQL error.
        detail::Statement add(db, "SELECT AddGeometryColumn(?, 'geom', 27700, ?, 'XY')");
        add.bind(1, data.name).bind(2, geometry_type);
        if (!add.step() || add.get_int(0) != 1)
            throw core::StoreError("SpatiaLite refused to add a " + geometry_type +
                                       " geometry column",
                                   0, where(data));
    }

    const bool multi = geometry_type.rfind("MULTI", 0) == 0;
    const std::string geom_sql =
        multi ? "CastToMulti(GeomFromWKB(?, 27700))" : "GeomFromWKB(?, 27700)";
    detail::Statement st(db, "INSERT INTO " + table + " (" + insert_columns + ", geom) VALUES (" +
                                 insert_values + ", " + geom_sql + ")");
    const auto expected_kind = kind_of_column(geometry_type);
    const bool keep_fids = source_fids_usable(data);
    const std::size_t n = data.features.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i % k_progress_every == 0)
            core::report_progress(progress, 0.9 * static_cast<double>(i) / static_cast<double>(n),
                                  "writing");
        const auto& f = data.features[i];
        if (f.values.size() != data.fields.size())
            throw core::StoreError("feature has " + std::to_string(f.values.size()) +
                                       " values for " + std::to_string(data.fields.size()) +
                                       " fields",
                                   0, where(data, f.source_fid));
        st.bind(1, keep_fids ? f.source_fid : static_cast<std::int64_t>(i + 1));
        int index = 2;
        for (const auto& v : f.values)
            bind_value(st, index++, v);
        if (f.geometry.empty()) {
            st.bind_null(index);
        } else {
            if (expected_kind != GeometryKind::None &&
                core::kind_of(f.geometry.type) != expected_kind)
                throw core::StoreError(std::string("a ") + core::to_string(f.geometry.type) +
                                           " cannot go in a " + geometry_type + " layer",
                                       0, where(data, f.source_fid));
            st.bind_blob(index, core::to_wkb(f.geometry));
        }
        try {
            st.run();
        } catch (const core::StoreError& e) {
            throw core::StoreError(e.message(), e.sqlite_code(), where(data, f.source_fid));
        }
    }
    // After the bulk insert: building the R*Tree in one pass is several times faster than
    // updating it row by row through SpatiaLite's triggers.
    core::report_progress(progress, 0.9, "indexing");
    detail::Statement index(db, "SELECT CreateSpatialIndex(?, 'geom')");
    index.bind(1, data.name);
    if (!index.step() || index.get_int(0) != 1)
        throw core::StoreError("SpatiaLite could not create the spatial index", 0, where(data));
}

std::string text_field(const core::LayerData& data, const core::Feature& f, const char* name) {
    const auto i = data.field_index(name);
    return i && *i < f.values.size() ? core::trim(core::to_text(f.values[*i])) : std::string();
}

void write_complaints(detail::Connection& db, const core::LayerData& data,
                      const core::ProgressFn& progress) {
    const std::size_t n = data.features.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i % k_progress_every == 0)
            core::report_progress(progress, static_cast<double>(i) / static_cast<double>(n),
                                  "writing");
        const auto& f = data.features[i];
        core::Complaint c;
        c.reference = text_field(data, f, "reference");
        c.received_date = text_field(data, f, "received_date");
        c.category = text_field(data, f, "category");
        c.description = text_field(data, f, "description");
        if (auto status = text_field(data, f, "status"); !status.empty())
            c.status = status;
        c.complainant_name = text_field(data, f, "complainant_name");
        c.complainant_contact = text_field(data, f, "complainant_contact");
        c.source_layer = data.name;
        const auto& g = f.geometry;
        if (g.type == GeometryType::Point ||
            (g.type == GeometryType::MultiPoint && g.points.size() == 1))
            c.location = g.points.front();
        else
            throw core::StoreError(std::string("a complaint must be one point, not a ") +
                                       core::to_string(g.type),
                                   0, where(data, f.source_fid));
        try {
            detail::insert_complaint(db, c);
        } catch (const core::Error& e) {
            throw core::StoreError(e.message(), 0, where(data, f.source_fid));
        }
    }
}

} // namespace

namespace detail {

void validate_layer_name(Connection& db, const std::string& name, bool creates_table) {
    bool ok = !name.empty() && name.size() <= 60 && !(name[0] >= '0' && name[0] <= '9');
    for (const char c : name)
        ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
    if (!ok)
        throw core::StoreError("layer name '" + name +
                               "' is not valid: use 1-60 characters a-z, 0-9 and _, not "
                               "starting with a digit");
    if (!creates_table)
        return;
    // sqlite_* is SQLite's; idx_* would collide with the spatial index tables of other layers.
    if (is_reserved_table(name) || name.rfind("sqlite_", 0) == 0 || name.rfind("idx_", 0) == 0)
        throw core::StoreError("layer name '" + name + "' is reserved for Redline's own tables");
    Statement st(db, "SELECT type FROM sqlite_master WHERE lower(name) = ?");
    st.bind(1, name);
    if (st.step())
        throw core::StoreError("layer name '" + name + "' is taken by an existing " +
                               st.get_text(0) + " of the workspace");
}

} // namespace detail

void Workspace::import_layer(const core::LayerData& data, core::Role role,
                             const core::ImportReport& report, const core::ProgressFn& progress) {
    auto& db = m_impl->db;
    if (data.epsg != 27700)
        throw core::StoreError("layer must be in EPSG:27700 to be stored, not EPSG:" +
                                   std::to_string(data.epsg),
                               0, where(data));
    detail::Transaction tx(db);
    {
        detail::Statement taken(db, "SELECT 1 FROM layer_registry WHERE name = ?");
        taken.bind(1, data.name);
        if (taken.step())
            throw core::StoreError("layer '" + data.name + "' already exists in the workspace");
    }
    std::string geometry_type;
    if (role == core::Role::Complaint) {
        // Complaints live in one table whatever layer brought them, so that cases can link them
        // and the confidential fields are guarded in one place.
        detail::validate_layer_name(db, data.name, false);
        geometry_type = "POINT";
        write_complaints(db, data, progress);
    } else {
        detail::validate_layer_name(db, data.name, true);
        geometry_type = column_geometry_type(role, data);
        write_table(db, data, geometry_type, progress);
    }
    const std::string file = std::filesystem::path(report.source_path).filename().string();
    const std::string issues = report.issues_json();
    detail::Statement reg(db, "INSERT INTO layer_registry (name, role, geometry_type, source_file, "
                              "source_sha256, source_crs, transformation, imported_at, "
                              "feature_count, issues) VALUES (?, ?, ?, ?, ?, ?, ?, "
                              "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?)");
    reg.bind(1, data.name)
        .bind(2, core::to_string(role))
        .bind(3, geometry_type)
        .bind(4, file)
        .bind(5, report.source_sha256)
        .bind(6, report.source_crs)
        .bind(7, report.transformation)
        .bind(8, static_cast<std::int64_t>(data.features.size()))
        .bind(9, issues)
        .run();
    detail::append_audit(db, m_impl->user, "import",
                         "{\"layer\":" + core::json_quote(data.name) +
                             ",\"role\":" + core::json_quote(core::to_string(role)) +
                             ",\"file\":" + core::json_quote(file) +
                             ",\"sha256\":" + core::json_quote(report.source_sha256) +
                             ",\"count\":" + std::to_string(data.features.size()) +
                             ",\"issues\":" + std::to_string(report.issues.size()) + "}");
    core::report_progress(progress, 1.0, "committing");
    tx.commit();
}

} // namespace redline::store
