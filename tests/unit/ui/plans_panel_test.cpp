// The Plans and Measure tabs and the plan window driven with no window (issue #5): rows open a
// plan, the plan window turns a click into plan coordinates, Save is only offered for a live
// calibration, and the measure tool's switches emit SetMeasureTool.

#include "unit/ui/imgui_harness.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace redline;

namespace {

ui::PlanToolView two_plans() {
    ui::PlanToolView t;
    t.plans = {{1, "site plan", "0123456789ab", "pdf", "affine, RMSE 0.031 m"},
               {2, "elevations", "ba9876543210", "png", "not calibrated"}};
    return t;
}

} // namespace

TEST(PlansPanel, ClickingARowOpensThatPlan) {
    test::ImGuiHarness h(1280, 800);
    scene::Scene s;
    const ui::PlanToolView t = two_plans();
    ui::ViewState state;
    state.scene = &s;
    state.plan_tool = &t;
    h.memory.select_tab = "Plans";
    const ui::Actions out = h.click(state, "plans.row.2");
    const auto* open = test::find_action<ui::OpenPlan>(out);
    ASSERT_TRUE(open);
    EXPECT_EQ(open->id, 2);
}

TEST(PlansPanel, PlanWindowClickGivesPlanCoordinates) {
    test::ImGuiHarness h(1280, 800);
    scene::Scene s;
    ui::PlanToolView t = two_plans();
    t.open_plan = 2;
    t.open_plan_name = "elevations";
    t.width = 1000;
    t.height = 500;
    t.texture = 1;
    ui::ViewState state;
    state.scene = &s;
    state.plan_tool = &t;
    h.memory.select_tab = "Plans";
    ui::Actions ignored;
    h.frame(state, ignored);
    h.frame(state, ignored);
    const ui::Rect r = h.rects.at("plan.image");
    // The whole plan is fitted in the window: 1000 x 500 plan units keep their aspect.
    EXPECT_NEAR(r.w / r.h, 2.0, 1e-3);
    const float x = r.x + 0.25f * r.w, y = r.y + 0.6f * r.h;
    const ui::Actions out = h.click(state, x, y);
    const auto* pick = test::find_action<ui::PickPlanPoint>(out);
    ASSERT_TRUE(pick);
    // ImGui 1.86 floors the pointer to whole pixels: the pick is the plan point of that pixel,
    // within one screen pixel (1000 / r.w plan units) of where we aimed.
    EXPECT_NEAR(pick->plan.x, (std::floor(x) - r.x) / r.w * 1000, 1e-3);
    EXPECT_NEAR(pick->plan.y, (std::floor(y) - r.y) / r.h * 500, 1e-3);
    EXPECT_NEAR(pick->plan.x, 250, 1000 / r.w);
    EXPECT_NEAR(pick->plan.y, 300, 500 / r.h);
    // Without a transform there is nothing to save, and the fit error is on show instead.
    EXPECT_FALSE(test::find_action<ui::SaveCalibration>(h.click(state, "plans.save")));
}

TEST(PlansPanel, SaveIsOfferedForAnUnsavedCalibration) {
    test::ImGuiHarness h(1280, 800);
    scene::Scene s;
    ui::PlanToolView t = two_plans();
    t.open_plan = 1;
    t.open_plan_name = "site plan";
    t.width = 100;
    t.height = 100;
    t.texture = 1;
    t.has_transform = true;
    t.unsaved = true;
    ui::ViewState state;
    state.scene = &s;
    state.plan_tool = &t;
    h.memory.select_tab = "Plans";
    EXPECT_TRUE(test::find_action<ui::SaveCalibration>(h.click(state, "plans.save")));
    const auto rotate = h.click(state, "plans.rotate.+1");
    const auto* r = test::find_action<ui::RotatePlan>(rotate);
    ASSERT_TRUE(r);
    EXPECT_DOUBLE_EQ(r->degrees, 1.0);
}

TEST(MeasurePanel, SwitchesEmitTheTool) {
    test::ImGuiHarness h(1280, 800);
    scene::Scene s;
    ui::MeasureToolView m;
    ui::ViewState state;
    state.scene = &s;
    state.measure_tool = &m;
    h.memory.select_tab = "Measure";
    const auto on = h.click(state, "measure.active");
    const auto* set = test::find_action<ui::SetMeasureTool>(on);
    ASSERT_TRUE(set);
    EXPECT_TRUE(set->active);
    m.active = true;
    const auto area = h.click(state, "measure.kind.1");
    set = test::find_action<ui::SetMeasureTool>(area);
    ASSERT_TRUE(set);
    EXPECT_EQ(set->kind, 1);
    EXPECT_FALSE(test::find_action<ui::SaveMeasurement>(h.click(state, "measure.save")));
}
