#include "io/raster_reader.hpp"

#include "core/error.hpp"
#include "crs/transformer.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal.h>
#include <gdal_alg.h>
#include <gdal_utils.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <mutex>

namespace redline::io {
namespace {

struct DatasetCloser {
    void operator()(void* ds) const {
        if (ds)
            GDALClose(static_cast<GDALDatasetH>(ds));
    }
};
using Dataset = std::unique_ptr<void, DatasetCloser>;

struct SrsDeleter {
    void operator()(void* s) const {
        if (s)
            OSRDestroySpatialReference(static_cast<OGRSpatialReferenceH>(s));
    }
};
using Srs = std::unique_ptr<void, SrsDeleter>;

/// GDAL reports failures through its error handler; collect the last message instead of letting
/// GDAL print it, so that it can travel in the exception the user sees.
class QuietErrors {
public:
    QuietErrors() {
        CPLPushErrorHandler(CPLQuietErrorHandler);
        CPLErrorReset();
    }
    ~QuietErrors() { CPLPopErrorHandler(); }
    QuietErrors(const QuietErrors&) = delete;
    QuietErrors& operator=(const QuietErrors&) = delete;
    static std::string last() {
        const char* m = CPLGetLastErrorMsg();
        return m && *m ? m : "no reason given";
    }
};

void init_gdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        // Reprojection to EPSG:27700 must be able to use OSTN15 (metres better than the Helmert
        // fallback PROJ takes silently when the grid is missing): let GDAL's PROJ contexts see
        // the folders the crs module finds the grid in, plus proj.db.
        // Grid folders first, then GDAL's own (which hold proj.db).
        CPLStringList list;
        for (const auto& d : crs::grid_search_directories())
            list.AddString(d.string().c_str());
        char** defaults = OSRGetPROJSearchPaths();
        for (char** p = defaults; p && *p; ++p)
            list.AddString(*p);
        CSLDestroy(defaults);
        OSRSetPROJSearchPaths(list.List());
    });
}

Srs bng_srs() {
    Srs s(OSRNewSpatialReference(nullptr));
    OSRImportFromEPSG(static_cast<OGRSpatialReferenceH>(s.get()), 27700);
    OSRSetAxisMappingStrategy(static_cast<OGRSpatialReferenceH>(s.get()),
                              OAMS_TRADITIONAL_GIS_ORDER);
    return s;
}

bool is_bng(OGRSpatialReferenceH srs) {
    Srs clone(OSRClone(srs));
    auto* c = static_cast<OGRSpatialReferenceH>(clone.get());
    OSRAutoIdentifyEPSG(c);
    const char* code = OSRGetAuthorityCode(c, nullptr);
    if (code && std::strcmp(code, "27700") == 0)
        return true;
    Srs bng = bng_srs();
    const char* opts[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", "CRITERION=EQUIVALENT",
                          nullptr};
    return OSRIsSameEx(srs, static_cast<OGRSpatialReferenceH>(bng.get()), opts);
}

