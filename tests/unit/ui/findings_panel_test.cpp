// The Findings tab driven with no window: rows select findings, the filter narrows them, severity
// sorts high first, and complaints show their findings or that a visit is needed.

#include "scene/complaint_layer.hpp"
#include "ui/panels.hpp"
#include "unit/ui/imgui_harness.hpp"

#include <imgui_internal.h>

#include <gtest/gtest.h>

using namespace redline;

namespace {

scene::Finding finding(std::int64_t id, const char* code, const char* severity,
                       const char* complaint) {
    scene::Finding f;
    f.id = id;
    f.code = code;
    f.severity = severity;
    if (*complaint)
        f.complaints = {complaint};
    f.value = 4.0;
    f.limit = 3.0;
    f.unit = "m";
    return f;
}

struct Tab {
    test::ImGuiHarness h{1280, 800};
    scene::Scene s;
    std::vector<scene::Finding> findings{finding(7, "pd-rear-depth", "medium", "CMP/1"),
                                         finding(9, "article-4", "high", ""),
                                         finding(11, "pd-side-width", "medium", "")};
    ui::ViewState state;
    explicit Tab(const char* tab = "Findings") {
        std::vector<core::Complaint> cs(2);
        cs[0].reference = "CMP/1";
        cs[0].received_date = "2026-10-01";
        cs[1].reference = "CMP/2";
        cs[1].received_date = "2026-10-02";
        s.add_layer({scene::complaint_layer(cs), core::Role::Complaint});
        state.scene = &s;
        state.findings = findings;
        state.check_run_label = "Check run 1";
        h.memory.select_tab = tab;
        ui::Actions ignored;
        h.frame(state, ignored);
        h.frame(state, ignored);
    }
};

} // namespace

TEST(FindingsPanel, ClickingAFindingSelectsIt) {
    Tab t;
    const ui::Actions out = t.h.click(t.state, "findings.row.7");
    const auto* sel = test::find_action<ui::SelectFinding>(out);
    ASSERT_TRUE(sel);
    EXPECT_EQ(sel->id, 7);
}

TEST(FindingsPanel, HighSeverityIsListedFirst) {
    Tab t;
    EXPECT_LT(t.h.rects.at("findings.row.9").y, t.h.rects.at("findings.row.7").y);
}

TEST(FindingsPanel, FilterByCode) {
    Tab t;
    ui::Actions out = t.h.click(t.state, "findings.filter");
    t.h.type_and_enter(t.state, "side");
    t.h.rects.clear();
    t.h.frame(t.state, out);
    EXPECT_TRUE(t.h.rects.count("findings.row.11"));
    EXPECT_FALSE(t.h.rects.count("findings.row.7"));
}

TEST(FindingsPanel, ComplaintsShowTheirFindingsOrThatAVisitIsNeeded) {
    Tab t("Complaints & cases");
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ImGui::SetNextWindowSize({700, 700});
    ImGui::Begin("panel");
    ImGui::LogToBuffer();
    ui::Actions out;
    ui::draw_complaints_panel(t.state, t.h.memory, out, nullptr);
    const std::string text = ImGui::GetCurrentContext()->LogBuffer.c_str();
    ImGui::LogFinish();
    ImGui::End();
    ImGui::Render();
    EXPECT_NE(text.find("pd-rear-depth"), std::string::npos) << text;
    EXPECT_NE(text.find("no breach detected - visit needed"), std::string::npos) << text;
}

TEST(FindingsPanel, NoCheckRunSaysSo) {
    Tab t;
    t.state.check_run_label.clear();
    t.h.rects.clear();
    ui::Actions out;
    t.h.frame(t.state, out);
    EXPECT_FALSE(t.h.rects.count("findings.row.7"));
}
