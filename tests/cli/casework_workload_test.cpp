// End-to-end: case stages, clocks, the workload on the demo workspace, duplicate complaints and
// the audit trail (issue #8).
#include "cli/harness.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>

namespace redline::test {
namespace {

const std::vector<std::string> k_env = {"REDLINE_USER=officer1"};

nlohmann::json json_of(const CliResult& r) {
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
}

/// The demo workspace, built once for the tests below.
class DemoWorkload : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new TempDir();
        const auto r = run_cli({"demo", ws()}, {}, k_env);
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    static void TearDownTestSuite() {
        delete s_dir;
        s_dir = nullptr;
    }
    static std::string ws() { return (*s_dir / "demo.sqlite").string(); }
    static TempDir* s_dir;
};
TempDir* DemoWorkload::s_dir = nullptr;

TEST_F(DemoWorkload, OrderedByUrgencyWithReasons) {
    const auto j =
        json_of(run_cli({"workload", ws(), "--as-of", "2026-11-01", "--json"}, {}, k_env));
    // The order worked out by hand in docs/casework.md ("The demo's workload"): two immune
    // cases (longest overdue first), two overdue first visits, then by the next date; on
    // 9 November the P1 appeal questionnaire comes before the P2 PCN reply. ENF/26/0008 is
    // closed.
    const std::vector<std::string> expected = {
        "ENF/26/0012", "ENF/26/0011", "ENF/26/0010", "ENF/26/0005", "ENF/26/0007", "ENF/26/0001",
        "ENF/26/0003", "ENF/26/0006", "ENF/26/0004", "ENF/26/0009", "ENF/26/0002"};
    ASSERT_EQ(j.size(), expected.size()) << j.dump(1);
    for (std::size_t i = 0; i < expected.size(); ++i)
        EXPECT_EQ(j[i]["reference"], expected[i]) << i;
    // Immune since 1 March 2025: a building begun 2021-03-01 under the pre-2024 4-year rule.
    EXPECT_EQ(j[0]["next"]["name"], "immunity_date");
    EXPECT_EQ(j[0]["next"]["date"], "2025-03-01");
    EXPECT_EQ(j[0]["overdue"], true);
    EXPECT_NE(j[0]["why"].get<std::string>().find("s171B(1)"), std::string::npos);
    // ENF/26/0010: P2, complaint Thursday 1 October 2026, first visit within 10 working days:
    // 2 Oct (1), 5-9 Oct (6), 12-15 Oct (10) -> 15 October, 17 days overdue on 1 November.
    EXPECT_EQ(j[2]["next"]["name"], "first-visit-by");
    EXPECT_EQ(j[2]["next"]["date"], "2026-10-15");
    EXPECT_EQ(j[2]["next"]["days_left"], -17);
    // ENF/26/0001: PCN served 20 October: 21 days beginning with that day end on 9 November.
    EXPECT_EQ(j[5]["next"]["name"], "pcn-reply-due");
    EXPECT_EQ(j[5]["next"]["date"], "2026-11-09");
    // ENF/26/0003 is P1 because it is 30 days from immunity (1 December 2026).
    EXPECT_EQ(j[6]["priority"], "P1");
    EXPECT_NE(j[6]["priority_reasons"][0].get<std::string>().find("within 6 months"),
              std::string::npos);
    // ENF/26/0006: temporary stop notice displayed 16 October 2026 (after 25 April 2024: 56
    // days starting that day) -> last day 10 December.
    EXPECT_EQ(j[7]["next"]["name"], "tsn-expires");
    EXPECT_EQ(j[7]["next"]["date"], "2026-12-10");

    const auto text = run_cli({"workload", ws(), "--as-of", "2026-11-01"}, {}, k_env);
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find("11 open cases, most urgent first"), std::string::npos);
    EXPECT_LT(text.out.find("ENF/26/0012"), text.out.find("ENF/26/0002"));
}

TEST_F(DemoWorkload, SummaryAndOfficerFilter) {
    const auto s = json_of(
        run_cli({"workload", ws(), "--as-of", "2026-11-01", "--summary", "--json"}, {}, k_env));
    EXPECT_EQ(s["open_cases"], 11);
    EXPECT_EQ(s["closed_cases"], 1);
    EXPECT_EQ(s["by_stage"]["negotiation"], 3); // 0002, 0003, 0009
    // Acknowledged within 5 working days: all but ENF/26/0010 (complaint 1 October, due
    // 8 October, acknowledged 12 October).
    EXPECT_EQ(s["performance"][0]["met"], 11);
    EXPECT_EQ(s["performance"][0]["total"], 12);
    const auto k = json_of(run_cli(
        {"workload", ws(), "--as-of", "2026-11-01", "--officer", "A. Khan", "--json"}, {}, k_env));
    ASSERT_EQ(k.size(), 3u);
    EXPECT_EQ(k[0]["reference"], "ENF/26/0011");
}

