#pragma once

#include "ui/main_layout.hpp"

namespace redline::ui {

// One panel per file; each draws inside the window main_layout opens for it and only appends
// actions. `rects` may be null.

/// Menu bar: Workspace, Tools, Export, Help (menu_bar.cpp).
void draw_menu_bar(const ViewState& state, UiMemory& memory, Actions& out);
/// Layers tab: visibility, opacity, draw order and the legend (layers_panel.cpp).
void draw_layers_panel(const ViewState& state, Actions& out, WidgetRects* rects);
/// Search tab: reference / UPRN / address / complaint reference (search_panel.cpp).
void draw_search_panel(const ViewState& state, UiMemory& memory, Actions& out, WidgetRects* rects);
/// Complaints & cases tab: complaints (reference, received, category, status; never the
/// complainant) and cases (reference, officer, status); a click frames and selects
/// (complaints_panel.cpp).
void draw_complaints_panel(const ViewState& state, UiMemory& memory, Actions& out,
                           WidgetRects* rects);
/// Findings tab: the latest check run's findings, filtered and sortable; a click frames the
/// finding and draws its dimension line and value (findings_panel.cpp).
void draw_findings_panel(const ViewState& state, UiMemory& memory, Actions& out,
                         WidgetRects* rects);
/// Workload tab: per officer, open cases in urgency order with what is due, by when and why;
/// a click selects the case (workload_panel.cpp).
void draw_workload_panel(const ViewState& state, Actions& out, WidgetRects* rects);
/// Hotspots tab: the GPU heat surface of the complaints, bandwidth, kernel and filters (dates,
/// category, status) live; Gi* settings and its class legend (hotspots_panel.cpp).
void draw_hotspots_panel(const ViewState& state, UiMemory& memory, Actions& out,
                         WidgetRects* rects);
/// Dashboard tab: complaints per month by category, open cases by age band, median days from
/// complaint to first visit (dashboard_panel.cpp).
void draw_dashboard_panel(const ViewState& state, UiMemory& memory, Actions& out,
                          WidgetRects* rects);
/// Plans tab: the workspace's plans, the shown plan's opacity, control points with residuals,
/// RMSE and warnings, nudge/rotate/scale, Save calibration (plans_panel.cpp; issue #5).
void draw_plans_panel(const ViewState& state, UiMemory& memory, Actions& out, WidgetRects* rects);
/// Measure tab: distance, area or offset on the map or the calibrated plan, with grid and ground
/// values and the uncertainty; Save measurement (measure_panel.cpp; issue #5).
void draw_measure_panel(const ViewState& state, UiMemory& memory, Actions& out, WidgetRects* rects);
/// The plan window: the open plan with its own pan and zoom; a click picks a control point's plan
/// position, Shift+arrows nudge the plan on the map. Floats over `map_area` (plan_window.cpp).
void draw_plan_window(const ViewState& state, UiMemory& memory, Actions& out, WidgetRects* rects,
                      const Rect& map_area);
/// The map image with pan, zoom and identify (map_panel.cpp).
void draw_map_panel(const ViewState& state, Actions& out, WidgetRects* rects);
/// Attributes of the selected feature, complainant fields hidden (inspector_panel.cpp).
void draw_inspector_panel(const ViewState& state, Actions& out, WidgetRects* rects);
/// The open casework form (record a stage, evidence pack, add or import complaints, export the
/// workload) and the duplicates offered for merging, over the map (casework_forms.cpp).
void draw_casework_forms(const ViewState& state, UiMemory& memory, Actions& out,
                         WidgetRects* rects);
/// Cursor position, editable scale, task progress, workspace file (status_bar.cpp).
void draw_status_bar(const ViewState& state, UiMemory& memory, Actions& out, WidgetRects* rects);

} // namespace redline::ui
