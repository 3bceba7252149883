// End-to-end: redline-cli hotspot on a workspace built in the test (init + CSV import of
// generated complaints + a zone layer), checked with GDAL's own tools (gdalinfo, gdallocationinfo,
// ogrinfo) rather than with Redline's readers.
#include "cli/harness.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <random>
#include <regex>

namespace redline::test {
namespace {

struct Pt {
    double x, y;
    std::string category, status, date;
};

/// 120 "extension" complaints clustered within 150 m of (531000, 181000), 80 "other" ones spread
/// over 8 x 8 km (half of them closed), and one "tree" complaint far away on a 25 m cell centre.
std::vector<Pt> make_points() {
    std::mt19937_64 rng(20240601);
    std::uniform_real_distribution<double> disc(-150, 150), wide(0, 8000);
    std::vector<Pt> pts;
    while (pts.size() < 120) {
        const double dx = disc(rng), dy = disc(rng);
        if (dx * dx + dy * dy <= 150 * 150)
            pts.push_back({531000 + dx, 181000 + dy, "extension", "open", "2024-03-15"});
    }
    for (int i = 0; i < 80; ++i)
        pts.push_back({528000 + wide(rng), 178000 + wide(rng), "other", i % 2 ? "closed" : "open",
                       i < 40 ? "2023-06-01" : "2024-06-01"});
    pts.push_back({545012.5, 195012.5, "tree", "open", "2024-01-02"});
    return pts;
}

class HotspotCli : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(run_cli({"init", ws()}).exit_code, 0);
        m_pts = make_points();
        std::ofstream csv(m_dir / "complaints.csv");
        csv << "reference,received_date,category,status,easting,northing\n";
        csv.precision(12);
        for (std::size_t i = 0; i < m_pts.size(); ++i)
            csv << "C/" << i << "," << m_pts[i].date << "," << m_pts[i].category << ","
                << m_pts[i].status << "," << m_pts[i].x << "," << m_pts[i].y << "\n";
        csv.close();
        auto r = run_cli({"import", ws(), (m_dir / "complaints.csv").string(), "--as", "complaint",
                          "--crs", "EPSG:27700", "--name", "calls"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        // Two wards side by side: "Centre" holds the cluster, "East" is next to it.
        std::ofstream zones(m_dir / "wards.geojson");
        zones << R"({"type":"FeatureCollection",
 "crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},
 "features":[
 {"type":"Feature","properties":{"reference":"W1","name":"Centre"},"geometry":{"type":"Polygon",
  "coordinates":[[[530500,180500],[531500,180500],[531500,181500],[530500,181500],[530500,180500]]]}},
 {"type":"Feature","properties":{"reference":"W2","name":"East"},"geometry":{"type":"Polygon",
  "coordinates":[[[531500,180500],[532500,180500],[532500,181500],[531500,181500],[531500,180500]]]}}]})";
        zones.close();
        r = run_cli({"import", ws(), (m_dir / "wards.geojson").string(), "--as",
                     "conservation-area", "--name", "wards"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    std::string ws() const { return (m_dir / "ws.redline").string(); }
    std::string out(const std::string& name) const { return (m_dir / name).string(); }
    std::string dump() const { return shell("sqlite3 '" + ws() + "' .dump"); }

    TempDir m_dir;
    std::vector<Pt> m_pts;
};

/// A value from `ogrinfo -q -sql`: the line "  NAME (Type) = VALUE".
double ogr_value(const std::string& text, const std::string& name) {
    const std::regex re("\\s" + name + " \\([A-Za-z0-9]+\\) = ([-0-9.eE+]+)");
    std::smatch m;
    if (!std::regex_search(text, m, re))
        throw std::runtime_error("no " + name + " in: " + text);
    return std::stod(m[1]);
}

TEST_F(HotspotCli, KernelDensitySurfaceHoldsEveryEventOnASnappedGrid) {
    const auto before = dump();
    const auto r = run_cli({"hotspot", ws(), "--method", "kde", "--radius", "300", "--cell", "25",
                            "--output", "density", "--out", out("kde.tif"), "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto summary = nlohmann::json::parse(r.out);
    EXPECT_EQ(summary["points_used"], m_pts.size());

    const auto info =
        nlohmann::json::parse(shell("gdalinfo -json -stats '" + out("kde.tif") + "'"));
    // The grid is the points' extent grown by 300 m, snapped out to multiples of 25 m.
    double minx = 1e99, miny = 1e99, maxx = -1e99, maxy = -1e99;
    for (const auto& p : m_pts) {
        minx = std::min(minx, p.x), miny = std::min(miny, p.y);
        maxx = std::max(maxx, p.x), maxy = std::max(maxy, p.y);
    }
    const double west = std::floor((minx - 300) / 25) * 25;
    const double north = std::ceil((maxy + 300) / 25) * 25;
    const auto cols =
        static_cast<int>(std::ceil((maxx + 300) / 25) - std::floor((minx - 300) / 25));
    const auto rows =
        static_cast<int>(std::ceil((maxy + 300) / 25) - std::floor((miny - 300) / 25));
    EXPECT_EQ(info["size"][0], cols);
    EXPECT_EQ(info["size"][1], rows);
    EXPECT_DOUBLE_EQ(info["geoTransform"][0].get<double>(), west);
    EXPECT_DOUBLE_EQ(info["geoTransform"][1].get<double>(), 25.0);
    EXPECT_DOUBLE_EQ(info["geoTransform"][3].get<double>(), north);
    EXPECT_DOUBLE_EQ(info["geoTransform"][5].get<double>(), -25.0);
    EXPECT_NE(info["coordinateSystem"]["wkt"].get<std::string>().find("\"EPSG\",27700"),
              std::string::npos);
    const auto& band = info["bands"][0];
    EXPECT_EQ(band["noDataValue"], -9999.0);
    EXPECT_NE(band["description"].get<std::string>().find("quartic"), std::string::npos);
    EXPECT_EQ(info["metadata"][""]["REDLINE_RADIUS_M"], "300");
    EXPECT_EQ(info["metadata"][""]["REDLINE_OUTPUT"], "density");
    // Events per km^2 times the cell area in km^2, summed, is the number of events: every kernel
    // lies wholly inside the grid.
    const double mean = band["mean"].get<double>();
    const double events = mean * cols * rows * 25.0 * 25.0 / 1e6;
    EXPECT_NEAR(events, static_cast<double>(m_pts.size()), 0.005 * m_pts.size());
    EXPECT_EQ(dump(), before) << "hotspot must not write to the workspace";
}

TEST_F(HotspotCli, RawKernelValuesAtKnownDistancesAndCategoryFilter) {
    const auto r = run_cli({"hotspot", ws(), "--method", "kde", "--radius", "300", "--cell", "25",
                            "--category", "tree", "--out", out("tree.tif"), "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)["points_used"], 1);
    auto at = [&](double x, double y) {
        return std::stod(shell("gdallocationinfo -valonly -geoloc '" + out("tree.tif") + "' " +
                               std::to_string(x) + " " + std::to_string(y)));
    };
    // The one tree complaint sits on a cell centre: quartic (1 - (d/300)^2)^2.
    EXPECT_NEAR(at(545012.5, 195012.5), 1.0, 1e-6);
    EXPECT_NEAR(at(545012.5 + 75, 195012.5), 0.87890625, 1e-6); // t = 1/4
    EXPECT_NEAR(at(545012.5, 195012.5 - 150), 0.5625, 1e-6);    // t = 1/2
    EXPECT_NEAR(at(545012.5 + 300, 195012.5), 0.0, 1e-9);       // t = 1
    // Dates and status narrow the "other" complaints: 40 from 2024, half of them open.
    const auto f = run_cli({"hotspot", ws(), "--method", "kde", "--radius", "300", "--cell", "50",
                            "--category", "other", "--from", "2024-01-01", "--to", "2024-12-31",
                            "--status", "open", "--out", out("f.tif"), "--json"});
    ASSERT_EQ(f.exit_code, 0) << f.err;
    EXPECT_EQ(nlohmann::json::parse(f.out)["points_used"], 20);
}

TEST_F(HotspotCli, GiStarOnHexagonsFindsTheClusterAsA99PercentHotSpot) {
    const auto before = dump();
    const auto r = run_cli({"hotspot", ws(), "--method", "gistar", "--band", "600", "--cell", "250",
                            "--shape", "hex", "--fdr", "--out", out("gi.gpkg")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("hot spots"), std::string::npos);
    const auto totals = shell("ogrinfo -q -sql \"SELECT COUNT(*) AS n, SUM(value) AS total, "
                              "MIN(neighbours) AS nmin FROM gistar\" '" +
                              out("gi.gpkg") + "'");
    // Every complaint lands in some hexagon; empty hexagons are kept, so there are far more
    // cells than occupied ones.
    EXPECT_EQ(ogr_value(totals, "total"), static_cast<double>(m_pts.size()));
    EXPECT_GT(ogr_value(totals, "n"), 1000.0);
    EXPECT_GE(ogr_value(totals, "nmin"), 1.0);
    // The busiest hexagon is in the cluster: hot at 99% even after the FDR adjustment.
    const auto top = shell("ogrinfo -q -sql \"SELECT value, class, gi_z, p_fdr FROM gistar ORDER "
                           "BY value DESC LIMIT 1\" '" +
                           out("gi.gpkg") + "'");
    EXPECT_GT(ogr_value(top, "value"), 20.0);
    EXPECT_EQ(ogr_value(top, "class"), 3.0);
    EXPECT_GT(ogr_value(top, "gi_z"), 3.0);
    EXPECT_LT(ogr_value(top, "p_fdr"), 0.01);
    // A hexagon with 250 m spacing has centres 250 m apart: within 600 m a full interior cell
    // sees itself, 6 at 250 m, 6 at 433 m and 6 at 500 m = 19.
    const auto nmax = shell("ogrinfo -q -sql \"SELECT MAX(neighbours) AS nmax FROM gistar\" '" +
                            out("gi.gpkg") + "'");
    EXPECT_EQ(ogr_value(nmax, "nmax"), 19.0);
    EXPECT_EQ(dump(), before);
}

TEST_F(HotspotCli, GiStarOnZonesAndSquareCellsWithJson) {
    auto r = run_cli({"hotspot", ws(), "--method", "gistar", "--band", "1000", "--zones", "wards",
                      "--out", out("wards.geojson"), "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["sites"], 2);
    const auto wards = shell("ogrinfo -q -sql \"SELECT value FROM gistar WHERE site_id = "
                             "'Centre'\" '" +
                             out("wards.geojson") + "'");
    // The whole cluster is inside "Centre" (it reaches 531150 at most), plus any of the spread.
    std::size_t expected = 0;
    for (const auto& p : m_pts)
        expected += p.x >= 530500 && p.x <= 531500 && p.y >= 180500 && p.y <= 181500;
    EXPECT_EQ(ogr_value(wards, "value"), static_cast<double>(expected));

    r = run_cli({"hotspot", ws(), "--method", "gistar", "--band", "500", "--cell", "500", "--out",
                 out("sq.csv"), "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["points_used"], m_pts.size());
    EXPECT_GE(j["hot"].get<int>(), 1);
    const auto csv = shell("head -1 '" + out("sq.csv") + "'");
    EXPECT_EQ(csv.rfind("WKT,site_id,value,neighbours,gi_z,p_value,p_fdr,class", 0), 0u) << csv;
}

TEST_F(HotspotCli, RefusesBadRequestsWithUsageErrors) {
    const auto before = dump();
    const std::vector<std::vector<std::string>> bad{
        {"--method", "idw", "--out", out("x.tif")},
        {"--method", "kde", "--radius", "300", "--cell", "25", "--out", out("x.gpkg")},
        {"--method", "kde", "--radius", "-3", "--cell", "25", "--out", out("x.tif")},
        {"--method", "kde", "--radius", "300", "--cell", "25", "--kernel", "gaussian", "--out",
         out("x.tif")},
        {"--method", "kde", "--radius", "300", "--cell", "25", "--from", "2024-02-30", "--out",
         out("x.tif")},
        {"--method", "gistar", "--band", "500", "--out", out("x.gpkg")},
        {"--method", "gistar", "--band", "500", "--cell", "100", "--zones", "wards", "--out",
         out("x.gpkg")},
        {"--method", "gistar", "--band", "500", "--cell", "100", "--out", out("x.shp")},
        {"--method", "kde", "--radius", "300", "--cell", "25", "--category", "nothing", "--out",
         out("x.tif")},
    };
    for (auto args : bad) {
        args.insert(args.begin(), {"hotspot", ws()});
        const auto r = run_cli(args);
        EXPECT_EQ(r.exit_code, 2) << args[3] << " " << r.err;
    }
    EXPECT_FALSE(std::filesystem::exists(out("x.tif")));
    EXPECT_FALSE(std::filesystem::exists(out("x.gpkg")));
    EXPECT_EQ(dump(), before);
}

} // namespace
} // namespace redline::test
