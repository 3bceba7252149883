// The one validation of a stage change that `redline-cli case stage` and the viewer's Record
// stage form share: wrong dates and impossible transitions are refused with the reason, and a
// refusal writes nothing.
#include "workflow/stage_change.hpp"

#include "core/error.hpp"
#include "unit/store/store_test_util.hpp"

#include <gtest/gtest.h>

using namespace redline;

namespace {

core::EnforcementCase opened(const std::string& date) {
    core::EnforcementCase c;
    c.reference = "ENF/1";
    c.opened_date = date;
    return c;
}

store::CaseStageRecord recorded(const std::string& stage, const std::string& date,
                                const std::string& notice = "") {
    store::CaseStageRecord r;
    r.stage = stage;
    r.date = date;
    r.notice_kind = notice;
    return r;
}

std::string refusal(const workflow::StageInput& in, const std::vector<store::CaseStageRecord>& h) {
    try {
        workflow::validate_stage_change(in, opened("2026-09-01"), h);
    } catch (const core::UsageError& e) {
        return e.what();
    }
    return "(accepted)";
}

} // namespace

TEST(StageChange, AcceptsAWellFormedNoticeAndKeepsOnlyItsFields) {
    workflow::StageInput in;
    in.stage = "notice-issued";
    in.date = "2026-10-01";
    in.notice = "enforcement-notice";
    in.served = "2026-10-02";
    in.effective = "2026-11-06";
    in.compliance_days = "90";
    const auto r = workflow::validate_stage_change(in, opened("2026-09-01"),
                                                   {recorded("site-visit", "2026-09-10")});
    EXPECT_EQ(r.stage, "notice-issued");
    EXPECT_EQ(r.served_date, "2026-10-02");
    EXPECT_EQ(r.effective_date, "2026-11-06");
    ASSERT_TRUE(r.compliance_days);
    EXPECT_EQ(*r.compliance_days, 90);
    EXPECT_EQ(r.notice_kind, "enforcement-notice");
}

TEST(StageChange, RefusesMalformedFieldsNamingThem) {
    EXPECT_NE(refusal({"visited", "2026-10-01"}, {}).find("stage 'visited' is not one of"),
              std::string::npos);
    EXPECT_NE(refusal({"site-visit", "2026-02-30"}, {}).find("date '2026-02-30': not a real date"),
              std::string::npos);
    EXPECT_NE(refusal({"site-visit", ""}, {}).find("needs its date"), std::string::npos);
    EXPECT_NE(refusal({"closed", "2026-10-01"}, {}).find("outcome '' is not one of"),
              std::string::npos);
    EXPECT_NE(refusal({"site-visit", "2026-10-01", "2026-10-01"}, {})
                  .find("a served date belongs to investigation"),
              std::string::npos);
    EXPECT_NE(refusal({"notice-issued", "2026-10-01", "", "", "12.5", "s215"}, {})
                  .find("compliance period '12.5'"),
              std::string::npos);
    EXPECT_NE(refusal({"negotiation", "2026-10-01", "", "", "", "s215"}, {})
                  .find("notice kind belongs to the notice-issued stage only"),
              std::string::npos);
}

TEST(StageChange, RefusesImpossibleTransitions) {
    // Before the case existed.
    EXPECT_NE(refusal({"acknowledged", "2026-08-31"}, {}).find("was opened on 2026-09-01"),
              std::string::npos);
    // Before the latest recorded stage: the history is kept in date order.
    EXPECT_NE(refusal({"site-visit", "2026-09-05"}, {recorded("negotiation", "2026-09-20")})
                  .find("is at negotiation since 2026-09-20"),
              std::string::npos);
    // A notice served before it was issued, or effective before it was served.
    EXPECT_NE(
        refusal({"notice-issued", "2026-10-05", "2026-10-04", "", "", "enforcement-notice"}, {})
            .find("before the notice was issued"),
        std::string::npos);
    EXPECT_NE(refusal({"notice-issued", "2026-10-05", "2026-10-06", "2026-10-05", "",
                       "enforcement-notice"},
                      {})
                  .find("effective date 2026-10-05 is before"),
              std::string::npos);
    // An appeal needs an appealable notice first: none at all, or only a breach of condition
    // notice (which has no appeal), is refused; after an enforcement notice it is accepted.
    EXPECT_NE(refusal({"appeal", "2026-11-01"}, {}).find("nothing to appeal"), std::string::npos);
    EXPECT_NE(refusal({"appeal", "2026-11-01"},
                      {recorded("notice-issued", "2026-10-01", "breach-of-condition-notice")})
                  .find("nothing to appeal"),
              std::string::npos);
    EXPECT_EQ(refusal({"appeal", "2026-11-01"},
                      {recorded("notice-issued", "2026-10-01", "enforcement-notice")}),
              "(accepted)");
    // The same day as the latest stage is fine (several things happen on one visit).
    EXPECT_EQ(refusal({"negotiation", "2026-09-20"}, {recorded("site-visit", "2026-09-20")}),
              "(accepted)");
}

TEST(StageChange, RecordedWithItsAuditEntryAndARefusalWritesNothing) {
    store::test::ScratchDir dir;
    const auto path = dir / "ws.sqlite";
    {
        auto ws = store::Workspace::create(path, "officer1");
        ws.add_case(opened("2026-09-01"));
    }
    auto ws = store::Workspace::open(path, "officer1");
    const auto r = workflow::record_stage_change(ws, "ENF/1", {"site-visit", "2026-09-03"});
    EXPECT_GT(r.id, 0);
    ASSERT_EQ(ws.case_stages("ENF/1").size(), 1u);
    EXPECT_EQ(ws.audit_log().back().action, "case-stage");
    EXPECT_NE(ws.audit_log().back().details.find("\"date\":\"2026-09-03\""), std::string::npos);

    const std::string before = store::test::dump(path);
    EXPECT_THROW(workflow::record_stage_change(ws, "ENF/1", {"acknowledged", "2026-09-02"}),
                 core::UsageError);
    EXPECT_THROW(workflow::record_stage_change(ws, "ENF/9", {"acknowledged", "2026-09-02"}),
                 core::StoreError);
    EXPECT_EQ(store::test::dump(path), before);
}
