// The workload as CSV: the same order as `redline-cli workload`, quoted for a spreadsheet, and
// audited with the file's hash.
#include "workflow/workload_export.hpp"

#include "core/sha256.hpp"
#include "unit/store/store_test_util.hpp"
#include "workflow/case_files.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace redline;

TEST(WorkloadCsv, QuotesFieldsASpreadsheetWouldSplit) {
    analysis::WorkloadItem it;
    it.reference = "ENF/1";
    it.officer = "Bloggs, Jo";
    it.priority_reasons = {"a \"listed\" building", "trees"};
    const std::string csv = workflow::workload_csv({it});
    const std::string header = "rank,case,priority,stage,officer,due_date,days_left,overdue,"
                               "what_is_due,why,priority_because\n";
    ASSERT_EQ(csv.substr(0, header.size()), header);
    EXPECT_EQ(csv.substr(header.size()), "1,ENF/1,P3,received,\"Bloggs, Jo\",,,no,nothing pending,,"
                                         "\"a \"\"listed\"\" building; trees\"\n");
}

TEST(WorkloadCsv, ExportedInUrgencyOrderAndAudited) {
    store::test::ScratchDir dir;
    const auto path = dir / "ws.sqlite";
    auto ws = store::Workspace::create(path, "officer1");
    // Opened 1 and 20 October 2026 with no complaint: by 2 November both acknowledgements (P3,
    // 5 working days from opening) are overdue, ENF/A's the longest, so it leads.
    for (const auto& [ref, opened] : std::vector<std::pair<std::string, std::string>>{
             {"ENF/B", "2026-10-20"}, {"ENF/A", "2026-10-01"}}) {
        core::EnforcementCase c;
        c.reference = ref;
        c.opened_date = opened;
        ws.add_case(c);
    }
    const auto e = workflow::export_workload_csv(ws, dir / "w.csv",
                                                 *core::Date::parse("2026-11-02"), std::nullopt);
    EXPECT_EQ(e.cases, 2u);
    std::ifstream in(dir / "w.csv", std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    const std::string csv = s.str();
    EXPECT_EQ(e.sha256, core::sha256_hex(csv));
    EXPECT_LT(csv.find("1,ENF/A,"), csv.find("2,ENF/B,")) << csv;
    EXPECT_EQ(ws.audit_log().back().action, "workload-export");
    EXPECT_NE(ws.audit_log().back().details.find(e.sha256), std::string::npos);
    EXPECT_NE(ws.audit_log().back().details.find("\"as_of\":\"2026-11-02\""), std::string::npos);
}

TEST(CaseFiles, StagesAndTheEarliestLinkedComplaintAreRead) {
    store::test::ScratchDir dir;
    auto ws = store::Workspace::create(dir / "ws.sqlite", "officer1");
    for (const auto& [ref, day] : std::vector<std::pair<std::string, std::string>>{
             {"C/1", "2026-09-03"}, {"C/2", "2026-08-30"}}) {
        core::Complaint c;
        c.reference = ref;
        c.received_date = day;
        c.category = "tree";
        c.location = {530000, 180000};
        ws.add_complaint(c);
    }
    core::EnforcementCase k;
    k.reference = "ENF/1";
    k.opened_date = "2026-09-04";
    k.complaint_references = {"C/1", "C/2"};
    ws.add_case(k, store::CaseProfile{"operational", "wales"});
    store::CaseStageRecord r;
    r.stage = "acknowledged";
    r.date = "2026-09-05";
    ws.add_case_stage("ENF/1", r);
    const auto files = workflow::load_case_files(ws);
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(files[0].breach_type, analysis::BreachType::Operational);
    EXPECT_EQ(files[0].nation, analysis::Nation::Wales);
    ASSERT_EQ(files[0].stages.size(), 1u);
    EXPECT_EQ(files[0].stages[0].stage, analysis::CaseStage::Acknowledged);
    ASSERT_TRUE(files[0].first_received);
    EXPECT_EQ(files[0].first_received->to_string(), "2026-08-30");
    EXPECT_EQ(files[0].complaint_categories.size(), 2u);
    EXPECT_FALSE(files[0].findings.check_has_run);
}
