#include "ui/panels.hpp"

#include <imgui.h>

#include <cmath>

namespace redline::ui {
namespace {

constexpr double k_wheel_step = 1.25; ///< zoom factor per wheel notch
constexpr double k_key_pan_px = 60;

} // namespace

void draw_map_panel(const ViewState& state, Actions& out, WidgetRects* rects) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 size = ImGui::GetContentRegionAvail();
    const int w = std::max(1, static_cast<int>(size.x));
    const int h = std::max(1, static_cast<int>(size.y));
    if (w != state.view.width_px() || h != state.view.height_px())
        out.push_back(ResizeMap{w, h});

    if (state.map_texture) {
        // The map texture is a GL framebuffer: rows bottom to top, so flip v.
        ImGui::GetWindowDrawList()->AddImage(
            reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(state.map_texture)), origin,
            {origin.x + size.x, origin.y + size.y}, {0, 1}, {1, 0});
    }
    ImGui::InvisibleButton("map", {std::max(1.0f, size.x), std::max(1.0f, size.y)},
                           ImGuiButtonFlags_MouseButtonLeft);
    if (rects)
        record_item(*rects, "map");
    if (!state.scene) {
        const char* text = state.progress ? "Opening the workspace..." : "Workspace > Open...";
        ImGui::GetWindowDrawList()->AddText({origin.x + 20, origin.y + 20},
                                            IM_COL32(90, 90, 90, 255), text);
        return;
    }
    if (state.casework && state.casework->picking_complaint)
        ImGui::GetWindowDrawList()->AddText({origin.x + 12, origin.y + 12},
                                            IM_COL32(200, 0, 0, 255),
                                            "Click where the complaint is (Esc cancels)");
    const ImGuiIO& io = ImGui::GetIO();
    const scene::ScreenPoint mouse{io.MousePos.x - origin.x, io.MousePos.y - origin.y};
    if (ImGui::IsItemHovered()) {
        out.push_back(HoverAt{mouse});
        if (io.MouseWheel != 0)
            out.push_back(ZoomAbout{mouse, std::pow(k_wheel_step, io.MouseWheel)});
    }
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
        if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)
            out.push_back(PanBy{io.MouseDelta.x, io.MouseDelta.y});
    }
    // A click is a press and release without a drag: identify what is under the pointer, or,
    // after Casework > Add complaint, place the new complaint there.
    if (ImGui::IsItemDeactivated() && io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] < 4.0f) {
        if (state.casework && state.casework->picking_complaint)
            out.push_back(PlaceComplaint{state.view.to_world(mouse)});
        else
            out.push_back(IdentifyAt{mouse});
    }

    if (!io.WantTextInput) {
        const scene::ScreenPoint centre{w / 2.0, h / 2.0};
        // Shift+arrows belong to the plan window (nudging the plan), not to panning.
        auto pressed = [&](ImGuiKey key) {
            return !io.KeyShift && ImGui::IsKeyPressed(ImGui::GetKeyIndex(key));
        };
        if (pressed(ImGuiKey_LeftArrow))
            out.push_back(PanBy{k_key_pan_px, 0});
        if (pressed(ImGuiKey_RightArrow))
            out.push_back(PanBy{-k_key_pan_px, 0});
        if (pressed(ImGuiKey_UpArrow))
            out.push_back(PanBy{0, k_key_pan_px});
        if (pressed(ImGuiKey_DownArrow))
            out.push_back(PanBy{0, -k_key_pan_px});
        for (ImWchar c : io.InputQueueCharacters) {
            if (c == '+' || c == '=')
                out.push_back(ZoomAbout{centre, 2.0});
            if (c == '-')
                out.push_back(ZoomAbout{centre, 0.5});
        }
        if (pressed(ImGuiKey_Escape))
            out.push_back(ClearSelection{});
    }
}

} // namespace redline::ui
