#include "io/source_reader.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "core/wkb.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogr_api.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cstdio>
#include <mutex>

namespace redline::io {
namespace {

/// Collects GDAL's error messages while a source is open, instead of letting GDAL print them:
/// they become part of our exceptions, and some (an unknown CRS in GeoJSON) are only reported
/// this way while GDAL carries on with a default.
class GdalErrors {
public:
    GdalErrors() { CPLPushErrorHandlerEx(&GdalErrors::handle, this); }
    ~GdalErrors() { CPLPopErrorHandler(); }
    GdalErrors(const GdalErrors&) = delete;
    GdalErrors& operator=(const GdalErrors&) = delete;

    const std::vector<std::string>& failures() const { return m_failures; }
    std::string joined() const {
        std::string out;
        for (const auto& m : m_failures)
            out += (out.empty() ? "" : "; ") + m;
        return out;
    }

private:
    static void CPL_STDCALL handle(CPLErr level, CPLErrorNum, const char* message) {
        auto* self = static_cast<GdalErrors*>(CPLGetErrorHandlerUserData());
        if (self && level >= CE_Failure && message)
            self->m_failures.emplace_back(message);
    }
    std::vector<std::string> m_failures;
};

void register_drivers() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

bool has_extension(const std::filesystem::path& p, const char* ext) {
    return core::to_lower(p.extension().string()) == ext;
}

struct StringListDeleter {
    void operator()(char** list) const { CSLDestroy(list); }
};

GDALDatasetUniquePtr open_vector(const std::string& gdal_path, const CPLStringList& options,
                                 const std::string& display, GdalErrors& errors) {
    GDALDatasetUniquePtr ds(GDALDataset::Open(gdal_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                              nullptr, options.List(), nullptr));
    if (!ds) {
        std::string why = errors.joined();
        throw core::IoError("cannot open as geodata (not a vector format GDAL reads, or a "
                            "damaged file)" +
                                (why.empty() ? std::string() : ": " + why),
                            {display});
    }
    return ds;
}

CPLStringList csv_options(const CsvLayout& csv) {
    CPLStringList options;
    if (csv.kind == CsvGeometry::Wkt) {
        options.SetNameValue("GEOM_POSSIBLE_NAMES", csv.wkt_column.c_str());
    } else if (csv.kind != CsvGeometry::None) {
        options.SetNameValue("X_POSSIBLE_NAMES", csv.x_column.c_str());
        options.SetNameValue("Y_POSSIBLE_NAMES", csv.y_column.c_str());
    }
    options.SetNameValue("KEEP_GEOM_COLUMNS", "NO");
    return options;
}

std::string list_names(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "'" : ", '") + n + "'";
    return out;
}

/// "EPSG:n" when the layer's CRS is (or matches with full confidence) an EPSG entry, else its
/// WKT2 for PROJ; empty when the layer has none.
std::string crs_of(const OGRLayer& layer) {
    const OGRSpatialReference* srs = const_cast<OGRLayer&>(layer).GetSpatialRef();
    if (!srs)
        return {};
    const char* auth = srs->GetAuthorityName(nullptr);
    const char* code = srs->GetAuthorityCode(nullptr);
    if (auth && code && EQUAL(auth, "EPSG"))
        return std::string("EPSG:") + code;
    int n = 0;
    int* confidence = nullptr;
    OGRSpatialReferenceH* matches = srs->FindMatches(nullptr, &n, &confidence);
    std::string found;
    if (matches && n > 0 && confidence[0] == 100) {
        const auto* best = OGRSpatialReference::FromHandle(matches[0]);
        const char* a = best->GetAuthorityName(nullptr);
        const char* c = best->GetAuthorityCode(nullptr);
        if (a && c)
            found = std::string(a) + ":" + c;
    }
    OSRFreeSRSArray(matches);
    CPLFree(confidence);
    if (!found.empty())
        return found;
    char* wkt = nullptr;
    const char* const options[] = {"FORMAT=WKT2_2019", nullptr};
    srs->exportToWkt(&wkt, options);
    std::string out = wkt ? wkt : "";
    CPLFree(wkt);
    return out;
}

core::FieldType field_type(OGRFieldType t) {
    switch (t) {
    case OFTInteger:
    case OFTInteger64:
        return core::FieldType::Integer;
    case OFTReal:
        return core::FieldType::Real;
    default:
        return core::FieldType::Text;
    }
}

core::FieldValue field_value(OGRFeature& f, int i, OGRFieldType t) {
    if (!f.IsFieldSetAndNotNull(i))
        return {};
    switch (t) {
    case OFTInteger:
    case OFTInteger64:
        return static_cast<std::int64_t>(f.GetFieldAsInteger64(i));
    case OFTReal:
        return f.GetFieldAsDouble(i);
    case OFTDate:
    case OFTDateTime: {
        // GDAL prints typed dates as "2023/02/01"; the data model stores ISO days.
        int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
        float ss = 0;
        f.GetFieldAsDateTime(i, &y, &m, &d, &hh, &mm, &ss, &tz);
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        return std::string(buf);
    }
    default:
        return std::string(f.GetFieldAsString(i));
    }
}

core::Geometry geometry_of(const OGRGeometry* g, const core::ErrorContext& where) {
    if (!g || g->IsEmpty())
        return {};
    std::unique_ptr<OGRGeometry> linear;
    if (g->hasCurveGeometry()) {
        // Arcs (GML, DXF) are approximated by GDAL's default stepping: Redline stores vertices.
        linear.reset(g->getLinearGeometry());
        g = linear.get();
    }
    std::vector<std::uint8_t> wkb(static_cast<std::size_t>(g->WkbSize()));
    if (OGR_G_ExportToIsoWkb(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(g)), wkbNDR,
                             wkb.data()) != OGRERR_NONE)
        throw core::GeometryError("GDAL cannot export the geometry", where);
    try {
        return core::from_wkb(wkb);
    } catch (const core::Error& e) {
        throw core::GeometryError(e.message(), where);
    }
}

} // namespace

