// read_for_import on every vector format of the data model, made from a real Southwark file by
// GDAL's ogr2ogr, and on the CSV conventions (lon/lat is WGS84, easting/northing is BNG,
// planning.data.gov.uk WKT is WGS84).
#include "core/error.hpp"
#include "io/importer.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

namespace fs = std::filesystem;
using namespace redline;

namespace {

struct Dir {
    fs::path path =
        fs::temp_directory_path() / ("redline-io-" + std::to_string(std::random_device{}()));
    Dir() { fs::create_directories(path); }
    ~Dir() { fs::remove_all(path); }
};

const fs::path k_gpkg = fs::path(REDLINE_DATA_DIR_FOR_TESTS) /
                        "southwark/constraints/conservation-area/Southwark Conservation Areas.gpkg";

void ogr2ogr(const std::string& args, const fs::path& out) {
    const std::string cmd =
        "ogr2ogr " + args + " '" + out.string() + "' '" + k_gpkg.string() + "' > /dev/null 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
}

io::ImportOptions as(core::Role role) {
    io::ImportOptions o;
    o.role = role;
    return o;
}

} // namespace

class FormatRead : public ::testing::TestWithParam<std::pair<const char*, const char*>> {};

TEST_P(FormatRead, ReadsAllFeaturesInBng) {
    Dir d;
    const auto [file, args] = GetParam();
    const auto out = d.path / file;
    ogr2ogr(args, out);
    // DXF keeps outlines only (a background layer) and carries no CRS: the user states it.
    const bool dxf = out.extension() == ".dxf";
    auto options = as(dxf ? core::Role::Basemap : core::Role::ConservationArea);
    if (dxf)
        options.crs_override = "EPSG:27700";
    const auto l = io::read_for_import(out, options);
    // DXF splits multipolygons into entities: count what GDAL's ogrinfo counts there.
    std::size_t expected = 53;
    if (dxf) {
        const std::string cmd = "ogrinfo -ro -q -sql 'SELECT COUNT(*) AS n FROM entities' '" +
                                out.string() + "' | sed -n 's/.*n (Integer) = //p'";
        FILE* p = popen(cmd.c_str(), "r");
        ASSERT_TRUE(p);
        char buf[64] = {};
        ASSERT_TRUE(fgets(buf, sizeof buf, p));
        pclose(p);
        expected = std::stoul(buf);
        EXPECT_GE(expected, 53u);
    }
    EXPECT_EQ(l.data.features.size(), expected);
    EXPECT_EQ(l.data.epsg, 27700);
    const auto e = l.data.envelope();
    EXPECT_NEAR(e.min_x, 531195.3, 1.0);
    EXPECT_NEAR(e.max_y, 180647.6, 1.0);
}

INSTANTIATE_TEST_SUITE_P(Formats, FormatRead,
                         ::testing::Values(std::pair{"ca.fgb", "-f FlatGeobuf"},
                                           std::pair{"ca.gml", "-f GML"},
                                           std::pair{"ca.sqlite", "-f SQLite -dsco SPATIALITE=YES"},
                                           std::pair{"ca.dxf", "-f DXF"},
                                           std::pair{"ca.geojson", "-f GeoJSON"}));

TEST(ReadForImport, LonLatCsvIsWgs84AndGoesThroughOstn15) {
    Dir d;
    const auto csv = d.path / "trees.csv";
    // Guy's Hospital area; a tree layer with points.
    std::ofstream(csv) << "reference,tree-preservation-order,Longitude,Latitude\n"
                          "T1,TPO 1,-0.0875,51.5030\n";
    const auto l = io::read_for_import(csv, as(core::Role::Tree));
    EXPECT_EQ(l.report.source_crs, "EPSG:4326");
    EXPECT_NE(l.report.transformation.find("OSTN15"), std::string::npos);
    ASSERT_EQ(l.data.features.size(), 1u);
    const auto p = l.data.features[0].geometry.points.at(0);
    EXPECT_NEAR(p.x, 532800, 300); // roughly TQ 328 800
    EXPECT_NEAR(p.y, 180000, 300);
    EXPECT_TRUE(l.data.field_index("tree_preservation_order"));
    EXPECT_FALSE(l.data.field_index("longitude")); // the coordinate columns are not attributes
}

TEST(ReadForImport, EastingNorthingCsvIsBngUntouched) {
    Dir d;
    const auto csv = d.path / "complaints.csv";
    std::ofstream(csv)
        << "reference,received_date,easting,northing\nC1,2024-05-01,531900.5,179400.25\n";
    const auto l = io::read_for_import(csv, as(core::Role::Complaint));
    EXPECT_EQ(l.report.source_crs, "EPSG:27700");
    EXPECT_EQ(l.data.features.at(0).geometry.points.at(0), (core::Coord{531900.5, 179400.25}));
}

TEST(ReadForImport, PlanningDataCsvRecognisedAndWgs84) {
    Dir d;
    const auto csv = d.path / "download.csv";
    std::ofstream(csv) << "dataset,entity,reference,name,geometry\n"
                          "conservation-area,44000001,CA1,Borough,\"POLYGON ((-0.09 51.50,-0.089 "
                          "51.50,-0.089 51.501,-0.09 51.501,-0.09 51.50))\"\n";
    const auto l = io::read_for_import(csv, {});
    EXPECT_EQ(l.role, core::Role::ConservationArea);
    EXPECT_EQ(l.report.source_crs, "EPSG:4326");
    EXPECT_EQ(l.data.name, "download");
}

TEST(ReadForImport, WktCsvWithoutPlanningDataNeedsCrs) {
    Dir d;
    const auto csv = d.path / "plots.csv";
    std::ofstream(csv) << "uprn,wkt\n1,\"POLYGON ((0 0,1 0,1 1,0 0))\"\n";
    EXPECT_THROW(io::read_for_import(csv, as(core::Role::Curtilage)), core::CrsError);
    auto o = as(core::Role::Curtilage);
    o.crs_override = "EPSG:27700";
    EXPECT_EQ(io::read_for_import(csv, o).data.features.size(), 1u);
}

TEST(ReadForImport, CancelledByProgressLeavesNothing) {
    int calls = 0;
    EXPECT_THROW(io::read_for_import(k_gpkg, as(core::Role::ConservationArea),
                                     [&](double, std::string_view) { return ++calls < 2; }),
                 core::Cancelled);
    EXPECT_EQ(calls, 2);
}

TEST(ReadForImport, ListsLayersOfAMultiLayerSource) {
    const auto names = io::list_source_layers(fs::path(REDLINE_DATA_DIR_FOR_TESTS) /
                                              "southwark/osm/southwark-osm-extracts-27700.gpkg");
    EXPECT_EQ(names, (std::vector<std::string>{"buildings", "roads", "extract_boundary"}));
}
