// `redline-cli check` options on a generated town (`redline-cli city`): thread count does not
// change the findings file, --set and --rules change the limits, bad parameters are refused, and a
// workspace without a baseline survey says which rules it skipped and why.
#include "cli/harness.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace {

using nlohmann::json;
using redline::test::run_cli;
using redline::test::TempDir;

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

json check(const std::string& ws, const std::string& out, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"check", ws, "--as-of", "2026-11-01", "--out", out, "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = run_cli(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out);
}

TEST(CheckOptions, ThreadCountDoesNotChangeTheFindings) {
    TempDir dir;
    const auto ws = (dir / "town.sqlite").string();
    ASSERT_EQ(run_cli({"city", ws, "--plots", "200", "--seed", "5"}).exit_code, 0);
    const auto one = check(ws, (dir / "one.csv").string(), {"--threads", "1"});
    const auto four = check(ws, (dir / "four.csv").string(), {"--threads", "4"});
    EXPECT_GT(one["findings"].size(), 10u);
    EXPECT_EQ(slurp(dir / "one.csv"), slurp(dir / "four.csv"));
    EXPECT_EQ(one["counts"], four["counts"]);
    EXPECT_EQ(four["run_id"].get<int>(), 2);
}

TEST(CheckOptions, SetAndRulesFileChangeTheLimits) {
    TempDir dir;
    const auto ws = (dir / "town.sqlite").string();
    ASSERT_EQ(run_cli({"city", ws, "--plots", "200", "--seed", "5"}).exit_code, 0);
    const auto base = check(ws, (dir / "a.geojson").string());
    const int rear = base["counts"].value("pd-rear-depth", 0);
    ASSERT_GT(rear, 0);
    // Limits so generous that no rear extension in the town passes them.
    const auto relaxed =
        check(ws, (dir / "b.geojson").string(),
              {"--set", "rear_depth_attached_m=10", "--set", "rear_depth_detached_m=10"});
    EXPECT_EQ(relaxed["counts"].value("pd-rear-depth", 0), 0);
    EXPECT_EQ(relaxed["parameters"]["rear_depth_attached_m"], 10.0);
    std::ofstream(dir / "rules.txt") << "# stricter coverage\ncoverage_limit = 0.01\n";
    const auto strict =
        check(ws, (dir / "c.geojson").string(), {"--rules", (dir / "rules.txt").string()});
    EXPECT_GT(strict["counts"].value("pd-curtilage-coverage", 0),
              base["counts"].value("pd-curtilage-coverage", 0));
}

TEST(CheckOptions, BadParametersAreRefusedAndNothingIsStored) {
    TempDir dir;
    const auto ws = (dir / "town.sqlite").string();
    ASSERT_EQ(run_cli({"city", ws, "--plots", "50"}).exit_code, 0);
    for (const auto& bad :
         std::vector<std::vector<std::string>>{{"--set", "no_such_limit=1"},
                                               {"--set", "coverage_limit=50"},
                                               {"--set", "rear_depth_attached_m=-1"},
                                               {"--set", "rear_depth_attached_m"},
                                               {"--as-of", "2026-02-30"},
                                               {"--threads", "0"}}) {
        std::vector<std::string> args = {"check", ws, "--out", (dir / "x.csv").string()};
        args.insert(args.end(), bad.begin(), bad.end());
        const auto r = run_cli(args);
        EXPECT_NE(r.exit_code, 0) << bad[1];
        EXPECT_FALSE(r.err.empty());
    }
    const auto runs = redline::test::shell("sqlite3 " + ws + " 'SELECT count(*) FROM check_runs'");
    EXPECT_EQ(std::stoi(runs), 0);
}

// The findings file is written while the run is stored: a file that cannot be written must stop
// the run from being committed to the workspace.
TEST(CheckOptions, AnUnwritableOutputStoresNoRun) {
    TempDir dir;
    const auto ws = (dir / "town.sqlite").string();
    ASSERT_EQ(run_cli({"city", ws, "--plots", "50"}).exit_code, 0);
    const std::string count_triggers =
        "sqlite3 " + ws +
        " \"SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'findings'\"";
    const auto triggers_before = redline::test::shell(count_triggers);
    const auto r =
        run_cli({"check", ws, "--out", (dir / "no-such-folder" / "findings.gpkg").string()});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("no-such-folder"), std::string::npos) << r.err;
    const auto runs = redline::test::shell("sqlite3 " + ws + " 'SELECT count(*) FROM check_runs'");
    EXPECT_EQ(std::stoi(runs), 0);
    EXPECT_GE(std::stoi(triggers_before), 4);
    EXPECT_EQ(redline::test::shell(count_triggers), triggers_before)
        << "SpatiaLite's triggers on findings were not restored";
}

TEST(CheckOptions, WithoutABaselineEveryRuleIsSkippedWithItsReason) {
    TempDir dir;
    const auto ws = (dir / "empty.sqlite").string();
    ASSERT_EQ(run_cli({"init", ws}).exit_code, 0);
    const auto r = check(ws, (dir / "f.gpkg").string());
    ASSERT_EQ(r["skipped"].size(), 13u);
    EXPECT_NE(r["skipped"][0]["reason"].get<std::string>().find("baseline-building"),
              std::string::npos);
    EXPECT_TRUE(r["findings"].empty());
    const auto plain = run_cli({"check", ws, "--out", (dir / "g.gpkg").string()});
    EXPECT_EQ(plain.exit_code, 0);
    EXPECT_NE(plain.out.find("skipped rules:"), std::string::npos);
}

} // namespace
