#include "ui/main_layout.hpp"

#include "ui/panels.hpp"

#include <imgui.h>

#include <algorithm>

namespace redline::ui {
namespace {

constexpr ImGuiWindowFlags k_fixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                     ImGuiWindowFlags_NoCollapse |
                                     ImGuiWindowFlags_NoBringToFrontOnFocus;

void place(const Rect& r) {
    ImGui::SetNextWindowPos({r.x, r.y});
    ImGui::SetNextWindowSize({r.w, r.h});
}

} // namespace

Layout compute_layout(float w, float h) {
    const float menu_h = 20, status_h = 26;
    const float side_w = std::clamp(w * 0.22f, 220.0f, 340.0f);
    const float insp_w = std::clamp(w * 0.2f, 200.0f, 320.0f);
    const float body_h = std::max(1.0f, h - menu_h - status_h);
    Layout l;
    l.menu = {0, 0, w, menu_h};
    l.sidebar = {0, menu_h, side_w, body_h};
    l.inspector = {w - insp_w, menu_h, insp_w, body_h};
    l.map = {side_w, menu_h, std::max(1.0f, w - side_w - insp_w), body_h};
    l.status = {0, h - status_h, w, status_h};
    return l;
}

void draw_main_window(const ViewState& state, UiMemory& memory, Actions& out, WidgetRects* rects) {
    const ImGuiIO& io = ImGui::GetIO();
    const Layout layout = compute_layout(io.DisplaySize.x, io.DisplaySize.y);

    if (ImGui::BeginMainMenuBar()) {
        draw_menu_bar(state, memory, out);
        ImGui::EndMainMenuBar();
    }

    place(layout.sidebar);
    if (ImGui::Begin("Sidebar", nullptr, k_fixed | ImGuiWindowFlags_NoTitleBar)) {
        // Nine tabs do not fit the sidebar's width: squeezed, their names shrank to two letters.
        // Full names that scroll, with the list button for any tab out of sight, read better.
        if (ImGui::BeginTabBar("sidebar_tabs", ImGuiTabBarFlags_FittingPolicyScroll |
                                                   ImGuiTabBarFlags_TabListPopupButton)) {
            auto tab_flags = [&](const char* label) -> ImGuiTabItemFlags {
                return memory.select_tab == label ? ImGuiTabItemFlags_SetSelected : 0;
            };
            if (ImGui::BeginTabItem("Layers", nullptr, tab_flags("Layers"))) {
                draw_layers_panel(state, out, rects);
                ImGui::EndTabItem();
            }
            const ImGuiTabItemFlags search_flags =
                memory.focus_search ? ImGuiTabItemFlags_SetSelected : tab_flags("Search");
            if (ImGui::BeginTabItem("Search", nullptr, search_flags)) {
                draw_search_panel(state, memory, out, rects);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("Findings", nullptr, tab_flags("Findings"))) {
                draw_findings_panel(state, memory, out, rects);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("Complaints & cases", nullptr,
                                    tab_flags("Complaints & cases"))) {
                draw_complaints_panel(state, memory, out, rects);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("Hotspots", nullptr, tab_flags("Hotspots"))) {
                draw_hotspots_panel(state, memory, out, rects);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("Dashboard", nullptr, tab_flags("Dashboard"))) {
                draw_dashboard_panel(state, memory, out, rects);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("Workload", nullptr, tab_flags("Workload"))) {
                draw_workload_panel(state, out, rects);
                ImGui::EndTabItem();
            }
            // issue #5
            if (ImGui::BeginTabItem("Plans", nullptr, tab_flags("Plans"))) {
                draw_plans_panel(state, memory, out, rects);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("Measure", nullptr, tab_flags("Measure"))) {
                draw_measure_panel(state, memory, out, rects);
                ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
        }
        memory.select_tab.clear();
    }
    ImGui::End();

    place(layout.map);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    if (ImGui::Begin("Map", nullptr,
                     k_fixed | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar |
                         ImGuiWindowFlags_NoScrollWithMouse))
        draw_map_panel(state, out, rects);
    ImGui::End();
    ImGui::PopStyleVar();

    draw_plan_window(state, memory, out, rects, layout.map); // floats over the map (issue #5)

    place(layout.inspector);
    if (ImGui::Begin("Inspector", nullptr, k_fixed))
        draw_inspector_panel(state, out, rects);
    ImGui::End();

    place(layout.status);
    if (ImGui::Begin("Status", nullptr,
                     k_fixed | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar))
        draw_status_bar(state, memory, out, rects);
    ImGui::End();

    draw_casework_forms(state, memory, out, rects);

    // Ctrl+F jumps to search. ImGui 1.86 maps no letter F; its GLFW backend indexes KeysDown by
    // GLFW key code, which for letters is the upper-case ASCII code.
    if (io.KeyCtrl && ImGui::IsKeyPressed('F', false))
        memory.focus_search = true;
}

} // namespace redline::ui