/// Read the source window (fractional, in source pixels) into `out` at pixel offset (ox, oy)
/// with a buffer of bw x bh pixels, expanding bands to RGBA. Alpha comes from the band mask, which
/// GDAL derives from an alpha band, a nodata value or a per-dataset mask alike.
bool read_rgba(GDALDatasetH ds, double fx, double fy, double fw, double fh, int ox, int oy, int bw,
               int bh, RgbaRaster& out) {
    const int bands = GDALGetRasterCount(ds);
    if (bands < 1 || bw <= 0 || bh <= 0)
        return true;
    GDALRasterBandH first = GDALGetRasterBand(ds, 1);
    GDALColorTableH palette = GDALGetRasterColorTable(first);
    GDALRasterIOExtraArg extra;
    INIT_RASTERIO_EXTRA_ARG(extra);
    // Paletted values are indices: interpolating them would invent colours.
    extra.eResampleAlg = palette ? GRIORA_NearestNeighbour : GRIORA_Bilinear;
    extra.bFloatingPointWindowValidity = TRUE;
    extra.dfXOff = fx;
    extra.dfYOff = fy;
    extra.dfXSize = fw;
    extra.dfYSize = fh;
    const int x0 = std::max(0, static_cast<int>(std::floor(fx)));
    const int y0 = std::max(0, static_cast<int>(std::floor(fy)));
    const int x1 = std::min(GDALGetRasterXSize(ds), static_cast<int>(std::ceil(fx + fw)));
    const int y1 = std::min(GDALGetRasterYSize(ds), static_cast<int>(std::ceil(fy + fh)));
    if (x1 <= x0 || y1 <= y0)
        return true;
    std::uint8_t* base = out.rgba.data() + (std::size_t(oy) * out.width + ox) * 4;
    const GSpacing line = GSpacing(out.width) * 4;
    // A mask is all-valid, or derived from alpha/nodata: bands 1..3 are colour either way.
    const int mask_flags = GDALGetMaskFlags(first);
    const bool alpha_band = bands >= 2 && GDALGetRasterColorInterpretation(
                                              GDALGetRasterBand(ds, bands)) == GCI_AlphaBand;
    const int colour_bands = std::min(alpha_band ? bands - 1 : bands, 3);
    int band_map[3] = {1, 2, 3};
    if (GDALDatasetRasterIOEx(ds, GF_Read, x0, y0, x1 - x0, y1 - y0, base, bw, bh, GDT_Byte,
                              colour_bands, band_map, 4, line, 1, &extra) != CE_None)
        return false;
    for (int y = 0; y < bh; ++y) {
        std::uint8_t* p = base + y * line;
        for (int x = 0; x < bw; ++x, p += 4) {
            if (palette) {
                const GDALColorEntry* e = GDALGetColorEntry(palette, p[0]);
                p[0] = e ? std::uint8_t(e->c1) : 0;
                p[1] = e ? std::uint8_t(e->c2) : 0;
                p[2] = e ? std::uint8_t(e->c3) : 0;
                p[3] = e ? std::uint8_t(e->c4) : 0;
                continue;
            }
            if (colour_bands == 1)
                p[1] = p[2] = p[0];
            else if (colour_bands == 2)
                p[2] = p[0];
            p[3] = 255;
        }
    }
    if (mask_flags != GMF_ALL_VALID) {
        std::vector<std::uint8_t> mask(std::size_t(bw) * bh);
        extra.eResampleAlg = GRIORA_NearestNeighbour;
        if (GDALRasterIOEx(GDALGetMaskBand(first), GF_Read, x0, y0, x1 - x0, y1 - y0, mask.data(),
                           bw, bh, GDT_Byte, 1, bw, &extra) != CE_None)
            return false;
        for (int y = 0; y < bh; ++y)
            for (int x = 0; x < bw; ++x) {
                std::uint8_t& a = base[y * line + x * 4 + 3];
                a = std::min(a, mask[std::size_t(y) * bw + x]);
            }
    }
    return true;
}

/// The copyright statement and the files of the dataset, for an evidence pack's provenance.
void describe_files(GDALDatasetH ds, const std::filesystem::path& path, RasterSourceInfo& info) {
    // GeoTIFF writers put it in the TIFF Copyright tag; PNG keeps it as a "Copyright" text chunk.
    for (const char* key : {"TIFFTAG_COPYRIGHT", "Copyright", "COPYRIGHT"})
        if (const char* v = GDALGetMetadataItem(ds, key, nullptr); v && *v) {
            info.copyright = v;
            break;
        }
    info.files.push_back(path.string());
    char** files = GDALGetFileList(ds);
    for (char** f = files; f && *f; ++f) {
        std::error_code ec;
        if (!std::filesystem::equivalent(*f, path, ec))
            info.files.push_back(*f);
    }
    CSLDestroy(files);
}

} // namespace

struct RasterSource::Impl {
    std::filesystem::path path;
    Dataset ds;
    RasterSourceInfo info;
    double gt[6] = {0, 1, 0, 0, 0, 1};

    GDALDatasetH handle() const { return static_cast<GDALDatasetH>(ds.get()); }

