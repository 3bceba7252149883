// A complaint taken in with its case (joined or newly opened) is one transaction: on any failure
// neither the complaint nor the case nor any audit entry is written.
#include "core/error.hpp"
#include "store/workspace.hpp"
#include "unit/store/store_test_util.hpp"

#include <gtest/gtest.h>

namespace redline::store {
namespace {

using test::dump;
using test::ScratchDir;

core::Complaint complaint(const std::string& ref) {
    core::Complaint c;
    c.reference = ref;
    c.received_date = "2026-09-03";
    c.category = "extension";
    c.complainant_name = "Ada Secretname";
    c.location = {533010, 179020};
    return c;
}

core::EnforcementCase new_case(const std::string& ref) {
    core::EnforcementCase c;
    c.reference = ref;
    c.uprn = "100000000001";
    c.site = core::Coord{533010, 179020};
    c.officer = "J. Bloggs";
    c.opened_date = "2026-09-04";
    return c;
}

std::vector<std::string> actions_after(const Workspace& ws, std::size_t first) {
    std::vector<std::string> out;
    const auto log = ws.audit_log();
    for (std::size_t i = first; i < log.size(); ++i)
        out.push_back(log[i].action);
    return out;
}

struct Street {
    ScratchDir dir;
    std::filesystem::path path = dir / "ws.redline";
    Workspace ws = Workspace::create(path, "officer1");
    Street() {
        core::EnforcementCase open = new_case("ENF/26/0001");
        open.opened_date = "2026-09-01";
        ws.add_case(open);
    }
};

TEST(ComplaintIntakeStore, JoinsAnOpenCaseInOneTransaction) {
    Street s;
    const auto before = s.ws.audit_log().size();
    s.ws.add_complaint(complaint("CMP/1"), IntakeCase{.existing = "ENF/26/0001"});
    EXPECT_EQ(s.ws.cases()[0].complaint_references, std::vector<std::string>{"CMP/1"});
    EXPECT_EQ(actions_after(s.ws, before),
              (std::vector<std::string>{"complaint-add", "case-link"}));
}

TEST(ComplaintIntakeStore, OpensANewCaseWithTheComplaintLinked) {
    Street s;
    const auto before = s.ws.audit_log().size();
    s.ws.add_complaint(complaint("CMP/1"),
                       IntakeCase{.open = new_case("ENF/26/0002"),
                                  .profile = CaseProfile{"operational", "england"}});
    const auto cases = s.ws.cases();
    ASSERT_EQ(cases.size(), 2u);
    EXPECT_EQ(cases[1].reference, "ENF/26/0002");
    EXPECT_EQ(cases[1].status, "open");
    EXPECT_EQ(cases[1].officer, "J. Bloggs");
    EXPECT_EQ(cases[1].complaint_references, std::vector<std::string>{"CMP/1"});
    EXPECT_EQ(s.ws.case_profile("ENF/26/0002").breach_type, "operational");
    EXPECT_EQ(s.ws.case_key_dates("ENF/26/0002")[0].kind, "opened");
    EXPECT_EQ(actions_after(s.ws, before),
              (std::vector<std::string>{"complaint-add", "case-add", "case-link"}));
    for (const auto& e : s.ws.audit_log())
        EXPECT_EQ(e.details.find("Secretname"), std::string::npos);
}

TEST(ComplaintIntakeStore, AClosedCaseRefusesTheWholeIntake) {
    Street s;
    CaseStageRecord closed{.stage = "closed", .date = "2026-09-02", .outcome = "no-breach"};
    s.ws.add_case_stage("ENF/26/0001", closed);
    const auto before = dump(s.path);
    try {
        s.ws.add_complaint(complaint("CMP/1"), IntakeCase{.existing = "ENF/26/0001"});
        FAIL() << "joined a closed case";
    } catch (const core::StoreError& e) {
        EXPECT_STREQ(e.what(), "case 'ENF/26/0001' has been closed: the complaint was not added");
    }
    EXPECT_THROW(s.ws.add_complaint(complaint("CMP/1"), IntakeCase{.existing = "ENF/26/0404"}),
                 core::StoreError);
    EXPECT_EQ(dump(s.path), before);
    EXPECT_TRUE(s.ws.complaints().empty());
}

TEST(ComplaintIntakeStore, ANewCaseThatCannotBeOpenedLeavesNoComplaint) {
    Street s;
    const auto before = dump(s.path);
    // The reference is taken: the complaint, written first in the transaction, is rolled back.
    try {
        s.ws.add_complaint(complaint("CMP/1"), IntakeCase{.open = new_case("ENF/26/0001")});
        FAIL() << "opened a second ENF/26/0001";
    } catch (const core::StoreError& e) {
        EXPECT_STREQ(e.what(), "case 'ENF/26/0001' already exists");
    }
    auto bad = new_case("ENF/26/0002");
    bad.uprn = "UPRN-1";
    EXPECT_THROW(s.ws.add_complaint(complaint("CMP/1"), IntakeCase{.open = bad}), core::UsageError);
    EXPECT_THROW(s.ws.add_complaint(complaint("CMP/1"),
                                    IntakeCase{.open = new_case("ENF/26/0002"),
                                               .profile = CaseProfile{"shed", "england"}}),
                 core::UsageError);
    // Neither, or both, is a programming error, refused before anything is written.
    EXPECT_THROW(s.ws.add_complaint(complaint("CMP/1"), IntakeCase{}), core::UsageError);
    EXPECT_THROW(s.ws.add_complaint(complaint("CMP/1"), IntakeCase{.existing = "ENF/26/0001",
                                                                   .open = new_case("ENF/26/2")}),
                 core::UsageError);
    EXPECT_EQ(dump(s.path), before);
}

} // namespace
} // namespace redline::store
