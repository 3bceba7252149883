// Round trip: a workspace layer exported by GDAL's ogr2ogr (not by Redline) to GeoJSON, KML
// (WGS84, so OSTN15 is applied on the way out by GDAL and on the way back by Redline), CSV with
// WKT and a zipped shapefile imports again with the same count and total area within 0.01%.
#include "import_support_test.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using namespace redline::test;
using namespace redline::test::import;

struct Format {
    const char* name;
    const char* file;         ///< export file name
    const char* ogr2ogr_args; ///< driver and options
    const char* import_crs;   ///< --crs for formats that carry none
};

std::ostream& operator<<(std::ostream& os, const Format& f) {
    return os << f.name;
}

const Format k_formats[] = {
    {"GeoJSON", "out.geojson", "-f GeoJSON", ""},
    {"KML", "out.kml", "-f KML", ""},
    {"CSV", "out.csv", "-f CSV -lco GEOMETRY=AS_WKT", "EPSG:27700"},
    {"ZippedShapefile", "shp", "-f \"ESRI Shapefile\"", ""},
};

class ImportRoundTrip : public ::testing::TestWithParam<Format> {};

TEST_P(ImportRoundTrip, SameCountAndArea) {
    const Format& f = GetParam();
    TempDir dir;
    const auto ws = dir / "ws.redline";
    const auto first = run_cli({"import", ws.string(),
                                (data_dir() / "southwark/constraints/conservation-area/"
                                              "Southwark Conservation Areas.gpkg")
                                    .string(),
                                "--as", "conservation-area", "--name", "original", "--create"});
    ASSERT_EQ(first.exit_code, 0) << first.err;

    auto exported = dir / f.file;
    shell(proj_env() + "ogr2ogr " + f.ogr2ogr_args + " " + sh_quote(exported.string()) + " " +
          sh_quote(ws.string()) + " original 2>&1");
    if (std::string(f.name) == "ZippedShapefile") {
        const auto zip = dir / "exported.zip";
        shell("cd " + sh_quote(exported.string()) + " && zip -q " + sh_quote(zip.string()) +
              " original.*");
        exported = zip;
    }

    std::vector<std::string> args{
        "import", ws.string(), exported.string(), "--as", "conservation-area",
        "--name", "back",      "--json"};
    if (*f.import_crs) {
        args.push_back("--crs");
        args.push_back(f.import_crs);
    }
    const auto again = run_cli(args);
    ASSERT_EQ(again.exit_code, 0) << again.err;
    const auto report = nlohmann::json::parse(again.out);
    if (std::string(f.name) == "KML") {
        EXPECT_EQ(report["source_crs"], "EPSG:4326");
        EXPECT_NE(report["transformation"].get<std::string>().find("OSTN15"), std::string::npos);
    }

    const auto count = [&](const char* t) {
        return workspace_sql(ws, std::string("SELECT COUNT(*) FROM ") + t);
    };
    const auto area = [&](const char* t) {
        return std::stod(workspace_sql(ws, std::string("SELECT SUM(ST_Area(geom)) FROM ") + t));
    };
    EXPECT_EQ(count("back"), "53");
    EXPECT_EQ(count("back"), count("original"));
    EXPECT_LT(relative_difference(area("back"), area("original")), 1e-4);
}

INSTANTIATE_TEST_SUITE_P(Formats, ImportRoundTrip, ::testing::ValuesIn(k_formats));

} // namespace
