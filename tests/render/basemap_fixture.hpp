#pragma once

// Basemap sources generated for tests with GDAL: an EPSG:27700 GeoTIFF with overviews (whose
// overview pixels are recoloured, so a test can tell which level was read), the same picture as a
// PNG with a world file, a WGS84 GeoTIFF, and a tiny XYZ tile pyramid with its GDAL WMS XML.

#include <cpl_conv.h>
#include <gdal.h>
#include <ogr_srs_api.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace redline::test {

/// The colour the generated pictures have at ground point (x, y): 10 m squares of pale green and
/// pale yellow (an allotment-like pattern that reads as "a picture", not as data) crossed by a
/// blue band where 533000 <= x + (y - 179000) / 2 < 533006 (a stream).
inline void basemap_colour(double x, double y, std::uint8_t rgb[3]) {
    const bool stream = x + (y - 179000) / 2 >= 533000 && x + (y - 179000) / 2 < 533006;
    const bool odd =
        (static_cast<long>(std::floor(x / 10)) + static_cast<long>(std::floor(y / 10))) & 1;
    if (stream) {
        rgb[0] = 120, rgb[1] = 170, rgb[2] = 230;
    } else if (odd) {
        rgb[0] = 214, rgb[1] = 232, rgb[2] = 196;
    } else {
        rgb[0] = 240, rgb[1] = 236, rgb[2] = 200;
    }
}

inline void gdal_init() {
    static bool done = false;
    if (!done) {
        GDALAllRegister();
        done = true;
    }
}

/// Write an RGB raster of basemap_colour samples: `epsg` 27700 (x, y metres) or 4326 (x lon,
/// y lat, sampled at the BNG point given by `to_bng`). PNG gets a .pgw world file and no CRS.
template <class ToBng>
void write_basemap(const std::filesystem::path& path, const char* driver, int epsg, double west,
                   double north, double cell, int w, int h, ToBng to_bng, bool overviews = false) {
    gdal_init();
    GDALDatasetH mem = GDALCreate(GDALGetDriverByName("MEM"), "", w, h, 3, GDT_Byte, nullptr);
    double gt[6] = {west, cell, 0, north, 0, -cell};
    GDALSetGeoTransform(mem, gt);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, epsg);
    GDALSetSpatialRef(mem, srs);
    OSRDestroySpatialReference(srs);
    std::vector<std::uint8_t> band(std::size_t(w) * h * 3);
    for (int r = 0; r < h; ++r)
        for (int c = 0; c < w; ++c) {
            double x = west + (c + 0.5) * cell, y = north - (r + 0.5) * cell;
            to_bng(x, y);
            std::uint8_t rgb[3];
            basemap_colour(x, y, rgb);
            for (int b = 0; b < 3; ++b)
                band[std::size_t(b) * w * h + std::size_t(r) * w + c] = rgb[b];
        }
    if (GDALDatasetRasterIO(mem, GF_Write, 0, 0, w, h, band.data(), w, h, GDT_Byte, 3, nullptr, 0,
                            0, 0) != CE_None)
        throw std::runtime_error("cannot fill the test basemap");
    const char* opts[] = {"TILED=YES", nullptr};
    GDALDatasetH out = GDALCreateCopy(
        GDALGetDriverByName(driver), path.c_str(), mem, FALSE,
        std::string(driver) == "GTiff" ? const_cast<char**>(opts) : nullptr, nullptr, nullptr);
    GDALClose(mem);
    if (overviews) {
        int levels[] = {2, 4};
        if (GDALBuildOverviews(out, "AVERAGE", 2, levels, 0, nullptr, nullptr, nullptr) != CE_None)
            throw std::runtime_error("cannot build the test basemap's overviews");
        // Recolour every overview magenta: a read that shows magenta came from an overview.
        for (int b = 1; b <= 3; ++b)
            for (int o = 0; o < 2; ++o) {
                GDALRasterBandH ov = GDALGetOverview(GDALGetRasterBand(out, b), o);
                const int ow = GDALGetRasterBandXSize(ov), oh = GDALGetRasterBandYSize(ov);
                std::vector<std::uint8_t> v(std::size_t(ow) * oh, b == 2 ? 0 : 255);
                if (GDALRasterIO(ov, GF_Write, 0, 0, ow, oh, v.data(), ow, oh, GDT_Byte, 0, 0) !=
                    CE_None)
                    throw std::runtime_error("cannot recolour a test basemap overview");
            }
    }
    GDALClose(out);
    if (std::string(driver) == "PNG") {
        // GDAL writes no world file by default: write the six lines (centre of the top-left pixel)
        // and drop the .aux.xml so the CRS is unknown, as with a scanned map from a council.
        std::filesystem::remove(path.string() + ".aux.xml");
        std::ofstream wld(std::filesystem::path(path).replace_extension(".pgw"));
        wld.precision(12);
        wld << cell << "\n0\n0\n"
            << -cell << "\n"
            << west + cell / 2 << "\n"
            << north - cell / 2 << "\n";
    }
}

