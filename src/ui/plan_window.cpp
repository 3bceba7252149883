#include "ui/panels.hpp"

#include "core/error.hpp"
#include "scene/plan_overlay.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

namespace redline::ui {
namespace {

constexpr float k_wheel_step = 1.25f; ///< zoom factor per wheel notch

/// Image units <-> window pixels for the plan window's own view. The window shows the image
/// (y down); control points are in plan units, which differ for a DXF (drawing units, y up).
struct PlanView {
    ImVec2 origin; ///< screen position of the canvas's top-left
    float upp;     ///< image units per screen pixel
    float left, top;
    ImVec2 to_screen(core::Coord p) const {
        return {origin.x + (float(p.x) - left) / upp, origin.y + (float(p.y) - top) / upp};
    }
    core::Coord to_image(ImVec2 s) const {
        return {left + (s.x - origin.x) * upp, top + (s.y - origin.y) * upp};
    }
};

/// Plan units -> image units (a singular affine puts the mark at the origin rather than throw
/// out of a frame).
core::Coord plan_to_image(const PlanToolView& t, core::Coord p) {
    try {
        return scene::plan_to_image_point(t.image_to_plan, p);
    } catch (const core::GeometryError&) {
        return {0, 0};
    }
}

void draw_marks(const PlanToolView& t, const PlanView& v, ImDrawList* dl) {
    const ImU32 ink = IM_COL32(20, 20, 20, 255), fill = IM_COL32(255, 217, 0, 230);
    for (std::size_t i = 0; i < t.points.size(); ++i) {
        const ImVec2 c = v.to_screen(plan_to_image(t, t.points[i].plan));
        dl->AddCircleFilled(c, 6, fill);
        dl->AddCircle(c, 6, ink, 0, 2);
        const std::string n = std::to_string(i + 1);
        dl->AddText({c.x + 8, c.y - 16}, ink, n.c_str());
    }
    if (t.pending_plan_point) {
        const ImVec2 c = v.to_screen(plan_to_image(t, *t.pending_plan_point));
        const ImU32 blue = IM_COL32(25, 90, 205, 255);
        dl->AddLine({c.x - 9, c.y}, {c.x + 9, c.y}, blue, 2);
        dl->AddLine({c.x, c.y - 9}, {c.x, c.y + 9}, blue, 2);
        dl->AddCircle(c, 5, blue, 0, 1.5f);
    }
}

} // namespace

void draw_plan_window(const ViewState& state, UiMemory& memory, Actions& out, WidgetRects* rects,
                      const Rect& map_area) {
    if (!state.plan_tool || !state.plan_tool->open_plan)
        return;
    const PlanToolView& t = *state.plan_tool;
    const float w = std::min(440.0f, map_area.w * 0.45f), h = std::min(460.0f, map_area.h * 0.6f);
    ImGui::SetNextWindowPos({map_area.x + map_area.w - w - 10, map_area.y + 10},
                            ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize({w, h}, ImGuiCond_FirstUseEver);
    const std::string title = "Plan: " + t.open_plan_name + "###plan_window";
    if (!ImGui::Begin(title.c_str(), nullptr,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse)) {
        ImGui::End();
        return;
    }
    if (t.loading || !t.texture || t.width <= 0 || t.height <= 0) {
        ImGui::TextDisabled(t.loading ? "Reading the plan..." : "No image for this plan.");
        ImGui::End();
        return;
    }
    ImGui::TextDisabled("Click: control point; drag: pan; wheel: zoom");
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    avail.x = std::max(avail.x, 16.0f);
    avail.y = std::max(avail.y, 16.0f);
    if (memory.plan_view_for != t.open_plan || memory.plan_units_per_px <= 0) {
        // Fit the whole plan in the window, centred.
        memory.plan_view_for = t.open_plan;
        memory.plan_units_per_px = std::max(float(t.width) / avail.x, float(t.height) / avail.y);
        memory.plan_left = float(t.width) / 2 - avail.x / 2 * memory.plan_units_per_px;
        memory.plan_top = float(t.height) / 2 - avail.y / 2 * memory.plan_units_per_px;
    }
    PlanView v{origin, memory.plan_units_per_px, memory.plan_left, memory.plan_top};

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 end{origin.x + avail.x, origin.y + avail.y};
    dl->PushClipRect(origin, end, true);
    dl->AddRectFilled(origin, end, IM_COL32(200, 200, 200, 255));
    const ImVec2 img0 = v.to_screen({0, 0}), img1 = v.to_screen({t.width, t.height});
    dl->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(t.texture)), img0, img1);
    draw_marks(t, v, dl);
    dl->PopClipRect();
    if (rects)
        (*rects)["plan.image"] = {img0.x, img0.y, img1.x - img0.x, img1.y - img0.y};

    ImGui::InvisibleButton("plan_canvas", avail, ImGuiButtonFlags_MouseButtonLeft);
    if (rects)
        record_item(*rects, "plan.canvas");
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsItemHovered() && io.MouseWheel != 0) {
        // Zoom about the pointer: the plan point under it stays put.
        const core::Coord under = v.to_image(io.MousePos);
        memory.plan_units_per_px /= std::pow(k_wheel_step, io.MouseWheel);
        memory.plan_left = float(under.x) - (io.MousePos.x - origin.x) * memory.plan_units_per_px;
        memory.plan_top = float(under.y) - (io.MousePos.y - origin.y) * memory.plan_units_per_px;
    }
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
        memory.plan_left -= io.MouseDelta.x * memory.plan_units_per_px;
        memory.plan_top -= io.MouseDelta.y * memory.plan_units_per_px;
    }
    if (ImGui::IsItemDeactivated() && io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] < 4.0f) {
        const core::Coord p = v.to_image(io.MousePos);
        if (p.x >= 0 && p.y >= 0 && p.x <= t.width && p.y <= t.height)
            out.push_back(PickPlanPoint{scene::image_to_plan_point(t.image_to_plan, p)});
    }
    // Shift+arrows nudge the plan on the map (plain arrows pan the map).
    if (t.has_transform && io.KeyShift && !io.WantTextInput) {
        const double n = memory.nudge_px > 0 ? memory.nudge_px : 1.0;
        auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); };
        if (pressed(ImGuiKey_LeftArrow))
            out.push_back(NudgePlan{-n, 0});
        if (pressed(ImGuiKey_RightArrow))
            out.push_back(NudgePlan{n, 0});
        if (pressed(ImGuiKey_UpArrow))
            out.push_back(NudgePlan{0, -n});
        if (pressed(ImGuiKey_DownArrow))
            out.push_back(NudgePlan{0, n});
    }
    ImGui::End();
}

} // namespace redline::ui
