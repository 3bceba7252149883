// io::RasterSource on generated basemaps: GeoTIFF (with overviews), PNG + world file, a WGS84
// GeoTIFF reprojected to EPSG:27700, and a GDAL WMS XML over local XYZ tiles (file:// URLs).

#include "render/basemap_fixture.hpp"

#include "app/basemap_loader.hpp"
#include "core/error.hpp"
#include "crs/transformer.hpp"
#include "io/raster_reader.hpp"

#include <gtest/gtest.h>

using namespace redline;

namespace {

std::filesystem::path temp_dir(const std::string& name) {
    const auto d = std::filesystem::temp_directory_path() / ("redline_raster_" + name);
    std::filesystem::remove_all(d);
    std::filesystem::create_directories(d);
    return d;
}

const std::uint8_t* at(const io::RgbaRaster& r, int x, int y) {
    return &r.rgba[(std::size_t(y) * r.width + x) * 4];
}

/// The colour read at ground point (x, y) from `r`.
const std::uint8_t* ground(const io::RgbaRaster& r, double x, double y) {
    return at(r, int((x - r.west) / r.cell_m), int((r.north - y) / r.cell_m));
}

void expect_pattern(const io::RgbaRaster& r, double x, double y) {
    std::uint8_t want[3];
    test::basemap_colour(x, y, want);
    const std::uint8_t* got = ground(r, x, y);
    for (int c = 0; c < 3; ++c)
        EXPECT_NEAR(got[c], want[c], 6) << "channel " << c << " at " << x << "," << y;
    EXPECT_EQ(got[3], 255);
}

auto no_transform = [](double&, double&) {};

} // namespace

TEST(RasterReader, GeoTiffIn27700IsReadWithoutWarpAndUsesOverviews) {
    const auto dir = temp_dir("gtiff");
    // 200 m x 160 m at 0.5 m around the fixture street.
    test::write_basemap(dir / "a.tif", "GTiff", 27700, 532900, 179080, 0.5, 400, 320, no_transform,
                        true);
    const io::RasterSource src(dir / "a.tif");
    EXPECT_FALSE(src.info().warped);
    EXPECT_EQ(src.info().overviews, 2);
    EXPECT_DOUBLE_EQ(src.info().cell_m, 0.5);
    EXPECT_DOUBLE_EQ(src.info().extent.min_x, 532900);
    EXPECT_DOUBLE_EQ(src.info().extent.max_y, 179080);
    EXPECT_DOUBLE_EQ(src.info().extent.max_x, 533100);

    // Native resolution, a window hanging off the west edge: off-source pixels are transparent.
    const io::RgbaRaster r = src.read(532880, 179040, 0.5, 128, 128);
    EXPECT_EQ(at(r, 5, 5)[3], 0);
    expect_pattern(r, 532905, 179035);
    expect_pattern(r, 532915, 179025);
    expect_pattern(r, 532935, 179001);
    // Four times coarser: GDAL reads the overview, which the fixture painted magenta.
    const io::RgbaRaster coarse = src.read(532900, 179080, 2.0, 50, 40);
    const std::uint8_t* p = at(coarse, 25, 20);
    EXPECT_EQ(p[0], 255);
    EXPECT_EQ(p[1], 0);
    EXPECT_EQ(p[3], 255);
}

TEST(RasterReader, PngWithWorldFileIsTakenAsBritishNationalGrid) {
    const auto dir = temp_dir("png");
    test::write_basemap(dir / "scan.png", "PNG", 27700, 532950, 179050, 0.25, 200, 200,
                        no_transform);
    ASSERT_TRUE(std::filesystem::exists(dir / "scan.pgw"));
    const io::RasterSource src(dir / "scan.png");
    EXPECT_EQ(src.info().driver, "PNG");
    EXPECT_FALSE(src.info().warped);
    EXPECT_NEAR(src.info().extent.min_x, 532950, 1e-6);
    EXPECT_NEAR(src.info().extent.min_y, 179000, 1e-6);
    const io::RgbaRaster r = src.read(532950, 179050, 0.25, 200, 200);
    expect_pattern(r, 532955, 179045);
    expect_pattern(r, 532985, 179005);
}

