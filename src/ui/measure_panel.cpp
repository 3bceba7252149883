#include "ui/panels.hpp"

#include <imgui.h>

namespace redline::ui {
namespace {

const char* const k_kinds[] = {"Distance", "Area", "Offset"};
const char* const k_help[] = {
    "Click the points of the line on the map; the length is along them.",
    "Click the corners of the area on the map; the ring closes itself.",
    "Click two points on the wall (the line), then the point whose offset you want.",
};

} // namespace

void draw_measure_panel(const ViewState& state, UiMemory& memory, Actions& out,
                        WidgetRects* rects) {
    if (!state.measure_tool) {
        ImGui::TextDisabled("Open a workspace to measure.");
        return;
    }
    const MeasureToolView& m = *state.measure_tool;
    bool active = m.active;
    if (ImGui::Checkbox("Measure on the map", &active))
        out.push_back(SetMeasureTool{active, m.kind, m.on_plan});
    if (rects)
        record_item(*rects, "measure.active");
    for (int k = 0; k < 3; ++k) {
        if (k)
            ImGui::SameLine();
        if (ImGui::RadioButton(k_kinds[k], m.kind == k) && m.kind != k)
            out.push_back(SetMeasureTool{true, k, m.on_plan});
        if (rects)
            record_item(*rects, std::string("measure.kind.") + std::to_string(k));
    }
    ImGui::BeginDisabled(!m.plan_available);
    bool on_plan = m.on_plan && m.plan_available;
    if (ImGui::Checkbox("On the calibrated plan (with uncertainty)", &on_plan))
        out.push_back(SetMeasureTool{true, m.kind, on_plan});
    ImGui::EndDisabled();
    if (!m.plan_available)
        ImGui::TextDisabled("Show a calibrated plan (Plans tab) to measure on it.");
    ImGui::TextWrapped("%s Clicks snap to feature corners and edges within 8 px.",
                       k_help[m.kind >= 0 && m.kind < 3 ? m.kind : 0]);
    ImGui::Text("%zu point%s", m.vertex_count, m.vertex_count == 1 ? "" : "s");
    ImGui::Separator();
    for (const std::string& line : m.result)
        ImGui::TextUnformatted(line.c_str());
    if (!m.error.empty())
        ImGui::TextColored({0.75f, 0.1f, 0.1f, 1}, "%s", m.error.c_str());
    if (ImGui::SmallButton("Undo point"))
        out.push_back(UndoMeasureVertex{});
    ImGui::SameLine();
    if (ImGui::SmallButton("Clear"))
        out.push_back(ClearMeasure{});
    ImGui::Separator();
    ImGui::SetNextItemWidth(140);
    ImGui::InputText("Case (optional)", memory.measure_case, sizeof memory.measure_case);
    ImGui::BeginDisabled(!m.can_save || m.saving);
    if (ImGui::Button(m.saving ? "Saving..." : "Save measurement"))
        out.push_back(SaveMeasurement{memory.measure_case});
    if (rects)
        record_item(*rects, "measure.save");
    ImGui::EndDisabled();
    if (m.kind == 1 && m.on_plan) {
        // Tracing: the approved footprint drawn on the plan becomes what the breach engine checks.
        ImGui::Separator();
        ImGui::SetNextItemWidth(140);
        ImGui::InputText("Application", memory.trace_application, sizeof memory.trace_application);
        if (rects)
            record_item(*rects, "measure.trace_application");
        ImGui::BeginDisabled(!m.can_trace || m.saving || memory.trace_application[0] == 0);
        if (ImGui::Button("Save as approved footprint"))
            out.push_back(SaveTracedFootprint{memory.trace_application});
        if (rects)
            record_item(*rects, "measure.trace");
        ImGui::EndDisabled();
        if (!m.can_trace)
            ImGui::TextDisabled("Trace on a plan whose calibration is saved.");
    }
    if (!m.message.empty())
        ImGui::TextWrapped("%s", m.message.c_str());
}

} // namespace redline::ui
