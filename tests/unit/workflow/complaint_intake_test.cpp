// Complaint intake shared by `redline-cli complaint add / import` and the viewer: the site a
// point is at, joining the open case there, duplicates offered, and CSVs with OS grid references.
#include "workflow/complaint_intake.hpp"

#include "core/error.hpp"
#include "unit/workflow/intake_street.hpp"

#include <gtest/gtest.h>

#include <fstream>

using namespace redline;

namespace {

/// The intake street with its case ENF/1.
std::filesystem::path street(const store::test::ScratchDir& dir) {
    const auto path = dir / "ws.sqlite";
    test::make_intake_street(path, "ENF/1");
    return path;
}

workflow::ComplaintInput at(const std::string& ref, const std::string& day, core::Coord p) {
    return test::intake_complaint(ref, day, p);
}

} // namespace

TEST(ComplaintIntake, RefusesBadFieldsNamingThem) {
    EXPECT_THROW(workflow::validate_complaint(at("", "2026-09-01", {533000, 179000})),
                 core::UsageError);
    try {
        workflow::validate_complaint(at("C/1", "2026-02-30", {533000, 179000}));
        FAIL();
    } catch (const core::UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("received date '2026-02-30'"), std::string::npos);
    }
    auto bad = at("C/1", "2026-09-01", {533000, 179000});
    bad.category = "noise";
    EXPECT_THROW(workflow::validate_complaint(bad), core::UsageError);
    EXPECT_THROW(workflow::validate_complaint(at("C/1", "2026-09-01", {-0.1, 51.5})),
                 core::UsageError);
}

TEST(ComplaintIntake, FindsTheSiteJoinsItsOpenCaseAndOffersDuplicates) {
    store::test::ScratchDir dir;
    const auto path = street(dir);
    auto ws = store::Workspace::open(path, "officer1");
    const auto site = workflow::find_complaint_site(ws, {533010, 179020});
    EXPECT_EQ(site.uprn, "100000000001");
    EXPECT_EQ(site.address, "Plot 100000000001");
    ASSERT_EQ(site.open_cases.size(), 1u);
    EXPECT_EQ(site.open_cases[0], "ENF/1");
    EXPECT_EQ(workflow::find_complaint_site(ws, {533100, 179020}).describe(),
              "no curtilage or red line here");

    const auto first = workflow::take_complaint(ws, at("C/1", "2026-09-01", {533010, 179020}),
                                                {.join_case_at_site = true});
    EXPECT_EQ(first.linked_case, "ENF/1");
    EXPECT_TRUE(first.duplicates.empty());
    // Next door, 3 m away and a day later: a different site (the party wall decides).
    const auto next_door =
        workflow::take_complaint(ws, at("C/2", "2026-09-02", {533021, 179020}), {});
    EXPECT_TRUE(next_door.duplicates.empty());
    EXPECT_TRUE(next_door.linked_case.empty());
    // The same plot 20 days later: offered for merging into the first report.
    const auto again = workflow::take_complaint(ws, at("C/3", "2026-09-21", {533005, 179005}), {});
    ASSERT_EQ(again.duplicates.size(), 1u);
    EXPECT_EQ(again.duplicates[0].keep, "C/1");
    EXPECT_EQ(again.duplicates[0].duplicate, "C/3");
    EXPECT_TRUE(again.linked_case.empty()); // not asked to join

    const auto cases = ws.cases();
    ASSERT_EQ(cases.size(), 1u);
    EXPECT_EQ(cases[0].complaint_references, std::vector<std::string>{"C/1"});
    bool linked = false;
    for (const auto& e : ws.audit_log()) {
        linked = linked || (e.action == "case-link" &&
                            e.details.find("\"complaint\":\"C/1\"") != std::string::npos);
        EXPECT_EQ(e.details.find("Secretname"), std::string::npos) << e.details;
    }
    EXPECT_TRUE(linked);
}

TEST(ComplaintIntake, CsvWithOsGridReferencesIsLocatedAtTheSquareCentres) {
    store::test::ScratchDir dir;
    const auto path = street(dir);
    const auto csv = dir / "phone_reports.csv";
    std::ofstream(csv) << "reference,received_date,category,grid_ref\n"
                          "C/10,2026-09-01,extension,TQ 33010 79020\n"
                          "C/11,2026-09-10,extension,\"TQ3300579005\"\n";
    auto ws = store::Workspace::open(path, "officer1");
    const auto r = workflow::import_complaints_csv(ws, csv);
    EXPECT_EQ(r.references, (std::vector<std::string>{"C/10", "C/11"}));
    EXPECT_EQ(r.report.source_path, csv.string()); // the provenance names the user's file
    const auto all = ws.complaints();
    ASSERT_EQ(all.size(), 2u);
    // TQ 33010 79020 is the 1 m square with its south-west corner at E 533010, N 179020.
    EXPECT_DOUBLE_EQ(all[0].location.x, 533010.5);
    EXPECT_DOUBLE_EQ(all[0].location.y, 179020.5);
    // Both in the first curtilage, 9 days apart: offered for merging.
    ASSERT_EQ(r.duplicates.size(), 1u);
    EXPECT_EQ(r.duplicates[0].keep, "C/10");
    EXPECT_EQ(ws.audit_log().back().action, "import");
}

TEST(ComplaintIntake, ABadGridReferenceNamesFileRecordAndFieldAndWritesNothing) {
    store::test::ScratchDir dir;
    const auto path = street(dir);
    const auto csv = dir / "bad.csv";
    std::ofstream(csv) << "reference,received_date,grid_ref\n"
                          "C/10,2026-09-01,TQ 33010 79020\n"
                          "C/11,2026-09-10,XX 123\n";
    auto ws = store::Workspace::open(path, "officer1");
    const std::string before = store::test::dump(path);
    try {
        workflow::import_complaints_csv(ws, csv);
        FAIL();
    } catch (const core::IoError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("bad.csv"), std::string::npos) << what;
        EXPECT_NE(what.find("feature 2"), std::string::npos) << what;
        EXPECT_NE(what.find("grid_ref"), std::string::npos) << what;
    }
    EXPECT_EQ(store::test::dump(path), before);
}
