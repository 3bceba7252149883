// `redline-cli check` on the demo workspace: every intended finding of docs/demo.md (as of
// 2026-11-01, default limits) is raised with its value, every near miss is not, the findings file
// and the stored run agree, and the real Southwark layers raise nothing by themselves.
#include "cli/harness.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

namespace {

using nlohmann::json;
using redline::test::run_cli;
using redline::test::TempDir;

std::string uprn(int plot) {
    return std::to_string(990000000000LL + plot);
}

class CheckDemo : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new TempDir();
        const auto ws = (*s_dir / "demo.sqlite").string();
        const auto demo = run_cli({"demo", ws});
        ASSERT_EQ(demo.exit_code, 0) << demo.err;
        const auto check = run_cli({"check", ws, "--as-of", "2026-11-01", "--out",
                                    (*s_dir / "findings.geojson").string(), "--json"});
        ASSERT_EQ(check.exit_code, 0) << check.err;
        s_result = new json(json::parse(check.out));
    }
    static void TearDownTestSuite() {
        delete s_result;
        delete s_dir;
    }
    static std::vector<json> at(int plot, const std::string& code) {
        std::vector<json> out;
        for (const auto& f : (*s_result)["findings"])
            if (f["code"] == code && f["uprn"] == (plot ? uprn(plot) : std::string()))
                out.push_back(f);
        return out;
    }
    static void expect_finding(int plot, const std::string& code, double value, double tolerance,
                               std::optional<double> limit = {}) {
        const auto found = at(plot, code);
        ASSERT_EQ(found.size(), 1u) << "plot " << plot << " " << code;
        EXPECT_NEAR(found[0]["value"].get<double>(), value, tolerance)
            << "plot " << plot << " " << code;
        if (limit) {
            EXPECT_NEAR(found[0]["limit"].get<double>(), *limit, 1e-9) << "plot " << plot;
        }
        EXPECT_NE(found[0]["explanation"].get<std::string>().find("confirm"), std::string::npos);
    }
    static void expect_none(int plot, const std::string& code) {
        EXPECT_TRUE(at(plot, code).empty())
            << "plot " << plot << ": unexpected " << code << " " << at(plot, code)[0].dump();
    }
    static TempDir* s_dir;
    static json* s_result;
};
TempDir* CheckDemo::s_dir = nullptr;
json* CheckDemo::s_result = nullptr;

TEST_F(CheckDemo, IntendedFindingsAreRaisedWithTheirValues) {
    expect_finding(1, "pd-rear-depth", 4.0, 0.01, 3.0);
    expect_finding(3, "pd-eaves-near-boundary", 3.4, 0.01, 3.0);
    expect_finding(5, "pd-forward-of-principal-elevation", 1.5, 0.01);
    expect_finding(7, "pd-rear-depth", 4.5, 0.01, 4.0);
    expect_finding(9, "pd-side-width", 6.0, 0.01, 5.0);
    expect_finding(11, "pd-curtilage-coverage", 52.4, 0.05, 50.0);
    ASSERT_EQ(at(13, "article-4").size(), 1u);
    EXPECT_NE(at(13, "article-4")[0]["provision"].get<std::string>().find("DEMO-A4-1"),
              std::string::npos);
    EXPECT_EQ(at(15, "listed-building-works").size(), 1u);
    expect_finding(17, "tpo-root-protection", std::hypot(2.0, 4.0), 0.01, 6.0);
    expect_finding(21, "demolition-in-conservation-area", 16.0, 0.01, 10.0);
    expect_finding(23, "pd-side-width", 2.0, 0.01, 0.0);
    expect_finding(26, "exceeds-approved-footprint", 7.5, 0.01);
    EXPECT_NEAR(at(26, "exceeds-approved-footprint")[0]["distance_m"].get<double>(), 1.5, 0.01);
    expect_finding(28, "outside-red-line", 18.0, 0.01);
    EXPECT_NEAR(at(28, "outside-red-line")[0]["distance_m"].get<double>(), 3.0, 0.01);
    expect_finding(30, "pd-rear-depth", 4.5, 0.01, 4.0);
    expect_finding(31, "permission-lapsed", 4.42, 0.01, 3.0);
    expect_finding(0, "no-permission", 48.0, 0.01);
}

