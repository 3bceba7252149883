// The Hotspots tab driven with no window: the checkbox, the bandwidth slider and the filters
// emit SetHeat, the Gi* button RunGistar; the Dashboard tab draws the numbers it is given.

#include "ui/panels.hpp"
#include "unit/ui/imgui_harness.hpp"

#include <gtest/gtest.h>
#include <imgui_internal.h>

using namespace redline;

TEST(HotspotsPanel, CheckboxTurnsTheHeatSurfaceOn) {
    test::ImGuiHarness h(1280, 800);
    scene::Scene s;
    ui::ViewState state;
    state.scene = &s;
    h.memory.select_tab = "Hotspots";
    ui::Actions ignored;
    h.frame(state, ignored);
    const ui::Actions out = h.click(state, "hotspots.enabled");
    const auto* set = test::find_action<ui::SetHeat>(out);
    ASSERT_TRUE(set);
    EXPECT_TRUE(set->heat.enabled);
    EXPECT_DOUBLE_EQ(set->heat.radius_m, s.heat.radius_m);
}

TEST(HotspotsPanel, DraggingTheBandwidthEmitsNewRadii) {
    test::ImGuiHarness h(1280, 800);
    scene::Scene s;
    s.heat.enabled = true;
    ui::ViewState state;
    state.scene = &s;
    h.memory.select_tab = "Hotspots";
    ui::Actions out;
    h.frame(state, out);
    h.frame(state, out);
    const ui::Rect r = h.rects.at("hotspots.bandwidth");
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = {r.x + 5, r.centre_y()};
    h.frame(state, out);
    io.MouseDown[0] = true;
    h.frame(state, out);
    io.MousePos = {r.x + r.w - 5, r.centre_y()};
    h.frame(state, out);
    io.MouseDown[0] = false;
    h.frame(state, out);
    double last = 0;
    for (const auto& a : out)
        if (const auto* set = std::get_if<ui::SetHeat>(&a))
            last = set->heat.radius_m;
    EXPECT_GT(last, 500); // dragged to the right end of a 25..1000 m slider
}

namespace {

ui::DashboardView dashboard() {
    ui::DashboardView d;
    d.as_of = "2026-11-01";
    d.months = {"2026-09", "2026-10"};
    d.categories = {"extension", "tree"};
    d.per_month = {{3, 1}, {0, 2}};
    d.statuses = {"closed", "open"};
    d.age_bands = {"< 1 month", "1-3 months", "3-6 months", "6-12 months", "> 12 months"};
    d.open_by_age = {2, 0, 1, 0, 4};
    d.open_cases = 7;
    d.median_days_to_visit = 12.5;
    d.visits_measured = 4;
    return d;
}

/// The Hotspots tab open on a scene, with the dashboard's category and status lists.
struct HotspotsTab {
    test::ImGuiHarness h{1280, 800};
    scene::Scene s;
    ui::DashboardView d = dashboard();
    ui::ViewState state;
    HotspotsTab() {
        state.scene = &s;
        state.dashboard = &d;
        h.memory.select_tab = "Hotspots";
        ui::Actions ignored;
        h.frame(state, ignored);
    }
    const ui::SetHeat* last_heat(const ui::Actions& out) {
        const ui::SetHeat* last = nullptr;
        for (const auto& a : out)
            if (const auto* set = std::get_if<ui::SetHeat>(&a))
                last = set;
        return last;
    }
};

} // namespace

TEST(HotspotsPanel, UntickingACategoryLeavesTheOthers) {
    HotspotsTab t;
    ui::Actions out = t.h.click(t.state, "hotspots.category.tree");
    const auto* set = t.last_heat(out);
    ASSERT_TRUE(set);
    EXPECT_EQ(set->heat.filter.categories, (std::vector<std::string>{"extension"}));
    // Ticked again (from the filtered state) it clears the filter: every category counts.
    t.s.heat = set->heat;
    out = t.h.click(t.state, "hotspots.category.tree");
    set = t.last_heat(out);
    ASSERT_TRUE(set);
    EXPECT_TRUE(set->heat.filter.categories.empty());
}

TEST(HotspotsPanel, TheLastTickedStatusCannotBeCleared) {
    HotspotsTab t;
    t.s.heat.filter.statuses = {"open"};
    const ui::Actions out = t.h.click(t.state, "hotspots.status.open");
    EXPECT_FALSE(t.last_heat(out));
}

TEST(HotspotsPanel, TypingADateSetsTheFilter) {
    HotspotsTab t;
    t.h.click(t.state, "hotspots.from");
    const ui::Actions out = t.h.type_and_enter(t.state, "2026-10-01");
    const auto* set = t.last_heat(out);
    ASSERT_TRUE(set);
    EXPECT_EQ(set->heat.filter.from, core::Date::parse("2026-10-01"));
    EXPECT_FALSE(set->heat.filter.to);
}