    core::IoError fail(const std::string& what) const {
        core::ErrorContext where;
        where.path = path.string();
        return core::IoError(what + ": " + QuietErrors::last(), where);
    }
};

RasterSource::RasterSource(const std::filesystem::path& path) : m_impl(std::make_unique<Impl>()) {
    init_gdal();
    QuietErrors quiet;
    Impl& d = *m_impl;
    d.path = path;
    // Verbose errors: without them GDAL says nothing about why a file did not open (missing, not a
    // format it knows), and the user would be told "no reason given".
    d.ds.reset(GDALOpenEx(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR,
                          nullptr, nullptr, nullptr));
    if (!d.ds)
        throw d.fail("cannot open as a raster");
    GDALDatasetH ds = d.handle();
    d.info.driver = GDALGetDriverShortName(GDALGetDatasetDriver(ds));
    d.info.width = GDALGetRasterXSize(ds);
    d.info.height = GDALGetRasterYSize(ds);
    if (GDALGetRasterCount(ds) < 1)
        throw d.fail("the raster has no bands");
    d.info.overviews = GDALGetOverviewCount(GDALGetRasterBand(ds, 1));
    if (GDALGetGeoTransform(ds, d.gt) != CE_None)
        throw d.fail("the raster has no georeferencing (no world file or geotransform)");
    OGRSpatialReferenceH srs = GDALGetSpatialRef(ds);
    // A world file carries no CRS; Redline's basemaps are British National Grid unless told.
    const bool bng = !srs || is_bng(srs);
    d.info.crs = srs ? OSRGetName(srs) : "none given (taken as EPSG:27700)";
    if (srs) {
        char* wkt = nullptr;
        if (OSRExportToWkt(srs, &wkt) == OGRERR_NONE && wkt)
            d.info.crs_wkt = wkt;
        CPLFree(wkt);
    }
    describe_files(ds, path, d.info);
    const bool rotated = d.gt[2] != 0 || d.gt[4] != 0;
    d.info.warped = !bng || rotated;
    if (!d.info.warped) {
        d.info.cell_m = std::abs(d.gt[1]);
        d.info.extent.expand(core::Coord{d.gt[0], d.gt[3]});
        d.info.extent.expand(
            core::Coord{d.gt[0] + d.gt[1] * d.info.width, d.gt[3] + d.gt[5] * d.info.height});
        return;
    }
    // Where the source lands in EPSG:27700, and at what resolution, as gdalwarp would choose.
    char* bng_wkt = nullptr;
    Srs target = bng_srs();
    OSRExportToWkt(static_cast<OGRSpatialReferenceH>(target.get()), &bng_wkt);
    const char* opts[] = {"DST_SRS=EPSG:27700", nullptr};
    void* transform = GDALCreateGenImgProjTransformer2(ds, nullptr, const_cast<char**>(opts));
    CPLFree(bng_wkt);
    if (!transform)
        throw core::CrsError("cannot reproject " + path.string() +
                             " to EPSG:27700: " + QuietErrors::last());
    double out_gt[6];
    int w = 0, h = 0;
    const CPLErr err =
        GDALSuggestedWarpOutput(ds, GDALGenImgProjTransform, transform, out_gt, &w, &h);
    GDALDestroyGenImgProjTransformer(transform);
    if (err != CE_None || w <= 0 || h <= 0)
        throw core::CrsError("cannot place " + path.string() +
                             " in EPSG:27700: " + QuietErrors::last());
    d.info.cell_m = std::abs(out_gt[1]);
    core::Envelope e;
    e.expand(core::Coord{out_gt[0], out_gt[3]});
    e.expand(core::Coord{out_gt[0] + out_gt[1] * w, out_gt[3] + out_gt[5] * h});
    // A world-wide tile service reaches far beyond the National Grid, where the projection means
    // nothing: keep the part inside EPSG:27700's area of use (EPSG's projected bounds).
    const core::Envelope bng_area{-104000, -17000, 653000, 1200000};
    d.info.extent.expand(
        core::Coord{std::max(e.min_x, bng_area.min_x), std::max(e.min_y, bng_area.min_y)});
    d.info.extent.expand(
        core::Coord{std::min(e.max_x, bng_area.max_x), std::min(e.max_y, bng_area.max_y)});
    if (!e.intersects(bng_area))
        throw core::CrsError(path.string() + " lies outside the British National Grid's area");
}