TEST_F(CheckDemo, NearMissesRaiseNothing) {
    expect_none(2, "pd-rear-depth");
    expect_none(4, "pd-eaves-near-boundary");
    expect_none(8, "pd-rear-depth");
    expect_none(10, "pd-side-width");
    expect_none(10, "pd-forward-of-principal-elevation");
    expect_none(12, "pd-curtilage-coverage");
    expect_none(14, "article-4");
    expect_none(14, "listed-building-works");
    expect_none(16, "listed-building-works");
    expect_none(18, "tpo-root-protection");
    expect_none(22, "demolition-in-conservation-area");
    expect_none(24, "pd-rear-depth");
    expect_none(24, "pd-side-width");
    expect_none(25, "demolition-in-conservation-area");
    expect_none(27, "exceeds-approved-footprint");
    expect_none(29, "outside-red-line");
    expect_none(32, "permission-lapsed");
    // Only the 290-298 m building on open land lacks permission (the permitted one is covered,
    // the 1.8 m2 shed is below the minimum development).
    EXPECT_EQ(at(0, "no-permission").size(), 1u);
    // Plot 6: nothing at all, so its complaint shows no-breach-detected.
    for (const auto& f : (*s_result)["findings"]) {
        if (f["uprn"] == uprn(6)) {
            EXPECT_EQ(f["code"], "no-breach-detected") << f.dump();
        }
    }
}

TEST_F(CheckDemo, ComplaintsListTheirFindingsOrNoBreachDetected) {
    std::map<std::string, json> by_ref;
    for (const auto& c : (*s_result)["complaints"])
        by_ref[c["reference"]] = c;
    ASSERT_EQ(by_ref.size(), 13u);
    EXPECT_EQ(by_ref["CMP/26/0011"]["status"], "no-breach-detected");
    EXPECT_EQ(by_ref["CMP/26/0001"]["status"], "findings");
    EXPECT_EQ(by_ref["CMP/26/0001"]["findings"][0]["code"], "pd-rear-depth");
    // Outside every curtilage, CMP/26/0012 links to the building 4 m away.
    bool linked = false;
    for (const auto& f : by_ref["CMP/26/0012"]["findings"])
        linked = linked || f["code"] == "no-permission";
    EXPECT_TRUE(linked) << by_ref["CMP/26/0012"].dump();
}

TEST_F(CheckDemo, RealSouthwarkLayersRaiseNoFindingOfTheirOwn) {
    // Every finding is on the synthetic street (a uprn of Demo Road, or the open land and
    // Demo Road's complaints); nothing comes from the real OpenStreetMap buildings, which are in
    // both surveys, or from the real designations.
    for (const auto& f : (*s_result)["findings"]) {
        const std::string u = f["uprn"];
        EXPECT_TRUE(u.empty() || u.rfind("9900000000", 0) == 0) << f.dump();
    }
    EXPECT_TRUE((*s_result)["skipped"].empty()) << (*s_result)["skipped"].dump();
}

TEST_F(CheckDemo, FindingsFileAndStoredRunAgree) {
    const auto text =
        redline::test::shell("ogrinfo -ro -al -so " + (*s_dir / "findings.geojson").string());
    EXPECT_NE(text.find("Feature Count: " + std::to_string((*s_result)["findings"].size())),
              std::string::npos)
        << text;
    const auto layers =
        redline::test::shell("sqlite3 " + (*s_dir / "demo.sqlite").string() +
                             " \"SELECT count(*) FROM findings WHERE run_id = " +
                             std::to_string((*s_result)["run_id"].get<int>()) + "\"");
    EXPECT_EQ(std::stoul(layers), (*s_result)["findings"].size());
    const auto audit = redline::test::shell("sqlite3 " + (*s_dir / "demo.sqlite").string() +
                                            " \"SELECT count(*) FROM audit_log WHERE action = "
                                            "'check-run'\"");
    EXPECT_EQ(std::stoul(audit), 1u);
}

} // namespace
