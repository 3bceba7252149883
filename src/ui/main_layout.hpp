#pragma once

#include "ui/actions.hpp"
#include "ui/view_state.hpp"

#include <string>

namespace redline::ui {

/// Fixed panel rectangles for a display size: menu bar, left sidebar, map, right inspector,
/// status bar (docs: shared/docs/workflows.md). ImGui 1.86 has no docking.
struct Layout {
    Rect menu, sidebar, map, inspector, status;
};
Layout compute_layout(float display_w, float display_h);

/// Persistent UI-only state (text being typed, open tabs) that is not the app's business.
struct UiMemory {
    char search_text[256] = {};
    char scale_text[32] = {};
    bool scale_editing = false;
    char open_path[1024] = {};
    bool show_open = false;
    char basemap_path[1024] = {};
    bool show_add_basemap = false;
    char casework_filter[128] = {};
    char findings_filter[128] = {};
    /// Sidebar tab to select on the next frame (by label), then cleared.
    std::string select_tab;
    bool show_shortcuts = false;
    bool focus_search = false;
    char heat_from[16] = {}; ///< Hotspots tab: the filter's dates as typed
    char heat_to[16] = {};
    scene::GistarSettings gistar;  ///< Hotspots tab: Gi* settings being chosen
    char dashboard_as_of[16] = {}; ///< Dashboard tab: the date as typed
};

/// Draw the whole window for one frame (between ImGui::NewFrame and ImGui::Render) and append
/// the actions the user asked for. UI thread only; never blocks.
void draw_main_window(const ViewState& state, UiMemory& memory, Actions& out,
                      WidgetRects* rects = nullptr);

} // namespace redline::ui
