// Transformer, identify_crs and is_geographic. Reference numbers are Ordnance Survey's: the OS
// OSTN15 test points (tests/fixtures/ostn15; the CLI test checks all 40) and the worked example of
// "A Guide to Coordinate Systems in Great Britain" (OS, v3.6), Annex C.
#include "core/error.hpp"
#include "crs/transformer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <optional>

using redline::core::Coord;
using redline::core::CrsError;
using redline::crs::Transformer;

namespace {

// The ESRI .prj that comes with most British National Grid shapefiles: no EPSG code anywhere.
const char* k_esri_bng_wkt =
    R"(PROJCS["British_National_Grid",GEOGCS["GCS_OSGB_1936",DATUM["D_OSGB_1936",)"
    R"(SPHEROID["Airy_1830",6377563.396,299.3249646]],PRIMEM["Greenwich",0.0],)"
    R"(UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],)"
    R"(PARAMETER["False_Easting",400000.0],PARAMETER["False_Northing",-100000.0],)"
    R"(PARAMETER["Central_Meridian",-2.0],PARAMETER["Scale_Factor",0.9996012717],)"
    R"(PARAMETER["Latitude_Of_Origin",49.0],UNIT["Meter",1.0]])";

// Sets an environment variable for one test and puts the old value back.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::string& value) : m_name(name) {
        if (const char* old = std::getenv(name))
            m_old = old;
        setenv(name, value.c_str(), 1);
    }
    ~ScopedEnv() {
        if (m_old)
            setenv(m_name, m_old->c_str(), 1);
        else
            unsetenv(m_name);
    }

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

// OS test point TP09 (London): ETRS89 lon/lat and its OSTN15 National Grid position.
constexpr Coord k_tp09_lonlat{-0.11992557180, 51.48936564950};
constexpr Coord k_tp09_en{530624.974, 178388.464};

} // namespace

TEST(Transformer, Etrs89ToBngUsesOstn15AndMatchesOs) {
    const Transformer t("EPSG:4258", "EPSG:27700");
    EXPECT_TRUE(t.uses_ostn15());
    EXPECT_FALSE(t.target_is_geographic());
    EXPECT_NE(t.operation().find(redline::crs::k_ostn15_grid), std::string::npos);
    EXPECT_NE(t.operation().find("OSGB36 to ETRS89"), std::string::npos);
    const Coord en = t.transform(k_tp09_lonlat);
    EXPECT_NEAR(en.x, k_tp09_en.x, 0.01);
    EXPECT_NEAR(en.y, k_tp09_en.y, 0.01);
}

TEST(Transformer, BngToWgs84AndWebMercatorUseOstn15) {
    for (const char* to : {"EPSG:4326", "EPSG:3857", "OGC:CRS84", "EPSG:32630"}) {
        const Transformer t("EPSG:27700", to);
        EXPECT_TRUE(t.uses_ostn15()) << to << ": " << t.operation();
    }
    const Transformer t("EPSG:27700", "EPSG:4326");
    EXPECT_TRUE(t.target_is_geographic());
    const Coord ll = t.transform(k_tp09_en);
    // x is longitude even though EPSG:4326 is latitude-first: axis order is normalised.
    EXPECT_NEAR(ll.x, k_tp09_lonlat.x, 2e-7);
    EXPECT_NEAR(ll.y, k_tp09_lonlat.y, 2e-7);
}

TEST(Transformer, EsriPrjWithoutCodesStillGetsOstn15) {
    const Transformer t(k_esri_bng_wkt, "EPSG:4258");
    EXPECT_TRUE(t.uses_ostn15()) << t.operation();
    const Coord ll = t.transform(k_tp09_en);
    EXPECT_NEAR(ll.x, k_tp09_lonlat.x, 2e-7);
    EXPECT_NEAR(ll.y, k_tp09_lonlat.y, 2e-7);
}

TEST(Transformer, AiryProjStringWithoutOsgb36IsRefusedNotShifted) {
    // Without a datum PROJ would join these to ETRS89 by a ballpark offset (~100 m) or by the
    // +towgs84 Helmert (~2 m); +datum=OSGB36 names the datum and gets OSTN15.
    const std::string bng = "+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 "
                            "+y_0=-100000 +units=m +type=crs ";
    EXPECT_THROW(Transformer(bng + "+ellps=airy", "EPSG:4258"), CrsError);
    EXPECT_THROW(Transformer("EPSG:4326", bng + "+ellps=airy +towgs84=446.448,-125.157,542.06,"
                                                "0.15,0.247,0.842,-20.489"),
                 CrsError);
    const Transformer t(bng + "+datum=OSGB36", "EPSG:4258");
    EXPECT_TRUE(t.uses_ostn15()) << t.operation();
    const Coord ll = t.transform(k_tp09_en);
    EXPECT_NEAR(ll.x, k_tp09_lonlat.x, 2e-7);
    EXPECT_NEAR(ll.y, k_tp09_lonlat.y, 2e-7);
}

