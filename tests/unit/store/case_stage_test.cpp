// The stage history, case classification and complaint merges on real SpatiaLite files (#8).
#include "core/error.hpp"
#include "store/schema.hpp"
#include "store/workspace.hpp"
#include "unit/store/store_test_util.hpp"

#include <gtest/gtest.h>

namespace redline::store {
namespace {

using test::ScratchDir;

core::Complaint complaint(const char* ref, const char* date) {
    core::Complaint c;
    c.reference = ref;
    c.received_date = date;
    c.category = "extension";
    c.location = {530000, 180000};
    return c;
}

core::EnforcementCase enforcement_case(const char* ref) {
    core::EnforcementCase c;
    c.reference = ref;
    c.opened_date = "2026-09-03";
    c.breach_start_date = "2022-12-01";
    return c;
}

TEST(CaseStages, RecordedInOrderAuditedAndTheyMoveTheStatus) {
    ScratchDir dir;
    auto ws = Workspace::create(dir / "ws.sqlite", "officer1");
    ws.add_case(enforcement_case("ENF/1"), CaseProfile{"operational", "england"});
    EXPECT_EQ(ws.case_profile("ENF/1").breach_type, "operational");

    CaseStageRecord visit{.stage = "site-visit", .date = "2026-09-10"};
    CaseStageRecord ack{.stage = "acknowledged", .date = "2026-09-04"};
    ws.add_case_stage("ENF/1", visit);
    ws.add_case_stage("ENF/1", ack); // entered late: the history is by date
    EXPECT_GT(ack.id, visit.id);
    EXPECT_EQ(ack.user, "officer1");
    CaseStageRecord en{.stage = "notice-issued",
                       .date = "2026-10-01",
                       .served_date = "2026-10-02",
                       .effective_date = "2026-11-06",
                       .compliance_days = 56,
                       .notice_kind = "enforcement-notice"};
    ws.add_case_stage("ENF/1", en);
    auto stages = ws.case_stages("ENF/1");
    ASSERT_EQ(stages.size(), 3u);
    EXPECT_EQ(stages[0].stage, "acknowledged");
    EXPECT_EQ(stages[2].notice_kind, "enforcement-notice");
    EXPECT_EQ(stages[2].compliance_days, 56);
    EXPECT_EQ(ws.cases()[0].status, "open");

    CaseStageRecord closed{.stage = "closed", .date = "2026-12-20", .outcome = "complied"};
    ws.add_case_stage("ENF/1", closed);
    EXPECT_EQ(ws.cases()[0].status, "closed");

    const auto log = ws.audit_log();
    int stage_entries = 0;
    for (const auto& e : log)
        if (e.action == "case-stage")
            ++stage_entries;
    EXPECT_EQ(stage_entries, 4);
    EXPECT_NE(log.back().details.find("\"outcome\":\"complied\""), std::string::npos);
    EXPECT_NE(log[1].details.find("\"breach_type\":\"operational\""), std::string::npos)
        << log[1].details;
}

TEST(CaseStages, BadStagesAreRefusedAndLeaveTheFileUnchanged) {
    ScratchDir dir;
    const auto path = dir / "ws.sqlite";
    {
        auto ws = Workspace::create(path, "officer1");
        ws.add_case(enforcement_case("ENF/1"));
    }
    const auto before = test::dump(path);
    auto ws = Workspace::open(path, "officer1");
    const std::vector<CaseStageRecord> bad = {
        {.stage = "visited", .date = "2026-09-10"},
        {.stage = "site-visit", .date = "2026-02-30"},
        {.stage = "notice-issued", .date = "2026-09-10"},
        {.stage = "notice-issued", .date = "2026-09-10", .notice_kind = "warning-notice"},
        {.stage = "closed", .date = "2026-09-10"},
        {.stage = "negotiation", .date = "2026-09-10", .outcome = "complied"},
        {.stage = "site-visit", .date = "2026-09-10", .notice_kind = "stop-notice"},
        {.stage = "notice-issued",
         .date = "2026-09-10",
         .compliance_days = 0,
         .notice_kind = "s215"},
    };
    for (auto r : bad)
        EXPECT_THROW(ws.add_case_stage("ENF/1", r), core::UsageError) << r.stage << " " << r.date;
    CaseStageRecord ok{.stage = "site-visit", .date = "2026-09-10"};
    EXPECT_THROW(ws.add_case_stage("ENF/404", ok), core::StoreError);
    EXPECT_THROW(ws.set_case_profile("ENF/1", {"operations", "england"}), core::UsageError);
    EXPECT_THROW(ws.set_case_profile("ENF/1", {"other", "scotland"}), core::UsageError);
    EXPECT_EQ(test::dump(path), before);
}

TEST(CaseStages, TheDatabaseRefusesToRewriteTheHistory) {
    ScratchDir dir;
    const auto path = dir / "ws.sqlite";
    {
        auto ws = Workspace::create(path, "officer1");
        ws.add_case(enforcement_case("ENF/1"));
        CaseStageRecord r{.stage = "acknowledged", .date = "2026-09-04"};
        ws.add_case_stage("ENF/1", r);
    }
    int status = 0;
    const auto q = test::quoted(path);
    auto out = test::run_command(
        "sqlite3 " + q + " \"UPDATE case_stages SET date = '2026-09-01'\" 2>&1", status);
    EXPECT_NE(status, 0);
    EXPECT_NE(out.find("append-only"), std::string::npos) << out;
    out = test::run_command("sqlite3 " + q + " \"DELETE FROM case_stages\" 2>&1", status);
    EXPECT_NE(status, 0);
    // The CHECK constraints repeat the store's own: a bad stage cannot be inserted by hand.
    out = test::run_command("sqlite3 " + q +
                                " \"INSERT INTO case_stages (case_id, stage, date, recorded_at, "
                                "user) VALUES (1, 'visited', '2026-09-05', 'x', 'y')\" 2>&1",
                            status);
    EXPECT_NE(status, 0);
    EXPECT_NE(out.find("CHECK"), std::string::npos) << out;
    out = test::run_command("sqlite3 " + q + " \"SELECT count(*) FROM case_stages\"", status);
    EXPECT_EQ(out, "1\n");
}

TEST(CaseStages, MigrationFromVersionFourKeepsCasesAsOtherBreachesInEngland) {
    ScratchDir dir;
    const auto path = dir / "old.sqlite";
    testing::create_workspace_at_version(path, "officer1", 4);
    int status = 0;
    // The table's geometry triggers need SpatiaLite's functions in the shell too.
    test::run_command("sqlite3 -cmd '.load mod_spatialite' " + test::quoted(path) +
                          " \"INSERT INTO enforcement_cases (reference, opened_date) VALUES "
                          "('ENF/OLD', '2020-01-01')\"",
                      status);
    ASSERT_EQ(status, 0);
    auto ws = Workspace::open(path, "officer1");
    EXPECT_EQ(ws.schema_version(), k_schema_version);
    EXPECT_EQ(ws.case_profile("ENF/OLD").breach_type, "other");
    EXPECT_EQ(ws.case_profile("ENF/OLD").nation, "england");
    EXPECT_TRUE(ws.case_stages("ENF/OLD").empty());
}

TEST(ComplaintMerge, MarksTheDuplicateMergedAndAuditsIt) {
    ScratchDir dir;
    auto ws = Workspace::create(dir / "ws.sqlite", "officer1");
    ws.add_complaint(complaint("C/1", "2026-09-02"));
    ws.add_complaint(complaint("C/2", "2026-09-20"));
    ws.add_complaint(complaint("C/3", "2026-09-21"));
    ws.merge_complaint("C/1", "C/2");
    const auto all = ws.complaints();
    ASSERT_EQ(all.size(), 3u); // nothing deleted
    EXPECT_EQ(all[1].status, "merged");
    EXPECT_EQ(ws.complaint_merged_into("C/2"), "C/1");
    EXPECT_FALSE(ws.complaint_merged_into("C/1").has_value());
    EXPECT_EQ(ws.audit_log().back().action, "complaint-merge");
    EXPECT_THROW(ws.merge_complaint("C/1", "C/2"), core::UsageError); // already merged
    EXPECT_THROW(ws.merge_complaint("C/2", "C/3"), core::UsageError); // keep is merged
    EXPECT_THROW(ws.merge_complaint("C/1", "C/1"), core::UsageError);
    EXPECT_THROW(ws.merge_complaint("C/1", "C/9"), core::StoreError);
}

} // namespace
} // namespace redline::store
