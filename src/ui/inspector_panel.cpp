#include "ui/panels.hpp"

#include "scene/feature_search.hpp"

#include <imgui.h>

#include <cstdio>

namespace redline::ui {

namespace {

/// A two-column name / value table: names keep their width, values take the rest and wrap (a
/// fixed-fit value column collapses to one character when its text wraps).
bool begin_key_value_table(const char* id) {
    if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_RowBg))
        return false;
    ImGui::TableSetupColumn("k", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("v", ImGuiTableColumnFlags_WidthStretch);
    return true;
}

/// One row of such a table; an empty value is left out rather than shown blank.
void key_value_row(const char* key, const std::string& value) {
    if (value.empty())
        return;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(key);
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", value.c_str());
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items)
        out += (out.empty() ? "" : ", ") + s;
    return out;
}

/// The selected case: what an officer needs at a glance before opening the file, and what they
/// can do to it from here.
void case_block(const ViewState& state, const core::EnforcementCase& c, Actions& out,
                WidgetRects* rects) {
    ImGui::Text("Case %s", c.reference.c_str());
    ImGui::TextDisabled("%s, officer %s", c.status.c_str(),
                        c.officer.empty() ? "unassigned" : c.officer.c_str());
    if (!c.alleged_breach.empty())
        ImGui::TextWrapped("%s", c.alleged_breach.c_str());
    if (begin_key_value_table("case")) {
        key_value_row("opened", c.opened_date);
        key_value_row("breach start", c.breach_start_date);
        key_value_row("application", c.application_reference);
        key_value_row("uprn", c.uprn);
        key_value_row("complaints", joined(c.complaint_references));
        ImGui::EndTable();
    }
    if (state.casework) {
        ImGui::BeginDisabled(state.casework->busy);
        if (ImGui::Button("Record stage..."))
            out.push_back(OpenCaseForm{CaseForm::Stage, c.reference});
        if (rects)
            record_item(*rects, "inspector.case.stage");
        ImGui::SameLine();
        if (ImGui::Button("Evidence pack..."))
            out.push_back(OpenCaseForm{CaseForm::Evidence, c.reference});
        if (rects)
            record_item(*rects, "inspector.case.evidence");
        ImGui::EndDisabled();
    }
    ImGui::Separator();
}

/// The selected finding: what was measured, against what limit, under which provision.
void finding_block(const scene::Finding& f) {
    ImGui::TextColored({0.75f, 0.0f, 0.55f, 1}, "%s (%s)", f.code.c_str(), f.severity.c_str());
    ImGui::TextWrapped("%s", scene::finding_label(f).c_str());
    if (begin_key_value_table("finding")) {
        char buf[64] = "";
        if (f.value)
            std::snprintf(buf, sizeof buf, "%.2f %s", *f.value, f.unit.c_str());
        key_value_row("measured", buf);
        buf[0] = 0;
        if (f.limit)
            std::snprintf(buf, sizeof buf, "%.2f %s", *f.limit, f.unit.c_str());
        key_value_row("limit", buf);
        key_value_row("provision", f.provision);
        key_value_row("applications", joined(f.applications));
        key_value_row("complaints", joined(f.complaints));
        key_value_row("uprn", f.uprn);
        ImGui::EndTable();
    }
    if (!f.explanation.empty())
        ImGui::TextWrapped("%s", f.explanation.c_str());
    ImGui::Separator();
}

} // namespace

void draw_inspector_panel(const ViewState& state, Actions& out, WidgetRects* rects) {
    for (const scene::Finding& f : state.findings)
        if (state.selected_finding != 0 && f.id == state.selected_finding)
            finding_block(f);
    for (const core::EnforcementCase& c : state.cases)
        if (!state.selected_case.empty() && c.reference == state.selected_case)
            case_block(state, c, out, rects);
    if (!state.scene || !state.scene->selection()) {
        if (state.selected_finding == 0 && state.selected_case.empty())
            ImGui::TextDisabled("Click a feature on the map,\nor search for one.");
        return;
    }
    const scene::FeatureRef& ref = *state.scene->selection();
    const scene::MapLayer* layer = state.scene->find(ref.layer);
    if (!layer || ref.feature >= layer->data().features.size())
        return;
    const core::LayerData& data = layer->data();
    const core::Feature& f = data.features[ref.feature];
    ImGui::TextWrapped("%s", scene::feature_label(*layer, ref.feature).c_str());
    if (rects)
        record_item(*rects, "inspector.title");
    ImGui::TextDisabled("%s - %s",
                        layer->label.empty() ? scene::role_label(layer->role()).c_str()
                                             : layer->label.c_str(),
                        core::to_string(f.geometry.type));
    if (const double a = core::planar_area(f.geometry); a > 0)
        ImGui::TextDisabled("Area %.1f m2 (grid)", a);
    ImGui::Separator();
    bool has_confidential = false;
    if (ImGui::BeginTable("attributes", 2, ImGuiTableFlags_RowBg)) {
        // Names keep their width; values take the rest and wrap.
        ImGui::TableSetupColumn("field", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
        for (std::size_t i = 0; i < data.fields.size() && i < f.values.size(); ++i) {
            const std::string& name = data.fields[i].name;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(name.c_str());
            ImGui::TableNextColumn();
            if (scene::is_confidential_field(name) && !state.reveal_confidential) {
                has_confidential = true;
                ImGui::TextDisabled("(hidden)");
            } else {
                ImGui::TextWrapped("%s", core::to_text(f.values[i]).c_str());
            }
        }
        ImGui::EndTable();
    }
    if (has_confidential) {
        // Complainant details are confidential (data model): shown only on a deliberate click.
        if (ImGui::Button("Reveal complainant details"))
            out.push_back(RevealConfidential{true});
        if (rects)
            record_item(*rects, "inspector.reveal");
    } else if (state.reveal_confidential) {
        if (ImGui::Button("Hide complainant details"))
            out.push_back(RevealConfidential{false});
    }
    if (ImGui::Button("Zoom to feature"))
        out.push_back(SelectFeature{ref, true});
}

} // namespace redline::ui
