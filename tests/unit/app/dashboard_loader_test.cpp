// The Dashboard tab's numbers read from a real workspace: complaints, cases, links and stages as
// the store keeps them (issue #6).

#include "app/dashboard_loader.hpp"
#include "store/workspace.hpp"

#include <gtest/gtest.h>

#include <filesystem>

using namespace redline;

namespace {

core::Complaint complaint(const char* ref, const char* received, const char* category) {
    core::Complaint c;
    c.reference = ref;
    c.received_date = received;
    c.category = category;
    c.location = {533000, 179000};
    return c;
}

core::EnforcementCase enforcement_case(const char* ref, const char* opened) {
    core::EnforcementCase c;
    c.reference = ref;
    c.opened_date = opened;
    c.officer = "A. Officer";
    c.alleged_breach = "rear extension";
    c.site = core::Coord{533000, 179000};
    return c;
}

void stage(store::Workspace& ws, const char* ref, const char* name, const char* date,
           const char* outcome = "") {
    store::CaseStageRecord r;
    r.stage = name;
    r.date = date;
    r.outcome = outcome;
    ws.add_case_stage(ref, r);
}

} // namespace

TEST(DashboardLoader, ReadsComplaintsCasesAndStages) {
    const auto path = std::filesystem::temp_directory_path() / "redline_dashboard_test.redline";
    std::filesystem::remove(path);
    {
        store::Workspace ws = store::Workspace::create(path, "test");
        ws.add_complaint(complaint("C1", "2026-09-01", "extension"));
        ws.add_complaint(complaint("C2", "2026-09-11", "extension"));
        ws.add_complaint(complaint("C3", "2026-10-05", "tree"));
        ws.add_case(enforcement_case("E1", "2026-09-12"));
        ws.add_case(enforcement_case("E2", "2026-10-06"));
        ws.add_case(enforcement_case("E3", "2025-06-01"));
        // E1's clock starts at its earlier complaint (1 September), not at its opening.
        ws.link_case_complaint("E1", "C2");
        ws.link_case_complaint("E1", "C1");
        ws.link_case_complaint("E2", "C3");
        stage(ws, "E1", "site-visit", "2026-09-15"); // 14 days after C1
        stage(ws, "E2", "site-visit", "2026-10-25"); // 20 days after C3
        stage(ws, "E3", "closed", "2025-07-01", "no-breach");
    }
    const ui::DashboardView d = app::load_dashboard(path, *core::Date::parse("2026-11-01"));
    std::filesystem::remove(path);
    EXPECT_EQ(d.as_of, "2026-11-01");
    EXPECT_EQ(d.months, (std::vector<std::string>{"2026-09", "2026-10"}));
    EXPECT_EQ(d.categories, (std::vector<std::string>{"extension", "tree"}));
    EXPECT_EQ(d.per_month, (std::vector<std::vector<int>>{{2, 0}, {0, 1}}));
    // E1 (1 month 20 days) and E2 (under a month) are open; E3 is closed.
    EXPECT_EQ(d.open_cases, 2u);
    EXPECT_EQ(d.open_by_age, (std::vector<int>{1, 1, 0, 0, 0}));
    ASSERT_TRUE(d.median_days_to_visit);
    EXPECT_DOUBLE_EQ(*d.median_days_to_visit, 17.0);
    EXPECT_EQ(d.visits_measured, 2u);
    EXPECT_EQ(d.age_bands.size(), 5u);
}
