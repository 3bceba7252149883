// Taking in a complaint with its case is one transaction: joining the open case at the site or
// opening a new one (with the next reference of the workspace's numbering), and on any failure
// neither the complaint nor the case is written.
#include "workflow/complaint_intake.hpp"

#include "core/error.hpp"
#include "unit/workflow/intake_street.hpp"

#include <gtest/gtest.h>

using namespace redline;

namespace {

/// The intake street with ENF/26/0007 open at the first plot.
struct Street {
    store::test::ScratchDir dir;
    std::filesystem::path path = dir / "ws.sqlite";
    Street() { test::make_intake_street(path, "ENF/26/0007"); }
    store::Workspace open(const std::string& user = "officer1") const {
        return store::Workspace::open(path, user);
    }
};

workflow::ComplaintInput complaint(const std::string& ref, const std::string& day, core::Coord p) {
    return test::intake_complaint(ref, day, p);
}

const core::Coord k_first_plot{533010, 179020};
const core::Coord k_next_door{533030, 179020};

workflow::IntakeOptions open_new(const std::string& reference = "") {
    workflow::CaseInput c;
    c.reference = reference;
    c.officer = "A. Khan";
    c.alleged_breach = "Rear extension";
    c.breach_type = "operational";
    return {.open_case = c};
}

} // namespace

// The link step fails when another officer closes the case after the site was looked up: the
// complaint, added first in the same transaction, is not written either.
TEST(IntakeCase, ACaseClosedBeforeTheLinkLeavesTheWorkspaceUnchanged) {
    Street s;
    auto ws = s.open();
    const auto plan = workflow::plan_intake(ws, complaint("CMP/1", "2026-09-03", k_first_plot),
                                            {.join_case_at_site = true});
    ASSERT_EQ(plan.join_case, "ENF/26/0007");
    {
        auto other = s.open("officer2");
        store::CaseStageRecord closed{
            .stage = "closed", .date = "2026-09-02", .outcome = "not-expedient"};
        other.add_case_stage("ENF/26/0007", closed);
    }
    const auto complaints_before = ws.complaints().size();
    const auto audit_before = ws.audit_log().size();
    const auto before = store::test::dump(s.path);
    try {
        workflow::commit_intake(ws, plan);
        FAIL() << "linked to a closed case";
    } catch (const core::StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("'ENF/26/0007' has been closed"), std::string::npos)
            << e.what();
    }
    EXPECT_EQ(ws.complaints().size(), complaints_before);
    EXPECT_EQ(ws.audit_log().size(), audit_before);
    EXPECT_EQ(store::test::dump(s.path), before);
}

TEST(IntakeCase, JoiningIsOneTransactionWithBothAuditEntries) {
    Street s;
    auto ws = s.open();
    const auto audit_before = ws.audit_log().size();
    const auto r = workflow::take_complaint(ws, complaint("CMP/1", "2026-09-03", k_first_plot),
                                            {.join_case_at_site = true});
    EXPECT_EQ(r.linked_case, "ENF/26/0007");
    EXPECT_FALSE(r.case_opened);
    const auto log = ws.audit_log();
    ASSERT_EQ(log.size(), audit_before + 2);
    EXPECT_EQ(log[audit_before].action, "complaint-add");
    EXPECT_EQ(log[audit_before + 1].action, "case-link");
}

TEST(IntakeCase, OpensANewCaseWithTheNextReferenceAndTheComplaintLinked) {
    Street s;
    auto ws = s.open();
    const auto audit_before = ws.audit_log().size();
    const auto r =
        workflow::take_complaint(ws, complaint("CMP/2", "2026-10-05", k_next_door), open_new());
    EXPECT_TRUE(r.case_opened);
    EXPECT_EQ(r.linked_case, "ENF/26/0008"); // after ENF/26/0007, in the workspace's pattern
    const auto cases = ws.cases();
    ASSERT_EQ(cases.size(), 2u);
    const core::EnforcementCase& c = cases[1];
    EXPECT_EQ(c.reference, "ENF/26/0008");
    EXPECT_EQ(c.status, "open");
    EXPECT_EQ(c.officer, "A. Khan");
    EXPECT_EQ(c.alleged_breach, "Rear extension");
    // Placed where the complaint is: the curtilage's UPRN and the complaint's point.
    EXPECT_EQ(c.uprn, "100000000002");
    ASSERT_TRUE(c.site);
    EXPECT_EQ(*c.site, k_next_door);
    // Opened today (the complaint came in before today).
    const auto today = core::Date::today();
    const auto received = *core::Date::parse("2026-10-05");
    EXPECT_EQ(c.opened_date, (today < received ? received : today).to_string());
    EXPECT_EQ(c.complaint_references, std::vector<std::string>{"CMP/2"});
    EXPECT_EQ(ws.case_profile("ENF/26/0008").breach_type, "operational");
    const auto log = ws.audit_log();
    ASSERT_EQ(log.size(), audit_before + 3);
    EXPECT_EQ(log[audit_before].action, "complaint-add");
    EXPECT_EQ(log[audit_before + 1].action, "case-add");
    EXPECT_EQ(log[audit_before + 2].action, "case-link");
    EXPECT_NE(log.back().details.find("\"case\":\"ENF/26/0008\""), std::string::npos);
    for (const auto& e : log)
        EXPECT_EQ(e.details.find("Secretname"), std::string::npos) << e.details;
    // The site now has an open case: the next complaint there joins it.
    const auto next = workflow::take_complaint(ws, complaint("CMP/3", "2026-10-06", k_next_door),
                                               {.join_case_at_site = true});
    EXPECT_EQ(next.linked_case, "ENF/26/0008");
}