std::string gdal_path_for(const std::filesystem::path& source, const std::string& layer) {
    if (!has_extension(source, ".zip"))
        return source.string();
    register_drivers();
    const std::string root = "/vsizip/" + std::filesystem::absolute(source).string();
    std::unique_ptr<char*, StringListDeleter> entries(VSIReadDirRecursive(root.c_str()));
    std::vector<std::string> shapefiles;
    for (char** e = entries.get(); e && *e; ++e)
        if (has_extension(*e, ".shp"))
            shapefiles.emplace_back(*e);
    if (shapefiles.empty())
        throw core::IoError("the zip archive holds no shapefile (.shp)", {source.string()});
    if (shapefiles.size() == 1 && layer.empty())
        return root + "/" + shapefiles.front();
    std::vector<std::string> stems;
    for (const auto& s : shapefiles) {
        stems.push_back(std::filesystem::path(s).stem().string());
        if (stems.back() == layer)
            return root + "/" + s;
    }
    if (shapefiles.size() == 1)
        throw core::IoError("no layer '" + layer + "' in the archive; it holds " +
                                list_names(stems),
                            {source.string(), layer});
    throw core::IoError("the archive holds several shapefiles; choose one with --layer: " +
                            list_names(stems),
                        {source.string()});
}

std::vector<std::string> source_layer_names(const std::filesystem::path& source) {
    register_drivers();
    GdalErrors errors;
    if (has_extension(source, ".zip")) {
        std::vector<std::string> out;
        const std::string root = "/vsizip/" + std::filesystem::absolute(source).string();
        std::unique_ptr<char*, StringListDeleter> entries(VSIReadDirRecursive(root.c_str()));
        for (char** e = entries.get(); e && *e; ++e)
            if (has_extension(*e, ".shp"))
                out.push_back(std::filesystem::path(*e).stem().string());
        if (out.empty())
            throw core::IoError("the zip archive holds no shapefile (.shp)", {source.string()});
        return out;
    }
    CPLStringList options;
    if (has_extension(source, ".csv"))
        options = csv_options(detect_csv_layout(read_csv_header(source)));
    auto ds = open_vector(source.string(), options, source.string(), errors);
    std::vector<std::string> out;
    for (auto* layer : ds->GetLayers())
        out.emplace_back(layer->GetName());
    return out;
}

