// The manager's dashboard numbers (issue #6) on data small enough to check by hand.

#include "analysis/dashboard_stats.hpp"

#include <gtest/gtest.h>

using namespace redline;
using analysis::CaseStage;

namespace {

core::Date day(const char* iso) {
    return *core::Date::parse(iso);
}

core::Complaint complaint(const char* received, const char* category, const char* status) {
    core::Complaint c;
    c.received_date = received;
    c.category = category;
    c.status = status;
    return c;
}

analysis::CaseFile case_file(const char* reference, const char* opened,
                             const char* status = "open") {
    analysis::CaseFile f;
    f.record.reference = reference;
    f.record.opened_date = opened;
    f.record.status = status;
    return f;
}

void add_stage(analysis::CaseFile& f, CaseStage stage, const char* date) {
    analysis::StageEntry e;
    e.stage = stage;
    e.date = day(date);
    f.stages.push_back(e);
}

} // namespace

TEST(DashboardStats, CountsComplaintsPerMonthAndCategoryWithEmptyMonths) {
    const std::vector<core::Complaint> complaints = {
        complaint("2026-01-05", "extension", "open"),
        complaint("2026-01-31", "extension", "closed"),
        complaint("2026-01-20", "change of use", "Investigating"),
        complaint("2026-03-01", "extension", "open"),
        complaint("2026-03-31", "", "open"),
        complaint("not a date", "extension", "open"),
    };
    const auto s = analysis::dashboard_stats(complaints, {}, day("2026-04-01"));
    // January to March, February kept with zeros so the bars keep their spacing.
    ASSERT_EQ(s.months, (std::vector<std::string>{"2026-01", "2026-02", "2026-03"}));
    ASSERT_EQ(s.categories, (std::vector<std::string>{"(none)", "change of use", "extension"}));
    EXPECT_EQ(s.per_month[0], (std::vector<int>{0, 1, 2}));
    EXPECT_EQ(s.per_month[1], (std::vector<int>{0, 0, 0}));
    EXPECT_EQ(s.per_month[2], (std::vector<int>{1, 0, 1}));
    EXPECT_EQ(s.complaints_dated, 5u);
    EXPECT_EQ(s.complaints_undated, 1u);
    EXPECT_EQ(s.statuses, (std::vector<std::string>{"closed", "investigating", "open"}));
}

TEST(DashboardStats, WholeMonthsFollowTheCalendar) {
    EXPECT_EQ(analysis::whole_months_between(day("2026-01-15"), day("2026-02-14")), 0);
    EXPECT_EQ(analysis::whole_months_between(day("2026-01-15"), day("2026-02-15")), 1);
    // 31 January plus one month is 28 February in 2026.
    EXPECT_EQ(analysis::whole_months_between(day("2026-01-31"), day("2026-02-28")), 1);
    EXPECT_EQ(analysis::whole_months_between(day("2025-06-01"), day("2026-06-01")), 12);
    EXPECT_EQ(analysis::whole_months_between(day("2026-06-02"), day("2026-06-01")), 0);
}

TEST(DashboardStats, OpenCasesByAgeBandAsOfADate) {
    const core::Date as_of = day("2026-06-15");
    std::vector<analysis::CaseFile> cases = {
        case_file("A", "2026-06-01"),           // 0 months: < 1 month
        case_file("B", "2026-05-15"),           // exactly 1 month: 1-3
        case_file("C", "2026-03-16"),           // 2 months 30 days: 1-3
        case_file("D", "2026-03-15"),           // 3 months: 3-6
        case_file("E", "2025-12-15"),           // 6 months: 6-12
        case_file("F", "2025-06-15"),           // 12 months: > 12
        case_file("G", "2024-01-01", "closed"), // closed by status: not counted
        case_file("H", "2026-01-01"),           // closed by its stage history: not counted
        case_file("I", "2026-07-01"),           // opened after the date: not counted
        case_file("J", ""),                     // open, no date
    };
    add_stage(cases[7], CaseStage::Closed, "2026-02-01");
    const auto s = analysis::dashboard_stats({}, cases, as_of);
    EXPECT_EQ(s.open_by_age, (std::array<int, 5>{1, 2, 1, 1, 1}));
    EXPECT_EQ(s.open_cases, 6u);
    EXPECT_EQ(s.open_undated, 1u);
}

TEST(DashboardStats, MedianDaysFromComplaintToFirstVisit) {
    const core::Date as_of = day("2026-06-30");
    std::vector<analysis::CaseFile> cases = {
        case_file("A", "2026-03-10"), case_file("B", "2026-03-01"), case_file("C", "2026-04-01"),
        case_file("D", "2026-04-01"), case_file("E", "2026-05-01")};
    // A: complaint 1 March, visits 11 and 5 March: the first visit counts, 4 days.
    cases[0].first_received = day("2026-03-01");
    add_stage(cases[0], CaseStage::SiteVisit, "2026-03-11");
    add_stage(cases[0], CaseStage::SiteVisit, "2026-03-05");
    // B: no complaint linked: from its opening, 1 to 21 March, 20 days.
    add_stage(cases[1], CaseStage::SiteVisit, "2026-03-21");
    // C: 1 April to 11 April, 10 days.
    cases[2].first_received = day("2026-04-01");
    add_stage(cases[2], CaseStage::SiteVisit, "2026-04-11");
    // D: no visit yet; E: the visit is after the as-of date. Neither counts.
    add_stage(cases[3], CaseStage::Acknowledged, "2026-04-02");
    add_stage(cases[4], CaseStage::SiteVisit, "2026-07-02");
    auto s = analysis::dashboard_stats({}, cases, as_of);
    EXPECT_EQ(s.visits_measured, 3u);
    ASSERT_TRUE(s.median_days_to_visit);
    EXPECT_DOUBLE_EQ(*s.median_days_to_visit, 10.0); // 4, 10, 20

    // An even count takes the mean of the middle two: 4, 10, 20, 30 -> 15.
    cases[3].first_received = day("2026-04-01");
    add_stage(cases[3], CaseStage::SiteVisit, "2026-05-01");
    s = analysis::dashboard_stats({}, cases, as_of);
    EXPECT_EQ(s.visits_measured, 4u);
    EXPECT_DOUBLE_EQ(*s.median_days_to_visit, 15.0);
}

TEST(DashboardStats, NothingToMeasure) {
    const auto s = analysis::dashboard_stats({}, {}, day("2026-06-30"));
    EXPECT_TRUE(s.months.empty());
    EXPECT_FALSE(s.median_days_to_visit);
    EXPECT_EQ(s.open_cases, 0u);
}
