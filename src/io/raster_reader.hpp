#pragma once

#include "core/geometry.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace redline::io {

/// A north-up RGBA picture of part of the ground in EPSG:27700: row 0 is the northernmost row,
/// four bytes (straight alpha) per pixel. Pixels with no source data are fully transparent.
struct RgbaRaster {
    double west = 0;   ///< x of the west edge, EPSG:27700 metres
    double north = 0;  ///< y of the north edge
    double cell_m = 1; ///< ground size of one (square) pixel, metres
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;
};

/// What a basemap source is, as far as the viewer needs to know.
struct RasterSourceInfo {
    std::string driver;    ///< GDAL short name ("GTiff", "PNG", "WMS", ...)
    std::string crs;       ///< name of the source CRS ("OSGB36 / British National Grid")
    bool warped = false;   ///< false when the source is already EPSG:27700 (read without a warp)
    core::Envelope extent; ///< EPSG:27700
    double cell_m = 1;     ///< native ground resolution in EPSG:27700 metres per pixel
    int width = 0, height = 0;
    int overviews = 0; ///< overview levels of the first band (reduced reads use them)
    /// The source CRS as WKT, for checking the operation to EPSG:27700 (crs::Transformer);
    /// empty when the source states none (a world file alone, taken as EPSG:27700).
    std::string crs_wkt;
    /// A copyright statement the file carries in its metadata (TIFFTAG_COPYRIGHT, a PNG
    /// "Copyright" text chunk); empty when it carries none.
    std::string copyright;
    /// Every file GDAL reads the source from (the raster, its world file, .prj, .aux.xml, ...),
    /// the opened path first; the files whose hashes identify the basemap in a pack.
    std::vector<std::string> files;
};

/// A raster basemap: a GeoTIFF, a PNG/JPEG with a world file (.pgw/.jgw/.wld; with no .prj or
/// .aux.xml it is taken to be EPSG:27700, as Ordnance Survey and councils publish them), or a
/// GDAL WMS/TMS XML description (file:// tile URLs work offline). Sources in another CRS are
/// reprojected to EPSG:27700 on each read (GDAL warp into a memory dataset); EPSG:27700 sources
/// are read directly. Reads at a coarser resolution use the source's overviews (or, for tiles,
/// the lower zoom level).
///
/// Holds an open GDAL dataset: not thread-safe; create, use and destroy it on one thread (the
/// basemap worker). Reads never touch OpenGL.
class RasterSource {
public:
    /// Open `path`. Throws core::IoError (path, GDAL's message) when GDAL cannot read it as a
    /// raster or it has no georeferencing; core::CrsError when its CRS cannot reach EPSG:27700.
    explicit RasterSource(const std::filesystem::path& path);
    ~RasterSource();
    RasterSource(RasterSource&&) noexcept;
    RasterSource& operator=(RasterSource&&) noexcept;

    const RasterSourceInfo& info() const;

    /// The ground west..west+width*cell_m by north-height*cell_m..north as RGBA (1, 3 or 4 bands
    /// and paletted bands are expanded; nodata and off-source pixels are transparent). Throws
    /// core::IoError when GDAL fails to read.
    RgbaRaster read(double west, double north, double cell_m, int width, int height) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace redline::io