TEST_F(DemoWorkload, DuplicateComplaintsAreOfferedAndMergedOnTheRecord) {
    auto d = json_of(run_cli({"complaint", "duplicates", ws(), "--json"}, {}, k_env));
    // CMP/26/0013 repeats CMP/26/0001's site 18 days later (docs/demo.md).
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0]["keep"], "CMP/26/0001");
    EXPECT_EQ(d[0]["duplicate"], "CMP/26/0013");
    EXPECT_EQ(d[0]["days_apart"], 18);
    const auto m = run_cli({"complaint", "merge", ws(), "CMP/26/0001", "CMP/26/0013"}, {}, k_env);
    ASSERT_EQ(m.exit_code, 0) << m.err;
    d = json_of(run_cli({"complaint", "duplicates", ws(), "--json"}, {}, k_env));
    EXPECT_TRUE(d.empty());
    const auto audit = shell("sqlite3 '" + ws() +
                             "' \"SELECT user, details FROM audit_log WHERE action = "
                             "'complaint-merge'\"");
    EXPECT_NE(audit.find("officer1|"), std::string::npos) << audit;
    EXPECT_NE(audit.find("CMP/26/0013"), std::string::npos) << audit;
}

class CaseStagesCli : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(run_cli({"init", ws()}, {}, k_env).exit_code, 0);
        const auto r = run_cli({"case", "add", ws(), "--ref", "ENF/1", "--opened", "2024-02-29",
                                "--breach-start", "2024-02-29", "--breach-type", "operational",
                                "--officer", "J. Bloggs"},
                               {}, k_env);
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    std::string ws() const { return (m_dir / "ws.redline").string(); }
    CliResult stage(std::vector<std::string> extra) {
        std::vector<std::string> args = {"case", "stage", ws(), "ENF/1"};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_cli(args, {}, k_env);
    }
    TempDir m_dir;
};

TEST_F(CaseStagesCli, StagesShowEveryClockAndGoToTheAuditLog) {
    ASSERT_EQ(stage({"acknowledged", "--date", "2024-03-01"}).exit_code, 0);
    const auto en =
        stage({"notice-issued", "--date", "2024-03-04", "--notice", "enforcement-notice",
               "--served", "2024-03-05", "--effective", "2024-04-09", "--compliance-days", "90"});
    ASSERT_EQ(en.exit_code, 0) << en.err;
    const auto j = json_of(
        run_cli({"case", "show", ws(), "ENF/1", "--as-of", "2024-03-20", "--json"}, {}, k_env));
    // Completed 29 February 2024, before 25 April 2024: 4 years; 2028 is leap, so immune from
    // 29 February 2028.
    EXPECT_EQ(j["immunity_date"], "2028-02-29");
    EXPECT_EQ(j["stage"], "notice-issued");
    ASSERT_EQ(j["stages"].size(), 2u);
    std::map<std::string, nlohmann::json> clocks;
    for (const auto& c : j["clocks"])
        clocks[c["name"].get<std::string>()] = c;
    // Effective 9 April: appeal by 8 April (19 days after 20 March); compliance 9 April + 90 =
    // 8 July (21 + 31 + 30 + 8).
    EXPECT_EQ(clocks.at("appeal-deadline")["date"], "2024-04-08");
    EXPECT_EQ(clocks.at("appeal-deadline")["days_left"], 19);
    EXPECT_EQ(clocks.at("compliance-due")["date"], "2024-07-08");
    EXPECT_EQ(clocks.at("immunity_date")["state"], "stopped");

    const auto log = shell("sqlite3 '" + ws() +
                           "' \"SELECT action || ' ' || details FROM audit_log ORDER BY id\"");
    EXPECT_NE(log.find("case-add {\"reference\":\"ENF/1\",\"breach_type\":\"operational\""),
              std::string::npos)
        << log;
    EXPECT_NE(log.find("case-stage {\"case\":\"ENF/1\",\"stage\":\"notice-issued\""),
              std::string::npos)
        << log;
    // The database refuses to alter the record, from Redline or from the sqlite3 shell.
    for (const char* sql :
         {"UPDATE audit_log SET user = 'someone'", "DELETE FROM audit_log",
          "UPDATE case_stages SET date = '2024-03-02'", "DELETE FROM case_stages"}) {
        const auto r = run_cli({"case", "list", ws()}, {}, k_env); // still readable
        ASSERT_EQ(r.exit_code, 0);
        EXPECT_THROW(shell("sqlite3 '" + ws() + "' \"" + sql + "\" 2>&1"), std::runtime_error)
            << sql;
    }
}

TEST_F(CaseStagesCli, BadStagesAreRefusedWithoutChangingTheFile) {
    const auto before = shell("sqlite3 '" + ws() + "' .dump");
    EXPECT_EQ(stage({"visited", "--date", "2024-03-01"}).exit_code, 2);
    EXPECT_EQ(stage({"closed", "--date", "2024-03-01"}).exit_code, 2); // no --outcome
    EXPECT_EQ(stage({"notice-issued", "--date", "2024-03-01", "--notice", "warning"}).exit_code, 2);
    EXPECT_EQ(stage({"site-visit", "--date", "2024-02-30"}).exit_code, 2);
    EXPECT_EQ(stage({"site-visit"}).exit_code, 2); // --date is required
    EXPECT_EQ(shell("sqlite3 '" + ws() + "' .dump"), before);
}

} // namespace
} // namespace redline::test
