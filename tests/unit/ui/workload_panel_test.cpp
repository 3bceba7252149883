// The Workload tab driven with no window: officers grouped in urgency order, overdue work shown,
// a click selects the case.

#include "ui/panels.hpp"
#include "unit/ui/imgui_harness.hpp"

#include <gtest/gtest.h>
#include <imgui_internal.h>

using namespace redline;

namespace {

ui::WorkloadRow row(const char* ref, const char* officer, bool overdue, long days) {
    ui::WorkloadRow r;
    r.reference = ref;
    r.officer = officer;
    r.stage = "acknowledged";
    r.priority = "P2";
    r.overdue = overdue;
    r.has_next = true;
    r.days_left = days;
    r.date = "2026-12-01";
    r.due = overdue ? "first site visit" : "check compliance";
    r.why = "P2 target: 10 working days from receipt";
    return r;
}

struct Tab {
    test::ImGuiHarness h{1280, 800};
    scene::Scene s;
    std::vector<ui::WorkloadRow> rows{row("ENF/1", "J. Bloggs", true, -43),
                                      row("ENF/2", "A. Khan", false, 4),
                                      row("ENF/3", "J. Bloggs", false, 20)};
    ui::ViewState state;
    Tab() {
        state.scene = &s;
        state.workload = rows;
        h.memory.select_tab = "Workload";
        ui::Actions ignored;
        h.frame(state, ignored);
        h.frame(state, ignored);
    }
};

} // namespace

TEST(WorkloadPanel, ClickingACaseSelectsIt) {
    Tab t;
    const ui::Actions out = t.h.click(t.state, "workload.row.ENF/2");
    const auto* sel = test::find_action<ui::SelectCase>(out);
    ASSERT_TRUE(sel);
    EXPECT_EQ(sel->reference, "ENF/2");
}

TEST(WorkloadPanel, CasesAreGroupedByOfficerInUrgencyOrder) {
    Tab t;
    // J. Bloggs has the most urgent case, so both of theirs come before A. Khan's.
    EXPECT_LT(t.h.rects.at("workload.row.ENF/1").y, t.h.rects.at("workload.row.ENF/3").y);
    EXPECT_LT(t.h.rects.at("workload.row.ENF/3").y, t.h.rects.at("workload.row.ENF/2").y);
}

TEST(WorkloadPanel, SaysWhatIsDueAndWhy) {
    Tab t;
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ImGui::SetNextWindowSize({600, 700});
    ImGui::Begin("panel");
    ImGui::LogToBuffer();
    ui::Actions out;
    ui::draw_workload_panel(t.state, out, nullptr);
    const std::string text = ImGui::GetCurrentContext()->LogBuffer.c_str();
    ImGui::LogFinish();
    ImGui::End();
    ImGui::Render();
    EXPECT_NE(text.find("J. Bloggs - 2 open, 1 overdue"), std::string::npos) << text;
    EXPECT_NE(text.find("first site visit - 43 days overdue"), std::string::npos) << text;
    EXPECT_NE(text.find("P2 target"), std::string::npos);
}