TEST(RasterReader, Wgs84GeoTiffIsWarpedToBritishNationalGrid) {
    const auto dir = temp_dir("wgs84");
    const crs::Transformer to_bng("EPSG:4326", "EPSG:27700");
    const crs::Transformer to_ll("EPSG:27700", "EPSG:4326");
    const core::Coord nw = to_ll.transform({532900, 179100});
    auto sample = [&](double& x, double& y) {
        const core::Coord c = to_bng.transform({x, y});
        x = c.x;
        y = c.y;
    };
    // ~0.5 m cells in degrees at 51.5 N.
    test::write_basemap(dir / "ll.tif", "GTiff", 4326, nw.x, nw.y, 0.000006, 480, 360, sample);
    const io::RasterSource src(dir / "ll.tif");
    EXPECT_TRUE(src.info().warped);
    EXPECT_NEAR(src.info().extent.min_x, 532900, 5);
    EXPECT_NEAR(src.info().extent.max_y, 179100, 10); // grid convergence tilts the box
    const io::RgbaRaster r = src.read(532920, 179080, 0.5, 128, 128);
    // Centres of 10 m squares: reprojection through OSTN15 lands within a metre.
    expect_pattern(r, 532925, 179075);
    expect_pattern(r, 532935, 179065);
    expect_pattern(r, 532945, 179045);
}

TEST(RasterReader, WmsXmlOverLocalTilesPicksTheZoomLevel) {
    const auto dir = temp_dir("xyz");
    const crs::Transformer to_ll("EPSG:27700", "EPSG:4326");
    const core::Coord ll = to_ll.transform({533000, 179000});
    const auto xml = test::write_tile_pyramid(dir, ll.x, ll.y);
    const io::RasterSource src(xml);
    EXPECT_EQ(src.info().driver, "WMS");
    EXPECT_TRUE(src.info().warped);
    EXPECT_GT(src.info().overviews, 10);
    // Zoom 17 pixels are ~0.74 m on the ground here: a 0.5 m read uses zoom 17 (red/green),
    const io::RgbaRaster fine = src.read(532990, 179010, 0.5, 40, 40);
    const std::uint8_t* f = at(fine, 20, 20);
    EXPECT_EQ(f[3], 255);
    EXPECT_TRUE((f[0] == 220 || f[0] == 40) && f[2] == 60) << int(f[0]) << "," << int(f[2]);
    // a 1.5 m read uses zoom 16 (magenta).
    const io::RgbaRaster coarse = src.read(532980, 179020, 1.5, 20, 20);
    const std::uint8_t* c = at(coarse, 10, 10);
    EXPECT_EQ(c[0], 255);
    EXPECT_EQ(c[1], 0);
    EXPECT_EQ(c[2], 255);
}

TEST(RasterReader, MissingFileIsAnIoErrorNamingThePath) {
    try {
        io::RasterSource src("/nonexistent/basemap.tif");
        FAIL();
    } catch (const core::IoError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/basemap.tif"), std::string::npos);
    }
}

TEST(RasterReader, TilesOfTheGridLineUp) {
    const auto dir = temp_dir("grid");
    test::write_basemap(dir / "a.tif", "GTiff", 27700, 532900, 179080, 0.5, 400, 320, no_transform);
    scene::Viewport view({533000, 179000}, 0.5, 300, 200);
    const scene::Basemap b = app::load_basemap_now((dir / "a.tif").string(), view);
    ASSERT_FALSE(b.tiles().empty());
    EXPECT_TRUE(b.missing_tiles(view).empty());
    for (const auto& [key, tile] : b.tiles()) {
        EXPECT_EQ(key.level, -1);
        EXPECT_EQ(tile.rgba.size(), std::size_t(scene::k_tile_px) * scene::k_tile_px * 4);
    }
}
