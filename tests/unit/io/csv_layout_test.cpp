// CSV geometry detection from header names: which columns, and which CRS they imply.
#include "core/error.hpp"
#include "io/csv_layout.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using redline::io::CsvGeometry;
using redline::io::detect_csv_layout;
using redline::io::parse_csv_header;

TEST(CsvLayout, WktColumnsInPreferenceOrder) {
    auto l = detect_csv_layout({"reference", "POINT", "Geometry"});
    EXPECT_EQ(l.kind, CsvGeometry::Wkt);
    EXPECT_EQ(l.wkt_column, "Geometry"); // geometry beats point, and keeps its spelling
    EXPECT_TRUE(l.implied_crs.empty());
    EXPECT_EQ(detect_csv_layout({"id", "WKT"}).wkt_column, "WKT");
    EXPECT_EQ(detect_csv_layout({"id", "point"}).wkt_column, "point");
}

TEST(CsvLayout, LongitudeLatitudeImplyWgs84) {
    for (const auto& [x, y] : std::vector<std::pair<std::string, std::string>>{
             {"longitude", "latitude"}, {"Lon", "Lat"}, {"long", "lat"}}) {
        const auto l = detect_csv_layout({"name", y, x});
        EXPECT_EQ(l.kind, CsvGeometry::LonLat) << x;
        EXPECT_EQ(l.x_column, x);
        EXPECT_EQ(l.y_column, y);
        EXPECT_EQ(l.implied_crs, "EPSG:4326");
    }
}

TEST(CsvLayout, EastingNorthingImplyBritishNationalGrid) {
    const auto l = detect_csv_layout({"Easting", "Northing", "ref"});
    EXPECT_EQ(l.kind, CsvGeometry::EastingNorthing);
    EXPECT_EQ(l.x_column, "Easting");
    EXPECT_EQ(l.implied_crs, "EPSG:27700");
}

TEST(CsvLayout, XYAreNotGuessedNorHalfPairs) {
    EXPECT_EQ(detect_csv_layout({"x", "y", "name"}).kind, CsvGeometry::None);
    EXPECT_EQ(detect_csv_layout({"longitude", "name"}).kind, CsvGeometry::None);
    EXPECT_EQ(detect_csv_layout({"easting", "lat"}).kind, CsvGeometry::None);
}

TEST(CsvLayout, PlanningDataHeaderIsRecognised) {
    EXPECT_TRUE(detect_csv_layout({"dataset", "entity", "geometry"}).planning_data);
    EXPECT_TRUE(detect_csv_layout({"entity", "point"}).planning_data);
    EXPECT_FALSE(detect_csv_layout({"reference", "wkt"}).planning_data);
}

TEST(CsvLayout, HeaderParsingHandlesQuotesSeparatorsAndBom) {
    EXPECT_EQ(parse_csv_header("\xEF\xBB\xBF\"a,b\",c,\"d\"\"e\"\r\n"),
              (std::vector<std::string>{"a,b", "c", "d\"e"}));
    EXPECT_EQ(parse_csv_header("easting;northing;name"),
              (std::vector<std::string>{"easting", "northing", "name"}));
    EXPECT_EQ(parse_csv_header("wkt\tname"), (std::vector<std::string>{"wkt", "name"}));
}

TEST(CsvLayout, EmptyFileIsAnErrorNamingIt) {
    const auto p = std::filesystem::temp_directory_path() / "redline-empty-header-test.csv";
    std::ofstream(p).close();
    try {
        redline::io::read_csv_header(p);
        FAIL() << "no exception";
    } catch (const redline::core::IoError& e) {
        EXPECT_EQ(e.context().path, p.string());
    }
    std::filesystem::remove(p);
}
