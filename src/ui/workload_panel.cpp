#include "ui/panels.hpp"

#include <imgui.h>

#include <map>
#include <vector>

namespace redline::ui {

void draw_workload_panel(const ViewState& state, Actions& out, WidgetRects* rects) {
    if (!state.scene) {
        ImGui::TextDisabled(state.progress ? "Loading..." : "No workspace open.");
        return;
    }
    if (state.workload.empty()) {
        ImGui::TextDisabled("No open cases.");
        return;
    }
    // Officers in the order their most urgent case comes (the rows are in urgency order), each
    // with their cases in that order: who has to act first reads from the top.
    std::vector<std::string> officers;
    std::map<std::string, std::vector<const WorkloadRow*>> by_officer;
    for (const WorkloadRow& r : state.workload) {
        auto& list = by_officer[r.officer];
        if (list.empty())
            officers.push_back(r.officer);
        list.push_back(&r);
    }
    for (const std::string& officer : officers) {
        const auto& rows = by_officer[officer];
        int overdue = 0;
        for (const auto* r : rows)
            overdue += r->overdue;
        const std::string header = officer + " - " + std::to_string(rows.size()) + " open, " +
                                   std::to_string(overdue) + " overdue###" + officer;
        if (!ImGui::CollapsingHeader(header.c_str(), ImGuiTreeNodeFlags_DefaultOpen))
            continue;
        for (const WorkloadRow* r : rows) {
            ImGui::PushID(r->reference.c_str());
            const bool selected = state.selected_case == r->reference;
            const std::string title = r->reference + "  " + r->priority + "  " + r->stage;
            if (ImGui::Selectable(title.c_str(), selected))
                out.push_back(SelectCase{r->reference});
            if (rects)
                record_item(*rects, "workload.row." + r->reference);
            ImGui::Indent(12);
            if (!r->has_next) {
                ImGui::TextDisabled("nothing pending");
            } else if (r->overdue) {
                ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{0.8f, 0.1f, 0.1f, 1});
                ImGui::TextWrapped("%s - %ld days overdue (%s)", r->due.c_str(), -r->days_left,
                                   r->date.c_str());
                ImGui::PopStyleColor();
            } else {
                ImGui::TextWrapped("%s - %ld days left (%s)", r->due.c_str(), r->days_left,
                                   r->date.c_str());
            }
            if (r->has_next && !r->why.empty()) {
                ImGui::PushStyleColor(ImGuiCol_Text,
                                      ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
                ImGui::TextWrapped("%s", r->why.c_str());
                ImGui::PopStyleColor();
            }
            ImGui::Unindent(12);
            ImGui::PopID();
        }
    }
}

} // namespace redline::ui