SourceLayer read_source(const std::filesystem::path& source, const std::string& layer_name,
                        const core::ProgressFn& progress) {
    register_drivers();
    SourceLayer out;
    out.display_path = source.string();
    const core::ErrorContext file_ctx{out.display_path};
    if (!std::filesystem::is_regular_file(source))
        throw core::IoError("no such file", file_ctx);
    if (std::filesystem::file_size(source) == 0)
        throw core::IoError("the file is empty", file_ctx);

    CPLStringList options;
    if (has_extension(source, ".csv")) {
        out.csv = detect_csv_layout(read_csv_header(source));
        if (out.csv.kind == CsvGeometry::None)
            throw core::IoError("the CSV has no geometry: expected a WKT column (geometry, wkt, "
                                "point), longitude/latitude or easting/northing columns",
                                file_ctx);
        options = csv_options(out.csv);
    }
    const std::string gdal_path = gdal_path_for(source, layer_name);
    GdalErrors errors;
    auto ds = open_vector(gdal_path, options, out.display_path, errors);
    out.driver = ds->GetDriver() ? ds->GetDriver()->GetDescription() : "";
    out.layer_count = static_cast<std::size_t>(ds->GetLayerCount());

    OGRLayer* layer = nullptr;
    std::vector<std::string> names;
    for (auto* l : ds->GetLayers())
        names.emplace_back(l->GetName());
    if (names.empty())
        throw core::IoError("the source holds no vector layer", file_ctx);
    if (has_extension(source, ".zip") || (layer_name.empty() && names.size() == 1)) {
        layer = ds->GetLayer(0);
    } else if (layer_name.empty()) {
        throw core::IoError("the source has " + std::to_string(names.size()) +
                                " layers; choose one with --layer: " + list_names(names),
                            file_ctx);
    } else {
        layer = ds->GetLayerByName(layer_name.c_str());
        if (!layer)
            throw core::IoError("no such layer; the source has " + list_names(names),
                                {out.display_path, layer_name});
    }
    out.layer_name = layer->GetName();
    const core::ErrorContext layer_ctx{out.display_path, out.layer_name};

    // GDAL reports some CRS problems (an unknown "crs" name in GeoJSON) only as an error message
    // and then carries on in WGS84; that silent substitution must not reach a workspace.
    for (const auto& m : errors.failures()) {
        const std::string lower = core::to_lower(m);
        if (lower.find("crs") != std::string::npos || lower.find("proj") != std::string::npos ||
            lower.find("srs") != std::string::npos)
            throw core::CrsError("unknown coordinate reference system: " + m, layer_ctx);
    }
    out.crs = crs_of(*layer);

    OGRFeatureDefn* defn = layer->GetLayerDefn();
    std::vector<OGRFieldType> types;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        const OGRFieldDefn* fd = defn->GetFieldDefn(i);
        types.push_back(fd->GetType());
        out.data.fields.push_back(
            {core::normalise_field_name(fd->GetNameRef()), field_type(fd->GetType())});
    }
    out.data.name = out.layer_name;

    const GIntBig total = layer->GetFeatureCount(FALSE);
    layer->ResetReading();
    std::int64_t index = 0;
    core::report_progress(progress, 0.0, "reading");
    for (auto& feature : *layer) {
        ++index;
        core::Feature f;
        f.source_fid = feature->GetFID() == OGRNullFID ? index : feature->GetFID();
        core::ErrorContext where = layer_ctx;
        where.feature = f.source_fid;
        f.geometry = geometry_of(feature->GetGeometryRef(), where);
        f.values.reserve(types.size());
        for (int i = 0; i < static_cast<int>(types.size()); ++i)
            f.values.push_back(field_value(*feature, i, types[static_cast<std::size_t>(i)]));
        out.data.features.push_back(std::move(f));
        if (index % 1000 == 0 && total > 0)
            core::report_progress(progress, std::min(1.0, double(index) / double(total)),
                                  "reading");
    }
    // A truncated or corrupt file often opens and then fails part-way: never import a prefix.
    for (const auto& m : errors.failures())
        throw core::IoError("reading failed: " + m, layer_ctx);
    core::report_progress(progress, 1.0, "reading");
    return out;
}

} // namespace redline::io
