// Every real Southwark source imports with the right feature count, and its total area (length
// for roads) in the workspace matches an independent figure from GDAL's SQLite dialect
// (SpatiaLite's MakeValid and ST_Area on the source, after ogr2ogr -t_srs EPSG:27700 for the
// two EPSG:3857 files) within 0.01%. Feature counts are those Southwark published (see
// shared/data/README.md), not ones read back from Redline.
#include "import_support_test.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using namespace redline::test;
using namespace redline::test::import;

struct Case {
    const char* file;  ///< under data/southwark/
    const char* layer; ///< source layer (for ogrinfo; also --layer when the source has several)
    const char* geom;  ///< geometry column as GDAL's SQLite dialect names it
    const char* role;
    std::size_t expected;  ///< features that should reach the workspace
    std::size_t skipped;   ///< features skipped (empty geometries)
    bool mercator = false; ///< EPSG:3857 source
    bool multi_layer = false;
};

std::ostream& operator<<(std::ostream& os, const Case& c) {
    return os << c.file;
}

const char* k_a4 = "article-4-direction-area";
const char* k_tpo = "tree-preservation-zone";
const char* k_lbo = "listed-building-outline";

const Case k_cases[] = {
    {"constraints/conservation-area/Southwark Conservation Areas.gpkg", "Conservation areas",
     "geom", "conservation-area", 53, 0},
    {"constraints/conservation-area/Conservation Areas.zip", "Conservation areas", "GEOMETRY",
     "conservation-area", 53, 0},
    {"constraints/article-4-direction/Article 4 - Class MA - Change of use from Class E to "
     "residential.gpkg",
     "Article 4 - Class MA - Change of use from Class E to residential", "geom", k_a4, 168, 0,
     true},
    {"constraints/article-4-direction/Article 4 _ Class ZA _ Demolition of commercial.gpkg",
     "Article 4 _ Class ZA _ Demolition of commercial", "geom", k_a4, 111, 0, true},
    {"constraints/article-4-direction/Article 4 _ Demolition of the Stables and the Forge on "
     "Catlin Street.gpkg",
     "Article 4 _ Demolition of the Stables and the Forge on Catlin Street", "geom", k_a4, 1, 0},
    {"constraints/article-4-direction/Article 4 _ HMO Bywater Place.gpkg",
     "Article 4 _ HMO Bywater Place", "geom", k_a4, 1, 0},
    {"constraints/article-4-direction/Article 4 _ HMO Henshaw Street.gpkg",
     "Article 4 _ HMO Henshaw Street", "geom", k_a4, 1, 0},
    {"constraints/article-4-direction/Article 4 _ Public Houses.gpkg", "Article 4 _ Public Houses",
     "geom", k_a4, 193, 0},
    {"constraints/article-4-direction/Article 4 _ Railway Arches.gpkg",
     "Article 4 _ Railway Arches", "geom", k_a4, 1, 0},
    {"constraints/article-4-direction/Article 4 _ Sunray Estate.gpkg", "Article 4 _ Sunray Estate",
     "geom", k_a4, 1, 0},
    {"constraints/article-4-direction/Article 4 _ offices in the Central Activities Zone.gpkg",
     "Article 4 _ offices in the Central Activities Zone", "geom", k_a4, 1, 0},
    {"constraints/tree-preservation-order/TPO zones - Area type.zip", "TPO zones - Area type",
     "GEOMETRY", k_tpo, 30, 0},
    {"constraints/tree-preservation-order/TPO zones - Group type.zip", "TPO zones - Group type",
     "GEOMETRY", k_tpo, 55, 0},
    {"constraints/tree-preservation-order/TPO zones - Individual type.zip",
     "TPO zones - Individual type", "GEOMETRY", k_tpo, 485 - 11, 11},
    {"constraints/tree-preservation-order/TPO zones - Woodland type.zip",
     "TPO zones - Woodland type", "GEOMETRY", k_tpo, 24, 0},
    {"constraints/listed-building/Grade I.zip", "Listed buildings (Southwark) Grade I", "GEOMETRY",
     k_lbo, 4, 0},
    {"constraints/listed-building/Grade I Star.zip", "Listed buildings (Southwark) Grade I Star",
     "GEOMETRY", k_lbo, 29, 0},
    {"constraints/listed-building/Grade II.zip", "Listed buildings (Southwark) Grade II",
     "GEOMETRY", k_lbo, 878, 0},
    {"osm/southwark-osm-extracts-27700.gpkg", "buildings", "GEOMETRY", "building", 153, 0, false,
     true},
    {"osm/southwark-osm-extracts-27700.gpkg", "roads", "GEOMETRY", "highway", 318, 0, false, true},
};

class SouthwarkImport : public ::testing::TestWithParam<Case> {};

