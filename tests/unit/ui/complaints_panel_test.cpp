// The Complaints & cases tab driven with no window: rows frame and select, the filter narrows the
// list, and the complainant never appears.

#include "scene/complaint_layer.hpp"
#include "ui/panels.hpp"
#include "unit/ui/imgui_harness.hpp"

#include <gtest/gtest.h>
#include <imgui_internal.h>

using namespace redline;

namespace {

scene::Scene complaints_scene() {
    std::vector<core::Complaint> cs;
    const char* cats[] = {"extension", "change-of-use", "untidy-land"};
    for (int i = 0; i < 3; ++i) {
        core::Complaint c;
        c.reference = "CMP/26/000" + std::to_string(i + 1);
        c.received_date = "2026-0" + std::to_string(i + 1) + "-10";
        c.category = cats[i];
        c.status = i == 2 ? "closed" : "open";
        c.complainant_name = "Jane Neighbour";
        c.location = {533000.0 + 10 * i, 179000};
        cs.push_back(c);
    }
    scene::Scene s;
    s.add_layer({scene::complaint_layer(cs), core::Role::Complaint});
    return s;
}

struct Tab {
    test::ImGuiHarness h{1280, 800};
    scene::Scene s = complaints_scene();
    std::vector<core::EnforcementCase> cases;
    ui::ViewState state;
    Tab() {
        core::EnforcementCase c;
        c.reference = "ENF/26/0042";
        c.officer = "A. Officer";
        c.status = "investigating";
        cases.push_back(c);
        state.scene = &s;
        state.cases = cases;
        h.memory.select_tab = "Complaints & cases";
        ui::Actions ignored;
        h.frame(state, ignored);
        h.frame(state, ignored);
    }
};

} // namespace

TEST(ComplaintsPanel, ClickingAComplaintFramesAndSelectsIt) {
    Tab t;
    ASSERT_TRUE(t.h.rects.count("complaints.row.CMP/26/0002"));
    const ui::Actions out = t.h.click(t.state, "complaints.row.CMP/26/0002");
    const auto* sel = test::find_action<ui::SelectFeature>(out);
    ASSERT_TRUE(sel);
    EXPECT_EQ(sel->ref.layer, "complaints");
    EXPECT_EQ(sel->ref.feature, 1u);
    EXPECT_TRUE(sel->frame);
}

TEST(ComplaintsPanel, NewestComplaintIsListedFirst) {
    Tab t;
    EXPECT_LT(t.h.rects.at("complaints.row.CMP/26/0003").y,
              t.h.rects.at("complaints.row.CMP/26/0001").y);
}

TEST(ComplaintsPanel, ClickingACaseEmitsSelectCase) {
    Tab t;
    const ui::Actions out = t.h.click(t.state, "cases.row.ENF/26/0042");
    const auto* sel = test::find_action<ui::SelectCase>(out);
    ASSERT_TRUE(sel);
    EXPECT_EQ(sel->reference, "ENF/26/0042");
}

TEST(ComplaintsPanel, FilterNarrowsTheList) {
    Tab t;
    ui::Actions out = t.h.click(t.state, "casework.filter");
    t.h.type_and_enter(t.state, "untidy");
    t.h.rects.clear();
    t.h.frame(t.state, out);
    EXPECT_TRUE(t.h.rects.count("complaints.row.CMP/26/0003"));
    EXPECT_FALSE(t.h.rects.count("complaints.row.CMP/26/0001"));
    EXPECT_FALSE(t.h.rects.count("cases.row.ENF/26/0042"));
}

TEST(ComplaintsPanel, TheComplainantIsNeverDrawn) {
    Tab t;
    // ImGui's text log captures every string rendered in a window until that window ends, so
    // draw the panel alone inside one.
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ImGui::SetNextWindowSize({400, 700});
    ImGui::Begin("panel");
    ImGui::LogToBuffer();
    ui::Actions out;
    ui::draw_complaints_panel(t.state, t.h.memory, out, nullptr);
    const std::string text = ImGui::GetCurrentContext()->LogBuffer.c_str();
    ImGui::LogFinish();
    ImGui::End();
    ImGui::Render();
    EXPECT_NE(text.find("CMP/26/0001"), std::string::npos) << text;
    EXPECT_NE(text.find("untidy-land"), std::string::npos);
    EXPECT_NE(text.find("A. Officer"), std::string::npos);
    EXPECT_EQ(text.find("Jane"), std::string::npos);
}