TEST(HotspotsPanel, ThePointCountIsShown) {
    HotspotsTab t;
    t.state.heat_points_in = 17;
    t.state.heat_points_total = 40;
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ImGui::SetNextWindowSize({400, 900});
    ImGui::Begin("panel");
    ImGui::LogToBuffer();
    ui::Actions out;
    ui::draw_hotspots_panel(t.state, t.h.memory, out, nullptr);
    const std::string text = ImGui::GetCurrentContext()->LogBuffer.c_str();
    ImGui::LogFinish();
    ImGui::End();
    ImGui::Render();
    EXPECT_NE(text.find("17 of 40 complaints in"), std::string::npos) << text;
    EXPECT_NE(text.find("Gi* hot spot, 99% confidence (p < 0.01)"), std::string::npos) << text;
}

TEST(HotspotsPanel, ComputeGistarSendsTheSettingsAndTheHeatFilter) {
    HotspotsTab t;
    t.s.heat.filter.statuses = {"open"};
    t.h.memory.gistar.hex = true;
    t.h.memory.gistar.cell_m = 40;
    t.h.memory.gistar.band_m = 120;
    const ui::Actions out = t.h.click(t.state, "hotspots.gistar.run");
    const auto* run = test::find_action<ui::RunGistar>(out);
    ASSERT_TRUE(run);
    EXPECT_TRUE(run->settings.hex);
    EXPECT_DOUBLE_EQ(run->settings.cell_m, 40);
    EXPECT_DOUBLE_EQ(run->settings.band_m, 120);
    EXPECT_EQ(run->settings.filter, t.s.heat.filter);
}

TEST(HotspotsPanel, NoGistarWhileOneIsRunning) {
    HotspotsTab t;
    t.state.gistar_running = true;
    const ui::Actions out = t.h.click(t.state, "hotspots.gistar.run");
    EXPECT_FALSE(test::find_action<ui::RunGistar>(out));
}

TEST(DashboardPanel, ShowsTheNumbersItIsGiven) {
    test::ImGuiHarness h(1280, 800);
    const ui::DashboardView d = dashboard();
    ui::ViewState state;
    state.dashboard = &d;
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ImGui::SetNextWindowSize({340, 900});
    ImGui::Begin("panel");
    ImGui::LogToBuffer();
    ui::Actions out;
    ui::draw_dashboard_panel(state, h.memory, out, &h.rects);
    const std::string text = ImGui::GetCurrentContext()->LogBuffer.c_str();
    ImGui::LogFinish();
    ImGui::End();
    ImGui::Render();
    EXPECT_STREQ(h.memory.dashboard_as_of, "2026-11-01");
    EXPECT_NE(text.find("extension (3)"), std::string::npos) << text;
    EXPECT_NE(text.find("tree (3)"), std::string::npos) << text;
    EXPECT_NE(text.find("7 open"), std::string::npos) << text;
    EXPECT_NE(text.find("median 12.5 days (4 cases visited)"), std::string::npos) << text;
    EXPECT_TRUE(h.rects.count("dashboard.chart"));
    EXPECT_TRUE(h.rects.count("dashboard.age.4"));
}

TEST(DashboardPanel, SaysWhenThereIsNoVisit) {
    test::ImGuiHarness h(1280, 800);
    ui::DashboardView d = dashboard();
    d.median_days_to_visit.reset();
    ui::ViewState state;
    state.dashboard = &d;
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ImGui::Begin("panel");
    ImGui::LogToBuffer();
    ui::Actions out;
    ui::draw_dashboard_panel(state, h.memory, out, nullptr);
    const std::string text = ImGui::GetCurrentContext()->LogBuffer.c_str();
    ImGui::LogFinish();
    ImGui::End();
    ImGui::Render();
    EXPECT_NE(text.find("no case has a site visit recorded"), std::string::npos) << text;
}

TEST(DashboardPanel, TypingADateAsksForTheDashboardAsOfIt) {
    test::ImGuiHarness h(1280, 800);
    ui::DashboardView d = dashboard();
    d.as_of.clear(); // an empty field to type into
    scene::Scene s;
    ui::ViewState state;
    state.scene = &s;
    state.dashboard = &d;
    h.memory.select_tab = "Dashboard";
    ui::Actions out;
    h.frame(state, out);
    h.click(state, "dashboard.as_of");
    out = h.type_and_enter(state, "2026-06-30");
    const auto* set = test::find_action<ui::SetDashboardDate>(out);
    ASSERT_TRUE(set);
    EXPECT_EQ(set->as_of, *core::Date::parse("2026-06-30"));
}