RasterSource::~RasterSource() = default;
RasterSource::RasterSource(RasterSource&&) noexcept = default;
RasterSource& RasterSource::operator=(RasterSource&&) noexcept = default;

const RasterSourceInfo& RasterSource::info() const {
    return m_impl->info;
}

RgbaRaster RasterSource::read(double west, double north, double cell_m, int width,
                              int height) const {
    const Impl& d = *m_impl;
    QuietErrors quiet;
    RgbaRaster out;
    out.west = west;
    out.north = north;
    out.cell_m = cell_m;
    out.width = std::max(0, width);
    out.height = std::max(0, height);
    out.rgba.assign(std::size_t(out.width) * out.height * 4, 0);
    if (out.rgba.empty())
        return out;
    if (!d.info.warped) {
        // Source pixels per output pixel; the window is kept fractional so tiles line up exactly.
        const double sx = cell_m / d.gt[1], sy = cell_m / -d.gt[5];
        const double fx0 = (west - d.gt[0]) / d.gt[1];
        const double fy0 = (north - d.gt[3]) / d.gt[5];
        const double cx0 = std::max(fx0, 0.0), cy0 = std::max(fy0, 0.0);
        const double cx1 = std::min(fx0 + width * sx, double(d.info.width));
        const double cy1 = std::min(fy0 + height * sy, double(d.info.height));
        if (cx1 <= cx0 || cy1 <= cy0)
            return out;
        const int ox0 = std::clamp(int(std::lround((cx0 - fx0) / sx)), 0, width);
        const int oy0 = std::clamp(int(std::lround((cy0 - fy0) / sy)), 0, height);
        const int ox1 = std::clamp(int(std::lround((cx1 - fx0) / sx)), 0, width);
        const int oy1 = std::clamp(int(std::lround((cy1 - fy0) / sy)), 0, height);
        if (!read_rgba(d.handle(), fx0 + ox0 * sx, fy0 + oy0 * sy, (ox1 - ox0) * sx,
                       (oy1 - oy0) * sy, ox0, oy0, ox1 - ox0, oy1 - oy0, out))
            throw d.fail("cannot read the raster");
        return out;
    }
    // Another CRS: warp just this window to EPSG:27700 in memory. -ovr AUTO makes GDAL read the
    // overview (or tile zoom level) closest to the output resolution.
    CPLStringList args;
    const bool palette = GDALGetRasterColorTable(GDALGetRasterBand(d.handle(), 1)) != nullptr;
    for (const char* a : {"-of", "MEM", "-t_srs", "EPSG:27700", "-r", palette ? "near" : "bilinear",
                          "-dstalpha", "-ovr", "AUTO", "-q"})
        args.AddString(a);
    args.AddString("-te");
    for (const auto& v : {west, north - height * cell_m, west + width * cell_m, north})
        args.AddString(CPLSPrintf("%.6f", v));
    args.AddString("-ts");
    args.AddString(std::to_string(width).c_str());
    args.AddString(std::to_string(height).c_str());
    GDALWarpAppOptions* opts = GDALWarpAppOptionsNew(args.List(), nullptr);
    GDALDatasetH src = d.handle();
    int usage_error = 0;
    Dataset warped(GDALWarp("", nullptr, 1, &src, opts, &usage_error));
    GDALWarpAppOptionsFree(opts);
    if (!warped)
        throw d.fail("cannot reproject the raster to EPSG:27700");
    if (!read_rgba(static_cast<GDALDatasetH>(warped.get()), 0, 0, width, height, 0, 0, width,
                   height, out))
        throw d.fail("cannot read the reprojected raster");
    return out;
}

} // namespace redline::io
