#include "ui/panels.hpp"

#include "core/text.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>

namespace redline::ui {
namespace {

std::string field(const core::LayerData& d, const core::Feature& f, const char* name) {
    const auto idx = d.field_index(name);
    return idx && *idx < f.values.size() ? core::to_text(f.values[*idx]) : std::string();
}

bool contains_ci(const std::string& text, const char* needle) {
    if (!*needle)
        return true;
    auto lower = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(),
                       [](unsigned char c) { return char(std::tolower(c)); });
        return s;
    };
    return lower(text).find(lower(needle)) != std::string::npos;
}

constexpr ImGuiTableFlags k_table = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                    ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;

/// What the latest check found at a complaint's site: its findings (click one to see it), or
/// that nothing was detected, which means the officer has to go and look.
void check_cell(const ViewState& state, const std::string& complaint, Actions& out) {
    ImGui::TableNextColumn();
    int shown = 0;
    for (const scene::Finding& f : state.findings) {
        if (std::find(f.complaints.begin(), f.complaints.end(), complaint) == f.complaints.end())
            continue;
        if (shown++)
            ImGui::SameLine();
        ImGui::PushID(static_cast<int>(f.id));
        if (ImGui::SmallButton(f.code.c_str()))
            out.push_back(SelectFinding{f.id});
        ImGui::PopID();
    }
    if (!shown)
        ImGui::TextDisabled("no breach detected - visit needed");
}

void complaints_table(const ViewState& state, const UiMemory& memory, Actions& out,
                      WidgetRects* rects, float height) {
    const scene::MapLayer* layer = nullptr;
    for (const auto& l : state.scene->layers())
        if (l.role() == core::Role::Complaint)
            layer = &l;
    if (!layer) {
        ImGui::TextDisabled("No complaints in this workspace.");
        return;
    }
    const core::LayerData& d = layer->data();
    // Newest first: the officer's inbox order. Complainant fields are never listed here, even
    // when revealed in the inspector: this list is what shows on a shared screen.
    std::vector<std::size_t> order(d.features.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return field(d, d.features[a], "received_date") > field(d, d.features[b], "received_date");
    });
    ImGui::Text("Complaints (%zu)", d.features.size());
    const bool checked = !state.check_run_label.empty();
    if (!ImGui::BeginTable("complaints", checked ? 5 : 4, k_table, {0, height}))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Reference");
    ImGui::TableSetupColumn("Received");
    ImGui::TableSetupColumn("Category");
    ImGui::TableSetupColumn("Status");
    if (checked)
        ImGui::TableSetupColumn("Breach check");
    ImGui::TableHeadersRow();
    for (std::size_t i : order) {
        const core::Feature& f = d.features[i];
        const std::string ref = field(d, f, "reference");
        const std::string category = field(d, f, "category");
        const std::string status = field(d, f, "status");
        if (!contains_ci(ref + " " + category + " " + status + " " + field(d, f, "description"),
                         memory.casework_filter))
            continue;
        const scene::FeatureRef fref{layer->name(), i};
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(static_cast<int>(i));
        const bool selected = state.scene->selection() == fref;
        if (ImGui::Selectable(ref.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns))
            out.push_back(SelectFeature{fref, true});
        if (rects)
            record_item(*rects, "complaints.row." + ref);
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(field(d, f, "received_date").c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(category.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(status.c_str());
        if (checked)
            check_cell(state, ref, out);
    }
    ImGui::EndTable();
}

void cases_table(const ViewState& state, const UiMemory& memory, Actions& out, WidgetRects* rects) {
    ImGui::Text("Cases (%zu)", state.cases.size());
    if (state.cases.empty()) {
        ImGui::TextDisabled("No enforcement cases.");
        return;
    }
    if (!ImGui::BeginTable("cases", 3, k_table, {0, 0}))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Reference");
    ImGui::TableSetupColumn("Officer");
    ImGui::TableSetupColumn("Status");
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < state.cases.size(); ++i) {
        const core::EnforcementCase& c = state.cases[i];
        if (!contains_ci(c.reference + " " + c.officer + " " + c.status + " " + c.alleged_breach +
                             " " + c.application_reference,
                         memory.casework_filter))
            continue;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(c.reference.c_str(), state.selected_case == c.reference,
                              ImGuiSelectableFlags_SpanAllColumns))
            out.push_back(SelectCase{c.reference});
        if (rects)
            record_item(*rects, "cases.row." + c.reference);
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(c.officer.empty() ? "-" : c.officer.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(c.status.c_str());
    }
    ImGui::EndTable();
}

} // namespace

void draw_complaints_panel(const ViewState& state, UiMemory& memory, Actions& out,
                           WidgetRects* rects) {
    if (!state.scene) {
        ImGui::TextDisabled(state.progress ? "Loading..." : "No workspace open.");
        return;
    }
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##filter", "filter: reference, category, status, officer",
                             memory.casework_filter, sizeof memory.casework_filter);
    if (rects)
        record_item(*rects, "casework.filter");
    const float half = std::max(120.0f, ImGui::GetContentRegionAvail().y * 0.55f);
    complaints_table(state, memory, out, rects, half);
    ImGui::Separator();
    cases_table(state, memory, out, rects);
}

} // namespace redline::ui
