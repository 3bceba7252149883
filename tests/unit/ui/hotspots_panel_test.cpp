// The Hotspots tab driven with no window: the checkbox and the bandwidth slider emit SetHeat.

#include "unit/ui/imgui_harness.hpp"

#include <gtest/gtest.h>

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
