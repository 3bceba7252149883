// redline-cli transform, end to end. The reference data are Ordnance Survey's 40 official OSTN15
// test points (tests/fixtures/ostn15, from the OS OSTN15/OSGM15 developer pack): comma-separated
// with a header line; ETRStoOSGB input = PointID, ETRS89 latitude, longitude, height and its output
// = PointID, OSGB east, north, ...; OSGBtoETRS input = PointID, east, north, height and its output
// holds iterations then a "RESULT" row = PointID, RESULT, latitude, longitude, .... Heights are
// irrelevant in 2-D. The OSGBDatumFlag column (1, 2, 3, 4, 6, 7, 15) names the local height datum
// of OSGM15 (15 = offshore); none is 0 ("outside the model"), so OSTN15 covers all 40 and all 40
// are checked, within 1 cm, in both directions.
#include "cli/harness.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <numbers>
#include <sstream>

using redline::test::run_cli;

namespace {

constexpr const char* k_grid = "uk_os_OSTN15_NTv2_OSGBtoETRS.tif";

struct TestPoint {
    std::string id;
    double a = 0; // first coordinate column of interest
    double b = 0; // second
};

std::vector<std::string> split(const std::string& line, char sep) {
    std::vector<std::string> out;
    std::stringstream s(line);
    std::string field;
    while (std::getline(s, field, sep))
        out.push_back(field);
    return out;
}

// Rows of an OS file (header skipped): columns `ca`, `cb`, keeping rows whose column 1 equals
// `only_col1` when given.
std::vector<TestPoint> read_os_file(const std::string& name, int ca, int cb,
                                    const std::string& only_col1 = {}) {
    std::ifstream in(redline::test::fixtures_dir() / "ostn15" / name);
    EXPECT_TRUE(in) << name;
    std::vector<TestPoint> points;
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        const auto f = split(line, ',');
        if (f.size() <= static_cast<std::size_t>(std::max(ca, cb)))
            continue; // blank separator lines
        if (!only_col1.empty() && f[1] != only_col1)
            continue;
        points.push_back({f[0], std::stod(f[ca]), std::stod(f[cb])});
    }
    return points;
}

std::vector<std::pair<double, double>> parse_output(const std::string& out) {
    std::vector<std::pair<double, double>> rows;
    std::stringstream s(out);
    double x = 0, y = 0;
    while (s >> x >> y)
        rows.emplace_back(x, y);
    return rows;
}

// Ground distance in metres between two nearby lon/lat positions (degrees); plenty accurate for
// differences of millimetres.
double lonlat_gap_m(double lon1, double lat1, double lon2, double lat2) {
    const double m_per_deg = 111320.0;
    const double dx = (lon1 - lon2) * m_per_deg * std::cos(lat1 * std::numbers::pi / 180);
    const double dy = (lat1 - lat2) * m_per_deg;
    return std::hypot(dx, dy);
}

// ETRS89 (lat, lon) inputs and their OS National Grid answers, in file order.
struct EtrsToOsgb {
    std::vector<TestPoint> input;    // a = lat, b = lon
    std::vector<TestPoint> expected; // a = east, b = north
};

EtrsToOsgb etrs_to_osgb() {
    EtrsToOsgb d{read_os_file("OSTN15_OSGM15_TestInput_ETRStoOSGB.txt", 1, 2),
                 read_os_file("OSTN15_OSGM15_TestOutput_ETRStoOSGB.txt", 1, 2)};
    EXPECT_EQ(d.input.size(), 40u);
    EXPECT_EQ(d.expected.size(), 40u);
    return d;
}

void expect_all_40_to_bng(const std::string& from) {
    const auto d = etrs_to_osgb();
    std::string in;
    char buf[96];
    for (const auto& p : d.input) {
        std::snprintf(buf, sizeof buf, "%.11f %.11f\n", p.b, p.a); // lon lat, as the OS gives them
        in += buf;
    }
    const auto r = run_cli({"transform", "--from", from, "--to", "EPSG:27700"}, in);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = parse_output(r.out);
    ASSERT_EQ(rows.size(), d.expected.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        ASSERT_EQ(d.input[i].id, d.expected[i].id);
        const double gap =
            std::hypot(rows[i].first - d.expected[i].a, rows[i].second - d.expected[i].b);
        EXPECT_LT(gap, 0.01) << from << " " << d.expected[i].id;
    }
}

} // namespace

TEST(CliTransform, All40OsTestPointsEtrs89ToBngWithin1cm) {
    expect_all_40_to_bng("EPSG:4258");
}

TEST(CliTransform, All40OsTestPointsWgs84ToBngWithin1cm) {
    // OSTN15 treats WGS84 as ETRS89 ("OSGB36 to WGS 84 (9)"), so the same answers apply.
    expect_all_40_to_bng("EPSG:4326");
}

