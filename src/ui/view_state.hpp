#pragma once

#include "core/records.hpp"
#include "scene/feature_search.hpp"
#include "scene/scene.hpp"
#include "scene/viewport.hpp"
#include "ui/casework_view.hpp"
#include "ui/dashboard_view.hpp"
#include "ui/plan_view.hpp"

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace redline::ui {

/// Progress of the background task shown in the status bar.
struct TaskProgress {
    std::string stage;
    double fraction = 0;
};

/// Screen rectangle in ImGui display pixels.
struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    float centre_x() const { return x + w / 2; }
    float centre_y() const { return y + h / 2; }
};

/// One open case in an officer's workload, ordered by urgency by the app (analysis).
struct WorkloadRow {
    std::string reference, officer, stage, priority;
    std::vector<std::string> reasons; ///< why the priority
    bool overdue = false;
    bool has_next = false; ///< false: nothing pending
    long days_left = 0;    ///< negative when overdue
    std::string date;      ///< ISO date of what is due next
    std::string due;       ///< "acknowledge the complaint"
    std::string why;       ///< the provision or target behind it
};

/// What the panels read: owned by the app and passed by const reference each frame. `scene` is
/// null while a workspace is loading. Strings are formatted by the app (the UI has no CRS code).
struct ViewState {
    const scene::Scene* scene = nullptr;
    scene::Viewport view;
    unsigned long long map_texture = 0; ///< GL texture name of the rendered map, 0 = none
    std::string workspace;
    std::string cursor_bng;     ///< "E 533012.4  N 179034.9"
    std::string cursor_gridref; ///< "TQ 33012 79034"
    std::string cursor_latlon;  ///< "51.48123 N, 0.08321 W"
    std::optional<TaskProgress> progress;
    std::string error;
    std::vector<scene::SearchHit> search_hits;
    std::string last_query;
    bool reveal_confidential = false;
    std::span<const core::EnforcementCase> cases; ///< the workspace's cases (owned by the app)
    std::string selected_case;                    ///< reference, empty when none
    std::span<const scene::Finding> findings;     ///< the latest check run's (owned by the app)
    std::string check_run_label;       ///< "Check run 3 of 2026-11-01 ...", empty when none was run
    std::int64_t selected_finding = 0; ///< finding id, 0 = none
    std::span<const WorkloadRow> workload;  ///< urgency order (owned by the app)
    const CaseworkView* casework = nullptr; ///< casework forms' state (owned by the app)
    // issue #5: the Plans and Measure tabs and the plan window (null: not shown)
    const PlanToolView* plan_tool = nullptr;
    const MeasureToolView* measure_tool = nullptr;
    std::size_t heat_points_in = 0;    ///< complaints the heat filter lets through
    std::size_t heat_points_total = 0; ///< complaints with a point
    std::string gistar_summary;        ///< the last Gi* run, or why it failed; empty: none
    bool gistar_running = false;
    const DashboardView* dashboard = nullptr; ///< null until computed (owned by the app)
};

/// Where each panel's key widgets were drawn last frame, by id ("search.input",
/// "layers.visible.<layer>", "map"); lets tests and tools drive the UI like a user.
using WidgetRects = std::map<std::string, Rect>;

/// Record the last ImGui item's rectangle under `id`.
void record_item(WidgetRects& rects, const std::string& id);

} // namespace redline::ui
