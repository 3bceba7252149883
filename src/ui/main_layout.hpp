#pragma once

#include "ui/actions.hpp"
#include "ui/casework_forms.hpp"
#include "ui/view_state.hpp"

#include <cstdint>
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
    CaseworkForms casework; ///< the casework forms' fields (casework_forms.cpp)
    // issue #5: the plan window's own view (image units per screen pixel, and the image point at
    // the window's top-left; image units are plan units except for a DXF), reset when another
    // plan opens; the measurement's case reference.
    std::int64_t plan_view_for = 0;
    float plan_units_per_px = 0;
    float plan_left = 0, plan_top = 0;
    char measure_case[64] = {};
    char trace_application[64] = {}; ///< Measure tab: the application a traced footprint is for
    float nudge_px = 5;
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