TEST(CliTransform, All40OsTestPointsBngToEtrs89Within1cm) {
    const auto input = read_os_file("OSTN15_OSGM15_TestInput_OSGBtoETRS.txt", 1, 2);
    const auto expected = read_os_file("OSTN15_OSGM15_TestOutput_OSGBtoETRS.txt", 2, 3, "RESULT");
    ASSERT_EQ(input.size(), 40u);
    ASSERT_EQ(expected.size(), 40u);
    std::string in = "# OS test points, easting northing\n";
    char buf[96];
    for (const auto& p : input) {
        std::snprintf(buf, sizeof buf, "%.3f,%.3f\n", p.a, p.b);
        in += buf;
    }
    const auto r = run_cli({"transform", "--from", "EPSG:27700", "--to", "EPSG:4258"}, in);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_EQ(r.out.rfind("# OS test points, easting northing\n", 0), 0u) << r.out;
    const auto rows = parse_output(r.out.substr(r.out.find('\n') + 1));
    ASSERT_EQ(rows.size(), 40u);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        ASSERT_EQ(input[i].id, expected[i].id);
        // Output is lon lat; the OS file gives lat (a) then lon (b).
        const double gap =
            lonlat_gap_m(rows[i].first, rows[i].second, expected[i].b, expected[i].a);
        EXPECT_LT(gap, 0.01) << expected[i].id;
    }
}

TEST(CliTransform, BngToWebMercatorMatchesTheFormulaOnOsPoints) {
    // EPSG:3857 written out: x = R lon, y = R ln tan(pi/4 + lat/2), R = 6378137 m, applied to the
    // OS ETRS89 answers. 1 cm on the ground is up to 2 cm of Mercator metres this far north.
    const auto d = etrs_to_osgb();
    std::string in;
    char buf[96];
    for (const auto& p : d.expected) {
        std::snprintf(buf, sizeof buf, "%.3f %.3f\n", p.a, p.b);
        in += buf;
    }
    const auto r = run_cli({"transform", "--from", "EPSG:27700", "--to", "EPSG:3857"}, in);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = parse_output(r.out);
    ASSERT_EQ(rows.size(), 40u);
    const double radius = 6378137.0, deg = std::numbers::pi / 180;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const double lat = d.input[i].a * deg, lon = d.input[i].b * deg;
        const double tol = 0.01 / std::cos(lat);
        EXPECT_NEAR(rows[i].first, radius * lon, tol) << d.input[i].id;
        EXPECT_NEAR(rows[i].second, radius * std::log(std::tan(std::numbers::pi / 4 + lat / 2)),
                    tol)
            << d.input[i].id;
    }
}

TEST(CliTransform, WithoutTheGridItFailsInsteadOfFallingBack) {
    // Every place the grid could come from is shut, and decoys are planted where PROJ itself would
    // look (PROJ_DATA, PROJ_LIB, the user-writable folder): REDLINE_DATA_DIR is empty and
    // REDLINE_NO_DEFAULT_GRID_PATHS=1 turns off the exe-relative, source-tree and install folders.
    redline::test::TempDir tmp;
    const auto grid = redline::test::data_dir() / "ostn15" / k_grid;
    const auto decoy = tmp / "decoy";
    const auto home = tmp / "home";
    std::filesystem::create_directories(decoy);
    std::filesystem::create_directories(home / ".local" / "share" / "proj");
    std::filesystem::create_directories(tmp / "empty");
    std::filesystem::copy_file(grid, decoy / k_grid);
    std::filesystem::copy_file(grid, home / ".local" / "share" / "proj" / k_grid);
    const std::vector<std::string> shut = {
        "PROJ_DATA=" + decoy.string(),     "PROJ_LIB=" + decoy.string(),
        "HOME=" + home.string(),           "XDG_DATA_HOME=" + (home / ".local" / "share").string(),
        "REDLINE_NO_DEFAULT_GRID_PATHS=1",
    };
    const std::string london = "530624.974 178388.464\n";
    for (const char* to : {"EPSG:4326", "EPSG:4258", "EPSG:3857"}) {
        auto env = shut;
        env.push_back("REDLINE_DATA_DIR=" + (tmp / "empty").string());
        const auto r = run_cli({"transform", "--from", "EPSG:27700", "--to", to}, london, env);
        EXPECT_NE(r.exit_code, 0) << to << ": " << r.out;
        EXPECT_EQ(r.out, "") << to;
        EXPECT_NE(r.err.find(k_grid), std::string::npos) << r.err;
        EXPECT_NE(r.err.find((tmp / "empty" / "ostn15").string()), std::string::npos) << r.err;
    }
    // Control: the same shut environment with the grid in REDLINE_DATA_DIR works, so the failure
    // above is the missing grid and nothing else (and proj.db is still found).
    std::filesystem::create_directories(tmp / "data" / "ostn15");
    std::filesystem::copy_file(grid, tmp / "data" / "ostn15" / k_grid);
    auto env = shut;
    env.push_back("REDLINE_DATA_DIR=" + (tmp / "data").string());
    const auto ok = run_cli({"transform", "--from", "EPSG:27700", "--to", "EPSG:4258", "--verbose"},
                            london, env);
    ASSERT_EQ(ok.exit_code, 0) << ok.err;
    EXPECT_NE(ok.err.find((tmp / "data" / "ostn15" / k_grid).string()), std::string::npos)
        << ok.err;
    const auto rows = parse_output(ok.out);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_LT(lonlat_gap_m(rows[0].first, rows[0].second, -0.11992557180, 51.48936564950), 0.01);
}

