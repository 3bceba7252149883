#include "io/raster_writer.hpp"

#include "core/error.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <mutex>
#include <system_error>
#include <unistd.h>

namespace redline::io {
namespace {

void register_drivers() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what) {
    const char* msg = CPLGetLastErrorMsg();
    throw core::IoError(what + (msg && *msg ? std::string(": ") + msg : std::string()),
                        core::ErrorContext{path.string(), {}, {}, {}});
}

/// Removes the temporary file unless the write completed and it was renamed.
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

} // namespace

void write_geotiff(const std::filesystem::path& path, const RasterSpec& spec,
                   std::span<const double> values, const core::ProgressFn& progress) {
    if (spec.cols == 0 || spec.rows == 0 || values.size() != spec.cols * spec.rows)
        throw core::UsageError("raster of " + std::to_string(spec.cols) + " x " +
                               std::to_string(spec.rows) + " cells given " +
                               std::to_string(values.size()) + " values");
    if (spec.cols > 2'000'000'000u || spec.rows > 2'000'000'000u)
        throw core::UsageError("raster too wide for GeoTIFF");
    register_drivers();
    auto* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    if (!driver)
        fail(path, "GDAL has no GTiff driver");
    // Same folder, so the final rename is atomic; same extension for any tool that sniffs it.
    TemporaryFile tmp{path.parent_path() / ("." + path.filename().string() + ".tmp-" +
                                            std::to_string(::getpid()) + ".tif")};
    const auto cols = static_cast<int>(spec.cols);
    const auto rows = static_cast<int>(spec.rows);
    {
        CPLStringList options;
        options.SetNameValue("COMPRESS", "DEFLATE");
        options.SetNameValue("TILED", "YES");
        // Floating-point predictor: smooth surfaces compress several times better with it.
        options.SetNameValue("PREDICTOR", "3");
        options.SetNameValue("BIGTIFF", "IF_SAFER");
        GDALDatasetUniquePtr ds(driver->Create(tmp.path.c_str(), cols, rows, 1,
                                               spec.float64 ? GDT_Float64 : GDT_Float32,
                                               options.List()));
        if (!ds)
            fail(path, "cannot create GeoTIFF");
        double gt[6] = {spec.west, spec.cell, 0.0, spec.north, 0.0, -spec.cell};
        if (ds->SetGeoTransform(gt) != CE_None)
            fail(path, "cannot set the geotransform");
        OGRSpatialReference srs;
        if (srs.importFromEPSG(spec.epsg) != OGRERR_NONE)
            fail(path, "unknown CRS EPSG:" + std::to_string(spec.epsg));
        if (ds->SetSpatialRef(&srs) != CE_None)
            fail(path, "cannot set the CRS");
        for (const auto& [name, value] : spec.metadata)
            ds->SetMetadataItem(name.c_str(), value.c_str());
        auto* band = ds->GetRasterBand(1);
        if (spec.nodata && band->SetNoDataValue(*spec.nodata) != CE_None)
            fail(path, "cannot set the nodata value");
        if (!spec.description.empty())
            band->SetDescription(spec.description.c_str());
        // In strips of rows so progress can be reported and a cancel honoured part-way.
        const int strip = 256;
        for (int r = 0; r < rows; r += strip) {
            const int n = std::min(strip, rows - r);
            auto* data =
                const_cast<double*>(values.data() + static_cast<std::size_t>(r) * spec.cols);
            if (band->RasterIO(GF_Write, 0, r, cols, n, data, cols, n, GDT_Float64, 0, 0) !=
                CE_None)
                fail(path, "cannot write raster rows");
            core::report_progress(progress, static_cast<double>(r + n) / rows, "writing");
        }
        // GDAL 3.6 has no GDALDataset::Close() returning an error: flush, close, and check
        // whether either reported a failure.
        CPLErrorReset();
        ds->FlushCache(true);
        ds.reset();
        if (CPLGetLastErrorType() >= CE_Failure)
            fail(path, "cannot finish the GeoTIFF");
    }
    std::error_code ec;
    std::filesystem::rename(tmp.path, path, ec);
    if (ec)
        throw core::IoError("cannot move the finished GeoTIFF into place: " + ec.message(),
                            core::ErrorContext{path.string(), {}, {}, {}});
    tmp.committed = true;
}

} // namespace redline::io
