#include "ui/panels.hpp"

#include <imgui.h>

#include <cstdio>

namespace redline::ui {
namespace {

const char* const k_methods[] = {"Helmert (2+ points)", "Affine (3+)", "Projective (4+)"};

void plan_list(const PlanToolView& t, Actions& out, WidgetRects* rects) {
    if (t.listing)
        ImGui::TextDisabled("Reading the workspace's plans...");
    if (t.plans.empty()) {
        if (!t.listing)
            ImGui::TextWrapped("No plans in this workspace yet: redline-cli plan add WS FILE.");
        return;
    }
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("plans", 3, flags))
        return;
    ImGui::TableSetupColumn("Plan", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("SHA-256", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Calibration", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableHeadersRow();
    for (const PlanRow& p : t.plans) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(static_cast<int>(p.id));
        if (ImGui::Selectable(p.name.c_str(), p.id == t.open_plan,
                              ImGuiSelectableFlags_SpanAllColumns))
            out.push_back(OpenPlan{p.id});
        if (rects)
            record_item(*rects, "plans.row." + std::to_string(p.id));
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(p.sha256_prefix.c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", p.calibration.c_str());
    }
    ImGui::EndTable();
}

void control_points(const PlanToolView& t, Actions& out, WidgetRects* rects) {
    ImGui::TextWrapped("Click a point on the plan window, then the same point on the map "
                       "(map clicks snap to feature corners and edges within 8 px).");
    if (t.pending_plan_point)
        ImGui::TextColored({0.1f, 0.35f, 0.8f, 1},
                           "Plan point (%.1f, %.1f): now click it on the map",
                           t.pending_plan_point->x, t.pending_plan_point->y);
    for (int m = 0; m < 3; ++m) {
        if (ImGui::RadioButton(k_methods[m], t.method == m) && t.method != m)
            out.push_back(SetPlanMethod{m});
        if (rects)
            record_item(*rects, "plans.method." + std::to_string(m));
    }
    if (!t.points.empty() &&
        ImGui::BeginTable("control_points", 6,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("#");
        ImGui::TableSetupColumn("Plan x, y"); // pixels, or a DXF's drawing units
        ImGui::TableSetupColumn("Map E, N");
        ImGui::TableSetupColumn("Resid. m");
        ImGui::TableSetupColumn("LOO m");
        ImGui::TableSetupColumn("");
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < t.points.size(); ++i) {
            const ControlPointRow& p = t.points[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%zu", i + 1);
            ImGui::TableNextColumn();
            ImGui::Text("%.1f, %.1f", p.plan.x, p.plan.y);
            ImGui::TableNextColumn();
            ImGui::Text("%.2f, %.2f", p.map.x, p.map.y);
            ImGui::TableNextColumn();
            if (p.residual_m)
                ImGui::Text("%.3f", *p.residual_m);
            else
                ImGui::TextDisabled("-");
            ImGui::TableNextColumn();
            if (p.leave_one_out_m)
                ImGui::Text("%.3f", *p.leave_one_out_m);
            else
                ImGui::TextDisabled("-");
            ImGui::TableNextColumn();
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::SmallButton("x"))
                out.push_back(RemoveControlPoint{i});
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (t.rmse_m && t.fit_error.empty())
        ImGui::Text("RMSE %.3f m over %zu points", *t.rmse_m, t.points.size());
    if (!t.fit_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{0.75f, 0.1f, 0.1f, 1});
        ImGui::TextWrapped("%s", t.fit_error.c_str());
        ImGui::PopStyleColor();
    }
    for (const std::string& w : t.warnings) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{0.8f, 0.45f, 0.0f, 1});
        ImGui::TextWrapped("Warning: %s", w.c_str());
        ImGui::PopStyleColor();
    }
    if (!t.points.empty() && ImGui::SmallButton("Clear points"))
        out.push_back(ClearControlPoints{});
}

void adjust_by_hand(const PlanToolView& t, UiMemory& memory, Actions& out, WidgetRects* rects) {
    if (!t.has_transform) {
        ImGui::TextDisabled("Adjust by hand once the plan has a transform.");
        return;
    }
    ImGui::SetNextItemWidth(80);
    ImGui::InputFloat("px per nudge (Shift+arrows)", &memory.nudge_px, 0, 0, "%.0f");
    const double n = memory.nudge_px > 0 ? memory.nudge_px : 1.0;
    auto button = [&](const char* label, const char* id, Action a) {
        if (ImGui::Button(label))
            out.push_back(a);
        if (rects)
            record_item(*rects, id);
        ImGui::SameLine();
    };
    ImGui::TextUnformatted("Move");
    ImGui::SameLine();
    button("Left", "plans.nudge.left", NudgePlan{-n, 0});
    button("Right", "plans.nudge.right", NudgePlan{n, 0});
    button("Up", "plans.nudge.up", NudgePlan{0, -n});
    button("Down", "plans.nudge.down", NudgePlan{0, n});
    ImGui::NewLine();
    ImGui::TextUnformatted("Rotate");
    ImGui::SameLine();
    button("-1 deg", "plans.rotate.-1", RotatePlan{-1.0});
    button("-0.1", "plans.rotate.-0.1", RotatePlan{-0.1});
    button("+0.1", "plans.rotate.+0.1", RotatePlan{0.1});
    button("+1 deg", "plans.rotate.+1", RotatePlan{1.0});
    ImGui::NewLine();
    ImGui::TextUnformatted("Scale ");
    ImGui::SameLine();
    button("-1%", "plans.scale.-1", ScalePlan{0.99});
    button("-0.1%", "plans.scale.-0.1", ScalePlan{0.999});
    button("+0.1%", "plans.scale.+0.1", ScalePlan{1.001});
    button("+1%", "plans.scale.+1", ScalePlan{1.01});
    ImGui::NewLine();
    for (const std::string& a : t.adjustments)
        ImGui::BulletText("%s", a.c_str());
}

} // namespace

void draw_plans_panel(const ViewState& state, UiMemory& memory, Actions& out, WidgetRects* rects) {
    if (!state.plan_tool) {
        ImGui::TextDisabled("Open a workspace to see its plans.");
        return;
    }
    const PlanToolView& t = *state.plan_tool;
    plan_list(t, out, rects);
    if (!t.open_plan) {
        // e.g. why the last plan could not be shown (a DXF, an unreadable file)
        if (!t.message.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{0.75f, 0.1f, 0.1f, 1});
            ImGui::TextWrapped("%s", t.message.c_str());
            ImGui::PopStyleColor();
        }
        return;
    }
    ImGui::Separator();
    ImGui::Text("Plan: %s", t.open_plan_name.c_str());
    if (t.loading)
        ImGui::TextDisabled("Reading the plan...");
    bool visible = t.visible;
    if (ImGui::Checkbox("Show over the map", &visible))
        out.push_back(SetPlanVisible{visible});
    float opacity = t.opacity;
    if (ImGui::SliderFloat("Opacity", &opacity, 0.0f, 1.0f, "%.2f"))
        out.push_back(SetPlanOpacity{opacity});
    if (rects)
        record_item(*rects, "plans.opacity");
    if (ImGui::SmallButton("Close plan"))
        out.push_back(ClosePlan{});

    if (ImGui::CollapsingHeader("Control points", ImGuiTreeNodeFlags_DefaultOpen))
        control_points(t, out, rects);
    if (ImGui::CollapsingHeader("Nudge, rotate, scale", ImGuiTreeNodeFlags_DefaultOpen))
        adjust_by_hand(t, memory, out, rects);

    ImGui::Separator();
    if (!t.saved_calibration.empty())
        ImGui::TextWrapped("Stored: %s", t.saved_calibration.c_str());
    else
        ImGui::TextDisabled("Not calibrated in the workspace yet.");
    ImGui::BeginDisabled(!t.has_transform || !t.unsaved || t.saving || !t.fit_error.empty());
    if (ImGui::Button(t.saving ? "Saving..." : "Save calibration"))
        out.push_back(SaveCalibration{});
    if (rects)
        record_item(*rects, "plans.save");
    ImGui::EndDisabled();
    if (!t.message.empty())
        ImGui::TextWrapped("%s", t.message.c_str());
}

} // namespace redline::ui