/// Web Mercator tile of (lon, lat) at zoom z.
inline void xyz_tile(double lon, double lat, int z, double& x, double& y) {
    const double n = std::ldexp(1.0, z);
    const double rad = lat * M_PI / 180;
    x = (lon + 180) / 360 * n;
    y = (1 - std::log(std::tan(rad) + 1 / std::cos(rad)) / M_PI) / 2 * n;
}

/// A tile pyramid under `dir` ({z}/{x}/{y}.png) around (lon, lat): zoom 17 tiles in a 4 x 4
/// block, coloured red/green by the parity of x and y; zoom 16 tiles plain magenta. Returns the
/// GDAL WMS (TMS mini-driver) XML path. Missing tiles read as empty (404 -> zero block).
inline std::filesystem::path write_tile_pyramid(const std::filesystem::path& dir, double lon,
                                                double lat) {
    gdal_init();
    auto tile = [&](int z, long x, long y, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
        const auto p = dir / std::to_string(z) / std::to_string(x) / (std::to_string(y) + ".png");
        std::filesystem::create_directories(p.parent_path());
        GDALDatasetH mem =
            GDALCreate(GDALGetDriverByName("MEM"), "", 256, 256, 3, GDT_Byte, nullptr);
        for (int band = 1; band <= 3; ++band)
            GDALFillRaster(GDALGetRasterBand(mem, band), band == 1 ? r : band == 2 ? g : b, 0);
        GDALClose(GDALCreateCopy(GDALGetDriverByName("PNG"), p.c_str(), mem, FALSE, nullptr,
                                 nullptr, nullptr));
        GDALClose(mem);
        std::filesystem::remove(p.string() + ".aux.xml");
    };
    double fx, fy;
    xyz_tile(lon, lat, 17, fx, fy);
    for (long x = long(fx) - 2; x < long(fx) + 2; ++x)
        for (long y = long(fy) - 2; y < long(fy) + 2; ++y)
            tile(17, x, y, (x & 1) ? 220 : 40, (y & 1) ? 220 : 40, 60);
    xyz_tile(lon, lat, 16, fx, fy);
    for (long x = long(fx) - 1; x <= long(fx) + 1; ++x)
        for (long y = long(fy) - 1; y <= long(fy) + 1; ++y)
            tile(16, x, y, 255, 0, 255);
    const auto xml = dir / "tiles.xml";
    std::ofstream f(xml);
    f << "<GDAL_WMS>\n<Service name=\"TMS\"><ServerUrl>file://" << dir.string()
      << "/${z}/${x}/${y}.png</ServerUrl></Service>\n"
      << "<DataWindow><UpperLeftX>-20037508.34</UpperLeftX><UpperLeftY>20037508.34</UpperLeftY>"
      << "<LowerRightX>20037508.34</LowerRightX><LowerRightY>-20037508.34</LowerRightY>"
      << "<TileLevel>17</TileLevel><TileCountX>1</TileCountX><TileCountY>1</TileCountY>"
      << "<YOrigin>top</YOrigin></DataWindow>\n<Projection>EPSG:3857</Projection>"
      << "<BlockSizeX>256</BlockSizeX><BlockSizeY>256</BlockSizeY><BandsCount>3</BandsCount>\n"
      << "<ZeroBlockHttpCodes>204,404</ZeroBlockHttpCodes>"
      << "<ZeroBlockOnServerException>true</ZeroBlockOnServerException>\n</GDAL_WMS>\n";
    return xml;
}

} // namespace redline::test
