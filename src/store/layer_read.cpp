// Reading layers back: the registry (with live extents) and a layer's features, optionally
// restricted to a box through the spatial index.
#include "core/error.hpp"
#include "core/wkb.hpp"
#include "store/layer_table.hpp"
#include "store/workspace_impl.hpp"

#include <sqlite3.h>

#include <atomic>
#include <exception>
#include <thread>

namespace redline::store {
namespace {

const char* k_registry_columns = "name, role, geometry_type, source_file, source_sha256, "
                                 "source_crs, transformation, imported_at, feature_count, issues";

/// Extent of what is in the layer now, from the geometries themselves (exact, unlike the R*Tree,
/// which stores single-precision boxes).
core::Envelope current_extent(detail::Connection& db, const LayerInfo& info) {
    const bool complaints = info.role == core::Role::Complaint;
    const std::string sql =
        "SELECT min(MbrMinX(geom)), min(MbrMinY(geom)), max(MbrMaxX(geom)), max(MbrMaxY(geom)) "
        "FROM " +
        (complaints ? std::string("complaints WHERE source_layer = ?")
                    : detail::quote_identifier(info.name));
    detail::Statement st(db, sql);
    if (complaints)
        st.bind(1, info.name);
    core::Envelope e;
    if (st.step() && !st.is_null(0)) {
        e.expand(core::Coord{st.get_double(0), st.get_double(1)});
        e.expand(core::Coord{st.get_double(2), st.get_double(3)});
    }
    return e;
}

LayerInfo read_info(detail::Connection& db, detail::Statement& st) {
    LayerInfo info;
    info.name = st.get_text(0);
    const auto role = core::parse_role(st.get_text(1));
    if (!role)
        throw core::StoreError("layer '" + info.name + "' has an unknown role '" + st.get_text(1) +
                               "' in the registry");
    info.role = *role;
    info.geometry_type = st.get_text(2);
    info.source_file = st.get_text(3);
    info.source_sha256 = st.get_text(4);
    info.source_crs = st.get_text(5);
    info.transformation = st.get_text(6);
    info.imported_at = st.get_text(7);
    info.feature_count = static_cast<std::size_t>(st.get_int(8));
    info.issues_json = st.get_text(9);
    info.extent = current_extent(db, info);
    return info;
}

core::FieldType field_type(const std::string& declared) {
    if (declared == "INTEGER")
        return core::FieldType::Integer;
    if (declared == "REAL")
        return core::FieldType::Real;
    return core::FieldType::Text;
}

core::FieldValue read_value(const detail::Statement& st, int column) {
    switch (st.column_type(column)) {
    case SQLITE_INTEGER:
        return st.get_int(column);
    case SQLITE_FLOAT:
        return st.get_double(column);
    case SQLITE_NULL:
        return std::monostate{};
    default:
        return st.get_text(column);
    }
}

} // namespace

std::vector<LayerInfo> Workspace::layers() const {
    detail::Statement st(m_impl->db, std::string("SELECT ") + k_registry_columns +
                                         " FROM layer_registry ORDER BY name");
    std::vector<LayerInfo> out;
    while (st.step())
        out.push_back(read_info(m_impl->db, st));
    return out;
}

std::optional<LayerInfo> Workspace::layer(const std::string& name) const {
    detail::Statement st(m_impl->db, std::string("SELECT ") + k_registry_columns +
                                         " FROM layer_registry WHERE name = ?");
    st.bind(1, name);
    if (!st.step())
        return std::nullopt;
    return read_info(m_impl->db, st);
}

namespace {

/// Workspace::read_layer on a given connection (the workspace's own, or a reader's).
core::LayerData read_layer_on(detail::Connection& db, const std::string& name,
                              const std::optional<core::Envelope>& bbox) {
    // Only the role is needed here: layer() would also scan every geometry for the extent.
    std::optional<core::Role> role;
    {
        detail::Statement st(db, "SELECT role FROM layer_registry WHERE name = ?");
        st.bind(1, name);
        if (st.step()) {
            role = core::parse_role(st.get_text(0));
            if (!role)
                throw core::StoreError("layer '" + name + "' has an unknown role '" +
                                       st.get_text(0) + "' in the registry");
        }
    }
    if (!role)
        throw core::StoreError("no layer '" + name + "' in workspace '" + db.path().string() + "'");
    core::LayerData data;
    data.name = name;
    data.epsg = 27700;

    std::string table, id_column, where;
    if (*role == core::Role::Complaint) {
        table = "complaints";
        id_column = "id";
        for (const char* f : detail::k_public_complaint_fields)
            data.fields.push_back({f, core::FieldType::Text});
        where = " WHERE source_layer = ?";
    } else {
        table = detail::quote_identifier(name);
        id_column = "fid";
        detail::Statement cols(db,
                               "SELECT name, upper(type) FROM pragma_table_info(?) ORDER BY cid");
        cols.bind(1, name);
        while (cols.step()) {
            const auto col = cols.get_text(0);
            if (col != "fid" && col != "geom")
                data.fields.push_back({col, field_type(cols.get_text(1))});
        }
    }
    std::string select = "SELECT " + id_column;
    for (const auto& f : data.fields)
        select += ", " + detail::quote_identifier(f.name);
    select += ", AsBinary(geom) FROM " + table + where;
    if (bbox) {
        // Query the R*Tree table directly rather than through SpatiaLite's SpatialIndex virtual
        // table or ST_Intersects, whose -1 result for NULL geometries a WHERE reads as true.
        // The R*Tree's boxes are rounded outwards, so the exact test follows below.
        select += std::string(where.empty() ? " WHERE " : " AND ") + id_column +
                  " IN (SELECT pkid FROM " +
                  detail::quote_identifier(detail::index_table(
                      *role == core::Role::Complaint ? "complaints" : name, "geom")) +
                  " WHERE xmin <= ? AND xmax >= ? AND ymin <= ? AND ymax >= ?)";
    }
    select += " ORDER BY " + id_column;
    detail::Statement st(db, select);
    int index = 1;
    if (!where.empty())
        st.bind(index++, name);
    if (bbox) {
        st.bind(index, bbox->max_x).bind(index + 1, bbox->min_x);
        st.bind(index + 2, bbox->max_y).bind(index + 3, bbox->min_y);
    }
    const int n_fields = static_cast<int>(data.fields.size());
    while (st.step()) {
        core::Feature f;
        f.source_fid = st.get_int(0);
        for (int i = 0; i < n_fields; ++i)
            f.values.push_back(read_value(st, i + 1));
        if (!st.is_null(n_fields + 1))
            f.geometry = core::from_wkb(st.get_blob(n_fields + 1));
        if (bbox && !f.geometry.envelope().intersects(*bbox))
            continue;
        data.features.push_back(std::move(f));
    }
    return data;
}

} // namespace

core::LayerData Workspace::read_layer(const std::string& name,
                                      const std::optional<core::Envelope>& bbox) const {
    return read_layer_on(m_impl->db, name, bbox);
}

std::vector<core::LayerData> Workspace::read_layers(const std::vector<std::string>& names) const {
    std::vector<core::LayerData> out(names.size());
    if (names.size() < 2 || std::thread::hardware_concurrency() < 2) {
        for (std::size_t i = 0; i < names.size(); ++i)
            out[i] = read_layer_on(m_impl->db, names[i], std::nullopt);
        return out;
    }
    // Two readers over the same file (WAL lets them read at once): this connection and one more,
    // taking layers one at a time so that one large layer does not leave the other reader idle.
    std::atomic<std::size_t> next{0};
    auto work = [&](detail::Connection& db) {
        for (std::size_t i = next++; i < names.size(); i = next++)
            out[i] = read_layer_on(db, names[i], std::nullopt);
    };
    std::exception_ptr failure;
    std::thread reader([&] {
        try {
            detail::Connection db(m_impl->db.path(), false);
            db.load_spatialite();
            work(db);
        } catch (...) {
            failure = std::current_exception();
            next = names.size();
        }
    });
    try {
        work(m_impl->db);
    } catch (...) {
        next = names.size();
        reader.join();
        throw;
    }
    reader.join();
    if (failure)
        std::rethrow_exception(failure);
    return out;
}

} // namespace redline::store