TEST(CliTransform, PointOutsideTheGridFails) {
    const auto r = run_cli({"transform", "--from", "EPSG:4326", "--to", "EPSG:27700"},
                           "-0.12 51.5\n10.0 45.0\n");
    EXPECT_NE(r.exit_code, 0);
    EXPECT_EQ(r.out, ""); // all or nothing
    EXPECT_NE(r.err.find("line 2"), std::string::npos) << r.err;
}

TEST(CliTransform, MalformedLineNamesLineAndTextAndPrintsNothing) {
    for (const std::string bad : {"abc def", "1 2 3", "1,,2", "530000", "1e999 5"}) {
        const auto r = run_cli({"transform", "--from", "EPSG:27700", "--to", "EPSG:4326"},
                               "530624.974 178388.464\n\n" + bad + "\n");
        EXPECT_EQ(r.exit_code, 1) << bad;
        EXPECT_EQ(r.out, "") << bad;
        EXPECT_NE(r.err.find("line 3"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("'" + bad + "'"), std::string::npos) << r.err;
    }
}

TEST(CliTransform, FormatsAndPassThrough) {
    const auto r = run_cli({"transform", "--from", "EPSG:27700", "--to", "EPSG:4326"},
                           "# header\n\n530624.974\t178388.464\n");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // Degrees get 9 decimals; comments and blank lines come back where they were.
    EXPECT_EQ(r.out.substr(0, 10), "# header\n\n");
    std::stringstream line(r.out.substr(10));
    std::string lon, lat;
    line >> lon >> lat;
    EXPECT_EQ(lon.size() - lon.find('.') - 1, 9u) << lon;
    EXPECT_EQ(lat.size() - lat.find('.') - 1, 9u) << lat;
    EXPECT_NEAR(std::stod(lon), -0.11992557180, 2e-7);

    const auto m =
        run_cli({"transform", "--from", "EPSG:4258", "--to", "EPSG:27700", "--precision", "1"},
                "-0.11992557180,51.48936564950\n");
    ASSERT_EQ(m.exit_code, 0) << m.err;
    EXPECT_EQ(m.out, "530625.0 178388.5\n");

    const auto bad =
        run_cli({"transform", "--from", "EPSG:4258", "--to", "EPSG:27700", "--precision", "x"}, "");
    EXPECT_EQ(bad.exit_code, 2);
    const auto unknown = run_cli({"transform", "--from", "EPSG:999999", "--to", "EPSG:27700"}, "");
    EXPECT_EQ(unknown.exit_code, 1);
    EXPECT_NE(unknown.err.find("EPSG:999999"), std::string::npos);
}

TEST(CliTransform, GridReferencesInAndOut) {
    // In: the south-west corner of the named square, in EPSG:27700 (no transformation).
    const auto a = run_cli({"transform", "--from", "gridref", "--to", "EPSG:27700"},
                           "TQ 31234 79456\ntq3123479456\nTQ 31 79\n");
    ASSERT_EQ(a.exit_code, 0) << a.err;
    EXPECT_EQ(a.out, "531234.000 179456.000\n531234.000 179456.000\n531000.000 179000.000\n");

    // Out: OS test point TP09 (ETRS89) lies at E 530624.974 N 178388.464 -> TQ 30624 78388.
    const auto b = run_cli({"transform", "--from", "EPSG:4258", "--to", "gridref"},
                           "-0.11992557180 51.48936564950\n");
    ASSERT_EQ(b.exit_code, 0) << b.err;
    EXPECT_EQ(b.out, "TQ 30624 78388\n");

    // Grid reference to WGS84 goes through OSTN15 too.
    const auto c =
        run_cli({"transform", "--from", "gridref", "--to", "EPSG:4258"}, "TQ 30624 78388\n");
    ASSERT_EQ(c.exit_code, 0) << c.err;
    const auto rows = parse_output(c.out);
    ASSERT_EQ(rows.size(), 1u);
    // The SW corner is up to 1.4 m from the point (0.974, 0.464 m away here).
    EXPECT_NEAR(lonlat_gap_m(rows[0].first, rows[0].second, -0.11992557180, 51.48936564950),
                std::hypot(0.974, 0.464), 0.01);

    const auto bad =
        run_cli({"transform", "--from", "gridref", "--to", "EPSG:27700"}, "TQ 31 79\nTI 31 79\n");
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_EQ(bad.out, "");
    EXPECT_NE(bad.err.find("line 2"), std::string::npos) << bad.err;
    EXPECT_NE(bad.err.find("letter I"), std::string::npos) << bad.err;
}
