#include "unit/ui/imgui_harness.hpp"

#include <gtest/gtest.h>

using namespace redline;

namespace {

scene::Scene two_layers() {
    scene::Scene s;
    for (auto [name, role] : {std::pair{"buildings", core::Role::Building},
                              std::pair{"applications", core::Role::PlanningApplication}}) {
        core::LayerData d;
        d.name = name;
        d.fields = {{"reference", core::FieldType::Text}};
        core::Feature f;
        f.geometry = core::Geometry::polygon(
            {{{{533000, 179000}, {533020, 179000}, {533020, 179020}, {533000, 179000}}}});
        f.values = {std::string("24/AP/0123")};
        d.features.push_back(f);
        s.add_layer({d, role});
    }
    return s;
}

} // namespace

TEST(Panels, LayoutIsFixedAndCoversTheWindow) {
    const ui::Layout l = ui::compute_layout(1280, 800);
    EXPECT_FLOAT_EQ(l.sidebar.x + l.sidebar.w, l.map.x);
    EXPECT_FLOAT_EQ(l.map.x + l.map.w, l.inspector.x);
    EXPECT_FLOAT_EQ(l.status.y + l.status.h, 800);
}

TEST(Panels, ClickOnTheMapEmitsIdentifyAtMapPixels) {
    test::ImGuiHarness h(1280, 800);
    const scene::Scene s = two_layers();
    ui::ViewState state;
    state.scene = &s;
    ui::Actions first;
    h.frame(state, first);
    ASSERT_TRUE(test::find_action<ui::ResizeMap>(first)); // the map tells the app its size
    const ui::Rect map = h.rects.at("map");
    const ui::Actions out = h.click(state, map.x + 100, map.y + 50);
    const auto* id = test::find_action<ui::IdentifyAt>(out);
    ASSERT_TRUE(id);
    EXPECT_NEAR(id->at.x, 100, 1e-6);
    EXPECT_NEAR(id->at.y, 50, 1e-6);
    EXPECT_FALSE(test::find_action<ui::PanBy>(out));
}

TEST(Panels, DragOnTheMapPansInsteadOfIdentifying) {
    test::ImGuiHarness h(1280, 800);
    const scene::Scene s = two_layers();
    ui::ViewState state;
    state.scene = &s;
    ui::Actions out;
    h.frame(state, out);
    const ui::Rect map = h.rects.at("map");
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = {map.centre_x(), map.centre_y()};
    h.frame(state, out);
    io.MouseDown[0] = true;
    h.frame(state, out);
    for (int i = 1; i <= 4; ++i) {
        io.MousePos = {map.centre_x() + 10.0f * i, map.centre_y()};
        h.frame(state, out);
    }
    io.MouseDown[0] = false;
    h.frame(state, out);
    double dx = 0;
    for (const auto& a : out)
        if (const auto* p = std::get_if<ui::PanBy>(&a))
            dx += p->dx_px;
    EXPECT_GT(dx, 20);
    EXPECT_FALSE(test::find_action<ui::IdentifyAt>(out));
}

TEST(Panels, VisibilityCheckboxEmitsSetVisibility) {
    test::ImGuiHarness h(1280, 800);
    const scene::Scene s = two_layers();
    ui::ViewState state;
    state.scene = &s;
    ui::Actions out;
    h.frame(state, out);
    const ui::Actions click = h.click(state, "layers.visible.buildings");
    const auto* v = test::find_action<ui::SetVisibility>(click);
    ASSERT_TRUE(v);
    EXPECT_EQ(v->layer, "buildings");
    EXPECT_FALSE(v->visible);
}

TEST(Panels, TypingAReferenceAndEnterRunsTheSearch) {
    test::ImGuiHarness h(1280, 800);
    const scene::Scene s = two_layers();
    ui::ViewState state;
    state.scene = &s;
    h.memory.focus_search = true; // as Ctrl+F does
    ui::Actions out;
    h.frame(state, out);
    h.frame(state, out);
    ASSERT_TRUE(h.rects.count("search.input"));
    h.frame(state, out); // the tab opens, then the field takes the keyboard focus
    out = h.type_and_enter(state, "24/AP/0123");
    const auto* run = test::find_action<ui::RunSearch>(out);
    ASSERT_TRUE(run);
    EXPECT_EQ(run->query, "24/AP/0123");
}

TEST(Panels, InspectorHidesComplainantUntilRevealed) {
    scene::Scene s;
    core::LayerData d;
    d.name = "complaints";
    d.fields = {{"reference", core::FieldType::Text}, {"complainant_name", core::FieldType::Text}};
    core::Feature f;
    f.geometry = core::Geometry::point({533000, 179000});
    f.values = {std::string("C/1"), std::string("Jane Secret")};
    d.features.push_back(f);
    s.add_layer({d, core::Role::Complaint});
    s.select(scene::FeatureRef{"complaints", 0});
    test::ImGuiHarness h(1280, 800);
    ui::ViewState state;
    state.scene = &s;
    ui::Actions out;
    h.frame(state, out);
    ASSERT_TRUE(h.rects.count("inspector.reveal"));
    const ui::Actions click = h.click(state, "inspector.reveal");
    const auto* r = test::find_action<ui::RevealConfidential>(click);
    ASSERT_TRUE(r);
    EXPECT_TRUE(r->reveal);
}