TEST_P(SouthwarkImport, CountAndAreaMatchAnIndependentCalculation) {
    const Case& c = GetParam();
    TempDir dir;
    const auto ws = dir / "ws.redline";
    const std::string source = (data_dir() / "southwark" / c.file).string();

    std::vector<std::string> args{"import",   ws.string(), source,    "--as",  c.role,
                                  "--create", "--name",    "subject", "--json"};
    if (c.multi_layer) {
        args.push_back("--layer");
        args.push_back(c.layer);
    }
    // Southwark's Article 4 files carry the direction's description but no
    // permitted_development_rights codes; the officer states them (see the import report).
    if (std::string(c.role) == k_a4) {
        args.push_back("--set");
        args.push_back("permitted_development_rights=unspecified");
    }
    const auto r = run_cli(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto report = nlohmann::json::parse(r.out);

    EXPECT_EQ(report["features_imported"].get<std::size_t>(), c.expected);
    EXPECT_EQ(report["features_read"].get<std::size_t>(), c.expected + c.skipped);
    std::size_t empty_skips = 0;
    for (const auto& issue : report["issues"])
        if (issue["message"] == "skipped: empty geometry")
            ++empty_skips;
    EXPECT_EQ(empty_skips, c.skipped);
    EXPECT_EQ(std::stoul(workspace_sql(ws, "SELECT COUNT(*) FROM subject")), c.expected);
    EXPECT_EQ(report["source_crs"], c.mercator ? "EPSG:3857" : "EPSG:27700");
    if (c.mercator) {
        EXPECT_NE(report["transformation"].get<std::string>().find("OSTN15"), std::string::npos)
            << report["transformation"];
    }
    EXPECT_EQ(report["sha256"],
              shell("sha256sum " + sh_quote(source) + " | cut -c1-64").substr(0, 64));

    // The independent figure: the source as GDAL reads it, in EPSG:27700.
    std::string ogr_source = source;
    if (std::string(c.file).ends_with(".zip"))
        ogr_source = "/vsizip/" + source;
    if (c.mercator) {
        const auto bng = (dir / "bng.gpkg").string();
        shell(proj_env() + "ogr2ogr -t_srs EPSG:27700 -f GPKG " + sh_quote(bng) + " " +
              sh_quote(source) + " 2>/dev/null");
        ogr_source = bng;
    }
    const bool lines = std::string(c.role) == "highway";
    const std::string g = std::string("\"") + c.geom + "\"";
    // Invalid polygons are repaired on import, so the independent figure repairs them too (with
    // SpatiaLite's RTTOPO MakeValid, not Redline's GEOS).
    const std::string measure = lines ? "ST_Length(" + g + ")" : "ST_Area(MakeValid(" + g + "))";
    const double expected = ogr_value(ogr_source, "SELECT SUM(" + measure + ") AS value FROM \"" +
                                                      c.layer + "\" WHERE " + g + " IS NOT NULL");
    const double actual =
        std::stod(workspace_sql(ws, std::string("SELECT SUM(") + (lines ? "ST_Length" : "ST_Area") +
                                        "(geom)) FROM subject"));
    EXPECT_GT(expected, 0.0);
    EXPECT_LT(relative_difference(actual, expected), 1e-4)
        << "workspace " << actual << " vs source " << expected;
}

INSTANTIATE_TEST_SUITE_P(RealData, SouthwarkImport, ::testing::ValuesIn(k_cases));

TEST(SouthwarkImport, RepairedFeaturesAreReportedWithReasonAndPlace) {
    // The Class ZA file has self-intersecting polygons (SpatiaLite's MakeValid warns about five).
    TempDir dir;
    const auto r =
        run_cli({"import", (dir / "ws.redline").string(),
                 (data_dir() / "southwark/constraints/article-4-direction/"
                               "Article 4 _ Class ZA _ Demolition of commercial.gpkg")
                     .string(),
                 "--as", k_a4, "--set", "permitted_development_rights=unspecified", "--create"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("repaired: 5, skipped: 0"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("repaired: Self-intersection at 534169."), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("OSTN15"), std::string::npos) << r.out;
}

TEST(SouthwarkImport, WithoutPermittedDevelopmentRightsTheArticle4FileIsRefused) {
    TempDir dir;
    const auto r = run_cli({"import", (dir / "ws.redline").string(),
                            (data_dir() / "southwark/constraints/article-4-direction/"
                                          "Article 4 _ Sunray Estate.gpkg")
                                .string(),
                            "--as", k_a4, "--create"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("Article 4 _ Sunray Estate.gpkg"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("field 'permitted_development_rights'"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "ws.redline"));
}

TEST(SouthwarkImport, MultiLayerSourceWithoutLayerListsTheLayers) {
    TempDir dir;
    const auto r =
        run_cli({"import", (dir / "ws.redline").string(),
                 (data_dir() / "southwark/osm/southwark-osm-extracts-27700.gpkg").string(), "--as",
                 "building", "--create"});
    EXPECT_NE(r.exit_code, 0);
    for (const char* name : {"'buildings'", "'roads'", "'extract_boundary'", "--layer"})
        EXPECT_NE(r.err.find(name), std::string::npos) << r.err;
}

TEST(SouthwarkImport, UnrecognisedRoleAsksForAsListingRoles) {
    TempDir dir;
    const auto r = run_cli({"import", (dir / "ws.redline").string(),
                            (data_dir() / "southwark/constraints/conservation-area/"
                                          "Southwark Conservation Areas.gpkg")
                                .string(),
                            "--create"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("--as ROLE"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("conservation-area"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("Southwark Conservation Areas.gpkg"), std::string::npos) << r.err;
}

} // namespace