TEST(Transformer, OsGuideAnnexCProjectionExample) {
    // Same datum both sides: a pure projection, so no OSTN15. OS: lat 52 39 27.2531 N, lon 1 43
    // 4.5177 E (OSGB36) <-> E 651409.903, N 313177.270.
    const Transformer t("EPSG:4277", "EPSG:27700");
    EXPECT_FALSE(t.uses_ostn15());
    const Coord en = t.transform({1 + 43 / 60.0 + 4.5177 / 3600, 52 + 39 / 60.0 + 27.2531 / 3600});
    EXPECT_NEAR(en.x, 651409.903, 0.001);
    EXPECT_NEAR(en.y, 313177.270, 0.001);
}

TEST(Transformer, PairsWithoutOsgb36UsePrjsNormalChoice) {
    const Transformer t("EPSG:4326", "EPSG:3857");
    EXPECT_FALSE(t.uses_ostn15());
    EXPECT_FALSE(t.operation().empty());
    // Spherical Mercator written out: x = R lon, y = R ln tan(pi/4 + lat/2), R = 6378137 m.
    const double r = 6378137.0, deg = std::acos(-1.0) / 180;
    const Coord xy = t.transform({-0.12, 51.5});
    EXPECT_NEAR(xy.x, r * -0.12 * deg, 1e-6);
    EXPECT_NEAR(xy.y, r * std::log(std::tan(std::acos(-1.0) / 4 + 51.5 * deg / 2)), 1e-6);
}

TEST(Transformer, PointOutsideTheGridThrowsInsteadOfShifting) {
    const Transformer t("EPSG:4326", "EPSG:27700");
    EXPECT_THROW(t.transform(Coord{10.0, 45.0}), CrsError); // northern Italy
    EXPECT_THROW(t.transform(Coord{std::nan(""), 51.0}), CrsError);
}

TEST(Transformer, TransformsGeometriesAndSpans) {
    const Transformer t("EPSG:4258", "EPSG:27700");
    auto g = redline::core::Geometry::point(k_tp09_lonlat);
    t.transform(g);
    EXPECT_NEAR(g.points[0].x, k_tp09_en.x, 0.01);
    std::vector<Coord> coords{k_tp09_lonlat, k_tp09_lonlat};
    t.transform(std::span<Coord>(coords));
    EXPECT_NEAR(coords[1].y, k_tp09_en.y, 0.01);
}

TEST(Transformer, MissingGridFailsNamingTheGridAndFolders) {
    const auto empty = std::filesystem::temp_directory_path() / "redline-crs-test-no-grid";
    std::filesystem::create_directories(empty);
    ScopedEnv data("REDLINE_DATA_DIR", empty.string());
    ScopedEnv no_defaults("REDLINE_NO_DEFAULT_GRID_PATHS", "1");
    EXPECT_TRUE(redline::crs::grid_directory().empty());
    for (const char* other : {"EPSG:4326", "EPSG:4258", "EPSG:3857"}) {
        try {
            Transformer t("EPSG:27700", other);
            ADD_FAILURE() << "constructed without the grid: " << t.operation();
        } catch (const CrsError& e) {
            const std::string msg = e.what();
            EXPECT_NE(msg.find(redline::crs::k_ostn15_grid), std::string::npos) << msg;
            EXPECT_NE(msg.find((empty / "ostn15").string()), std::string::npos) << msg;
        }
    }
    // Transformations that do not need OSTN15 still work without it.
    EXPECT_NO_THROW(Transformer("EPSG:4326", "EPSG:3857"));
    std::filesystem::remove_all(empty);
}

TEST(Transformer, FindsTheSourceTreeGrid) {
    EXPECT_TRUE(
        std::filesystem::exists(redline::crs::grid_directory() / redline::crs::k_ostn15_grid));
}

TEST(Transformer, UnknownCrsThrows) {
    EXPECT_THROW(Transformer("EPSG:999999", "EPSG:4326"), CrsError);
    EXPECT_THROW(Transformer("not a crs", "EPSG:4326"), CrsError);
}

TEST(IdentifyCrs, CodesAndWkt) {
    EXPECT_EQ(redline::crs::identify_crs("EPSG:4326"), "EPSG:4326");
    EXPECT_EQ(redline::crs::identify_crs("epsg:27700"), "EPSG:27700");
    EXPECT_EQ(redline::crs::identify_crs("OGC:CRS84"), "OGC:CRS84");
    EXPECT_EQ(redline::crs::identify_crs(k_esri_bng_wkt), "EPSG:27700");
    // A made-up projection identifies as nothing and comes back unchanged.
    const std::string custom = "+proj=tmerc +lon_0=7.3 +k=0.9 +ellps=GRS80 +type=crs";
    EXPECT_EQ(redline::crs::identify_crs(custom), custom);
    EXPECT_THROW(redline::crs::identify_crs("EPSG:999999"), CrsError);
    EXPECT_THROW(redline::crs::identify_crs("nonsense"), CrsError);
}

TEST(IsGeographic, ByCrsType) {
    EXPECT_TRUE(redline::crs::is_geographic("EPSG:4326"));
    EXPECT_TRUE(redline::crs::is_geographic("EPSG:4258"));
    EXPECT_TRUE(redline::crs::is_geographic("OGC:CRS84"));
    EXPECT_FALSE(redline::crs::is_geographic("EPSG:27700"));
    EXPECT_FALSE(redline::crs::is_geographic("EPSG:3857"));
    EXPECT_THROW(redline::crs::is_geographic("EPSG:999999"), CrsError);
}
