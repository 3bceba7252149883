#pragma once

#include "app/plan_state.hpp"
#include "core/records.hpp"
#include "scene/feature_search.hpp"
#include "scene/scene.hpp"
#include "scene/viewport.hpp"
#include "ui/actions.hpp"
#include "ui/view_state.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace redline::app {

/// Everything the desktop program knows, owned by the UI thread. Workers never touch it: they
/// hand over a finished Scene (workspace_loader.hpp).
struct AppState {
    std::unique_ptr<scene::Scene> scene;
    scene::Viewport view;
    std::vector<scene::SearchHit> search_hits;
    std::string last_query;
    bool reveal_confidential = false;
    std::vector<core::EnforcementCase> cases;
    std::string selected_case; ///< reference of the case in the inspector, empty when none
    std::vector<scene::Finding> findings; ///< the latest check run's
    std::string check_run_label;
    std::int64_t selected_finding = 0;
    std::vector<ui::WorkloadRow> workload;
    /// Casework forms and the write or export waiting for a worker (app/casework_jobs.hpp).
    ui::CaseworkView casework;
    std::optional<ui::Action> casework_request;
    /// The next open_request reads the same workspace again (after a write): keep the view and
    /// the selected case.
    bool reload_keeps_view = false;
    std::string workspace;
    std::string error;
    std::optional<core::Coord> cursor; ///< EPSG:27700 under the pointer
    // Requests the executor cannot fulfil itself (they need the window, GL or a worker).
    std::optional<std::string> open_request;
    std::optional<std::string> export_request;
    /// Basemaps of this session (`--basemap`, Workspace > Add basemap...): not in the workspace
    /// file, which has no raster table yet; they survive opening another workspace.
    std::vector<std::string> basemap_paths;
    std::vector<std::string> basemap_open_requests; ///< for the basemap worker
    bool quit = false;
    // issue #5: the plan overlay, calibration and measure tools (app/plan_actions.cpp)
    PlanWork plans;
    MeasureWork measure;
    // Hotspots (issue #6).
    std::size_t heat_points_in = 0, heat_points_total = 0; ///< see refresh_heat_count
    std::optional<scene::GistarSettings> gistar_request;   ///< for the Gi* worker
    std::string gistar_summary;                            ///< the last Gi* run, or its error
    std::optional<ui::DashboardView> dashboard;            ///< computed on a worker after loading
    std::optional<std::string> dashboard_export_request;   ///< PNG path for the Dashboard tab
    std::optional<core::Date> dashboard_request; ///< recompute the dashboard as of this date
};

/// Count the complaints the heat filter lets through (heat_points_in of heat_points_total); call
/// after the scene or its heat filter changes (UI thread).
void refresh_heat_count(AppState& state);

/// The smallest ground resolution a "frame this feature" zoom goes to: 1:1250 at 96 dpi, the
/// scale of a site location plan, so that a point or a shed still shows its surroundings.
double framing_metres_per_px();

/// Carry out one action from the panels on `state` (UI thread). View changes, selection, search
/// and layer settings happen here at once; opening and exporting become requests. Never throws
/// for bad input: a problem goes to `state.error`.
void execute(AppState& state, const ui::Action& action);

/// Carry out the plan and measure actions (and map clicks while those tools want them); false
/// when `action` is not theirs. Called first by execute() (app/plan_actions.cpp).
bool execute_plan_action(AppState& state, const ui::Action& action);

/// The Plans tab's and the measure tool's views of `state` (formatted for the panels).
ui::PlanToolView plan_tool_view(const AppState& state, unsigned long long plan_texture);
ui::MeasureToolView measure_tool_view(const AppState& state);

/// What the panels are shown of `state`: every field the state holds itself. Left for the caller:
/// the map and plan textures, the Plans and Measure tool views (they point at the caller's
/// storage), the cursor readouts, the progress bar and whether Gi* is running.
ui::ViewState panels_view(const AppState& state);

/// Zoom `state.view` to a feature's extent (with a margin) and select it.
void select_and_frame(AppState& state, const scene::FeatureRef& ref, bool frame);

} // namespace redline::app