TEST(IntakeCase, TheNextReferenceIsForTheYearTheComplaintWasReceived) {
    Street s;
    auto ws = s.open();
    EXPECT_EQ(workflow::next_case_reference(ws, *core::Date::parse("2026-12-31")), "ENF/26/0008");
    EXPECT_EQ(workflow::next_case_reference(ws, *core::Date::parse("2025-12-31")), "ENF/25/0001");
    const auto r =
        workflow::take_complaint(ws, complaint("CMP/4", "2025-12-30", k_next_door), open_new());
    EXPECT_EQ(r.linked_case, "ENF/25/0001");
}

TEST(IntakeCase, ATakenReferenceIsRefusedNamingTheFieldAndNothingIsWritten) {
    Street s;
    auto ws = s.open();
    const auto before = store::test::dump(s.path);
    try {
        workflow::take_complaint(ws, complaint("CMP/2", "2026-10-05", k_next_door),
                                 open_new("ENF/26/0007"));
        FAIL();
    } catch (const core::StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("case reference 'ENF/26/0007' is already taken"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_EQ(store::test::dump(s.path), before);
}

// Another officer opens the suggested reference between the look-up and the write: the store
// refuses it inside the transaction and the complaint goes too.
TEST(IntakeCase, AReferenceTakenMeanwhileLeavesNoComplaint) {
    Street s;
    auto ws = s.open();
    const auto plan =
        workflow::plan_intake(ws, complaint("CMP/2", "2026-10-05", k_next_door), open_new());
    ASSERT_TRUE(plan.new_case);
    EXPECT_EQ(plan.new_case->record.reference, "ENF/26/0008");
    {
        auto other = s.open("officer2");
        workflow::open_case(other, {.reference = "ENF/26/0008", .opened = "2026-10-01"});
    }
    const auto before = store::test::dump(s.path);
    EXPECT_THROW(workflow::commit_intake(ws, plan), core::StoreError);
    EXPECT_TRUE(ws.complaints().empty());
    EXPECT_EQ(store::test::dump(s.path), before);
}

TEST(IntakeCase, RefusalsBeforeAnythingIsWritten) {
    Street s;
    auto ws = s.open();
    const auto before = store::test::dump(s.path);
    const auto refused = [&](workflow::IntakeOptions options, core::Coord where,
                             const std::string& words) {
        try {
            workflow::take_complaint(ws, complaint("CMP/9", "2026-10-05", where), options);
            ADD_FAILURE() << "accepted; expected: " << words;
        } catch (const core::Error& e) {
            EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
        }
    };
    // A case is already open at the first plot: join it instead.
    refused(open_new(), k_first_plot, "case ENF/26/0007 is already open at this site");
    auto both = open_new();
    both.join_case_at_site = true;
    refused(both, k_next_door, "not both");
    auto early = open_new();
    early.open_case->opened = "2026-10-01";
    refused(early, k_next_door, "opened date '2026-10-01': before the complaint was received");
    auto not_a_day = open_new();
    not_a_day.open_case->opened = "2026-10-32";
    refused(not_a_day, k_next_door, "opened date '2026-10-32': not a real date");
    auto bad_uprn = open_new();
    bad_uprn.open_case->uprn = "UPRN-12";
    refused(bad_uprn, k_next_door, "UPRN 'UPRN-12' is not valid");
    auto shed = open_new();
    shed.open_case->breach_type = "shed";
    refused(shed, k_next_door, "breach type 'shed'");
    EXPECT_EQ(store::test::dump(s.path), before);
}

TEST(IntakeCase, OpenCaseNeedsAReference) {
    Street s;
    auto ws = s.open();
    try {
        workflow::open_case(ws, {.reference = " "});
        FAIL();
    } catch (const core::UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("case reference"), std::string::npos);
    }
    const auto c = workflow::open_case(ws, {.reference = "ENF/26/0010", .uprn = "100000000002"});
    EXPECT_EQ(c.reference, "ENF/26/0010");
    EXPECT_EQ(c.opened_date, core::Date::today().to_string());
}
