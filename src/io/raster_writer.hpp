#pragma once

#include "core/progress.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace redline::io {

/// Georeferencing and labelling of a north-up, single-band raster of square cells.
struct RasterSpec {
    double west = 0.0;  ///< x of the west edge, CRS units (metres for EPSG:27700)
    double north = 0.0; ///< y of the north edge
    double cell = 1.0;  ///< cell size, CRS units
    std::size_t cols = 0;
    std::size_t rows = 0;
    int epsg = 27700;
    std::optional<double> nodata; ///< written as the band's nodata value when set
    bool float64 = false;         ///< Float64 samples instead of Float32 (QGIS's heatmap type)
    std::string description;      ///< the band's description (e.g. "quartic kernel density")
    /// Dataset metadata items (NAME=VALUE in the default domain), e.g. the parameters used.
    std::vector<std::pair<std::string, std::string>> metadata;
};

/// Write `values` (row-major, row 0 the northernmost, cols * rows of them) as a DEFLATE-compressed
/// tiled GeoTIFF with the CRS, geotransform, nodata, description and metadata of `spec`. Atomic:
/// written to a temporary file beside `path` and renamed over it, so `path` is either the old
/// file or the complete new one. Throws core::IoError (with the path and GDAL's message) on
/// failure, core::UsageError when the sizes do not match, core::Cancelled via `progress`.
void write_geotiff(const std::filesystem::path& path, const RasterSpec& spec,
                   std::span<const double> values, const core::ProgressFn& progress = {});

} // namespace redline::io
