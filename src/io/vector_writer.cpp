#include "io/vector_writer.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "core/wkb.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <mutex>
#include <system_error>
#include <unistd.h>

namespace redline::io {
namespace {

void register_drivers() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& layer,
                       std::optional<long long> feature, const std::string& what) {
    const char* msg = CPLGetLastErrorMsg();
    throw core::IoError(what + (msg && *msg ? std::string(": ") + msg : std::string()),
                        core::ErrorContext{path.string(), layer, feature, {}});
}

struct TemporaryFile {
    std::filesystem::path path;
    bool committed = false;
    ~TemporaryFile() {
        if (!committed) {
            std::error_code ec;
            std::filesystem::remove(path, ec);
        }
    }
};

struct Format {
    const char* driver;
    bool csv;
};

Format format_for(const std::filesystem::path& path) {
    const auto ext = core::to_lower(path.extension().string());
    if (ext == ".gpkg")
        return {"GPKG", false};
    if (ext == ".geojson" || ext == ".json")
        return {"GeoJSON", false};
    if (ext == ".csv")
        return {"CSV", true};
    throw core::UsageError("cannot tell the output format from '" + path.filename().string() +
                           "': use .gpkg, .geojson or .csv");
}

OGRwkbGeometryType ogr_type(core::GeometryType t) {
    switch (t) {
    case core::GeometryType::Point:
        return wkbPoint;
    case core::GeometryType::LineString:
        return wkbLineString;
    case core::GeometryType::Polygon:
        return wkbPolygon;
    case core::GeometryType::MultiPoint:
        return wkbMultiPoint;
    case core::GeometryType::MultiLineString:
        return wkbMultiLineString;
    case core::GeometryType::MultiPolygon:
        return wkbMultiPolygon;
    case core::GeometryType::Empty:
        break;
    }
    return wkbUnknown;
}

/// The layer's geometry type: the one type all non-empty features share, the multi type when
/// single and multi parts of one kind mix (GeoPackage does not allow a Polygon in a MultiPolygon
/// column), else unknown.
OGRwkbGeometryType layer_type(const core::LayerData& layer) {
    OGRwkbGeometryType out = wkbNone;
    for (const auto& f : layer.features) {
        if (f.geometry.empty())
            continue;
        const auto t = ogr_type(f.geometry.type);
        if (out == wkbNone || out == t)
            out = t;
        else if (OGR_GT_GetCollection(out) == OGR_GT_GetCollection(t))
            out = OGR_GT_GetCollection(t);
        else
            return wkbUnknown;
    }
    return out == wkbNone ? wkbUnknown : out;
}

OGRFieldType ogr_field_type(core::FieldType t) {
    switch (t) {
    case core::FieldType::Integer:
        return OFTInteger64;
    case core::FieldType::Real:
        return OFTReal;
    case core::FieldType::Text:
        break;
    }
    return OFTString;
}

} // namespace

void write_vector(const std::filesystem::path& path, const core::LayerData& layer,
                  const core::ProgressFn& progress) {
    const auto format = format_for(path);
    register_drivers();
    auto* driver = GetGDALDriverManager()->GetDriverByName(format.driver);
    if (!driver)
        fail(path, layer.name, {}, std::string("GDAL has no ") + format.driver + " driver");
    TemporaryFile tmp{path.parent_path() /
                      ("." + path.stem().string() + ".tmp-" + std::to_string(::getpid()) +
                       path.extension().string())};
    {
        GDALDatasetUniquePtr ds(driver->Create(tmp.path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds)
            fail(path, layer.name, {}, "cannot create the file");
        OGRSpatialReference srs;
        if (srs.importFromEPSG(layer.epsg) != OGRERR_NONE)
            fail(path, layer.name, {}, "unknown CRS EPSG:" + std::to_string(layer.epsg));
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        const auto geom_type = layer_type(layer);
        CPLStringList options;
        if (format.csv) {
            options.SetNameValue("GEOMETRY", "AS_WKT");
            // A .csvt sidecar would be a second file to move; types are documented instead.
            options.SetNameValue("CREATE_CSVT", "NO");
        }
        auto* out = ds->CreateLayer(layer.name.empty() ? "layer" : layer.name.c_str(), &srs,
                                    geom_type, options.List());
        if (!out)
            fail(path, layer.name, {}, "cannot create the layer");
        for (const auto& f : layer.fields) {
            OGRFieldDefn def(f.name.c_str(), ogr_field_type(f.type));
            if (out->CreateField(&def) != OGRERR_NONE)
                fail(path, layer.name, {}, "cannot create field '" + f.name + "'");
        }
        // One transaction: GeoPackage inserts are ~100x faster than one commit per feature.
        const bool transaction = ds->StartTransaction() == OGRERR_NONE;
        const auto n = layer.features.size();
        for (std::size_t i = 0; i < n; ++i) {
            const auto& f = layer.features[i];
            if (f.values.size() != layer.fields.size())
                throw core::UsageError("feature has " + std::to_string(f.values.size()) +
                                       " values for " + std::to_string(layer.fields.size()) +
                                       " fields");
            OGRFeature feature(out->GetLayerDefn());
            for (std::size_t k = 0; k < f.values.size(); ++k) {
                const auto& v = f.values[k];
                const int idx = static_cast<int>(k);
                if (const auto* iv = std::get_if<std::int64_t>(&v))
                    feature.SetField(idx, static_cast<GIntBig>(*iv));
                else if (const auto* dv = std::get_if<double>(&v))
                    feature.SetField(idx, *dv);
                else if (const auto* sv = std::get_if<std::string>(&v))
                    feature.SetField(idx, sv->c_str());
                else
                    feature.SetFieldNull(idx);
            }
            if (!f.geometry.empty()) {
                const auto wkb = core::to_wkb(f.geometry);
                OGRGeometry* g = nullptr;
                if (OGRGeometryFactory::createFromWkb(wkb.data(), &srs, &g, wkb.size()) !=
                    OGRERR_NONE)
                    fail(path, layer.name, f.source_fid, "cannot convert the geometry");
                if (geom_type != wkbUnknown &&
                    OGR_GT_IsSubClassOf(geom_type, wkbGeometryCollection))
                    g = OGRGeometryFactory::forceTo(g, geom_type);
                feature.SetGeometryDirectly(g);
            }
            if (out->CreateFeature(&feature) != OGRERR_NONE)
                fail(path, layer.name, f.source_fid, "cannot write the feature");
            if (progress && i % 4096 == 0)
                core::report_progress(progress, static_cast<double>(i) / n, "writing");
        }
        if (transaction && ds->CommitTransaction() != OGRERR_NONE)
            fail(path, layer.name, {}, "cannot commit");
        CPLErrorReset();
        ds->FlushCache(true);
        ds.reset();
        if (CPLGetLastErrorType() >= CE_Failure)
            fail(path, layer.name, {}, "cannot finish the file");
    }
    std::error_code ec;
    std::filesystem::rename(tmp.path, path, ec);
    if (ec)
        throw core::IoError("cannot move the finished file into place: " + ec.message(),
                            core::ErrorContext{path.string(), layer.name, {}, {}});
    tmp.committed = true;
    core::report_progress(progress, 1.0, "writing");
}

} // namespace redline::io
