#include "ui/panels.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace redline::ui {
namespace {

std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v)
        out += (out.empty() ? "" : ", ") + s;
    return out;
}

bool contains_ci(std::string text, const char* needle) {
    if (!*needle)
        return true;
    std::string n = needle;
    for (auto* s : {&text, &n})
        std::transform(s->begin(), s->end(), s->begin(),
                       [](unsigned char c) { return char(std::tolower(c)); });
    return text.find(n) != std::string::npos;
}

/// Severity order for sorting: the most serious first.
int severity_rank(const std::string& s) {
    if (s == "high")
        return 0;
    if (s == "medium")
        return 1;
    if (s == "low")
        return 2;
    return 3; // info: a note (no breach detected, a lapsed permission), not a breach
}

std::string value_text(const scene::Finding& f) {
    if (!f.value)
        return "-";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f %s", *f.value, f.unit.c_str());
    return buf;
}

} // namespace

void draw_findings_panel(const ViewState& state, UiMemory& memory, Actions& out,
                         WidgetRects* rects) {
    if (!state.scene) {
        ImGui::TextDisabled(state.progress ? "Loading..." : "No workspace open.");
        return;
    }
    if (state.check_run_label.empty()) {
        ImGui::TextWrapped("No breach check has been run on this workspace "
                           "(redline-cli check, or Tools > Run breach check).");
        return;
    }
    ImGui::TextWrapped("%s", state.check_run_label.c_str());
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##ffilter", "filter: code, severity, application, complaint",
                             memory.findings_filter, sizeof memory.findings_filter);
    if (rects)
        record_item(*rects, "findings.filter");

    std::vector<std::size_t> rows;
    for (std::size_t i = 0; i < state.findings.size(); ++i) {
        const scene::Finding& f = state.findings[i];
        if (contains_ci(f.code + " " + f.severity + " " + join(f.applications) + " " +
                            join(f.complaints) + " " + f.uprn,
                        memory.findings_filter))
            rows.push_back(i);
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_Sortable |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("findings", 5, flags))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Severity", ImGuiTableColumnFlags_DefaultSort);
    ImGui::TableSetupColumn("Code");
    ImGui::TableSetupColumn("Application");
    ImGui::TableSetupColumn("Complaint");
    ImGui::TableSetupColumn("Value");
    ImGui::TableHeadersRow();
    // Sorted here every frame: a few hundred findings cost nothing, and no sort state to keep.
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
        const int col = specs->Specs[0].ColumnIndex;
        const bool desc = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
        auto key = [&](const scene::Finding& f) -> std::string {
            switch (col) {
            case 0:
                return std::to_string(severity_rank(f.severity)) + f.code;
            case 1:
                return f.code;
            case 2:
                return join(f.applications);
            case 3:
                return join(f.complaints);
            default:
                return value_text(f);
            }
        };
        std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
            const std::string ka = key(state.findings[a]), kb = key(state.findings[b]);
            return desc ? kb < ka : ka < kb;
        });
    }
    for (std::size_t i : rows) {
        const scene::Finding& f = state.findings[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(f.severity.c_str(), state.selected_finding == f.id,
                              ImGuiSelectableFlags_SpanAllColumns))
            out.push_back(SelectFinding{f.id});
        if (rects)
            record_item(*rects, "findings.row." + std::to_string(f.id));
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(f.code.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(join(f.applications).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(join(f.complaints).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(value_text(f).c_str());
    }
    ImGui::EndTable();
}

} // namespace redline::ui
