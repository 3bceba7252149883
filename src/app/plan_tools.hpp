#pragma once
// Internal to the app's plan tools (plan_actions.cpp, plan_views.cpp, plan_worker.cpp).

#include "app/app_state.hpp"

#include <optional>

namespace redline::app {

/// The calibration the overlay shows now: the fit, or the stored calibration, with any manual
/// steps ("manual", RMSE over the control points under the adjusted transform when there are
/// any). nullopt when the plan has no transform.
std::optional<analysis::Calibration> live_calibration(const PlanWork& plans);
/// Measure the tool's vertices again (after a click or a change of the plan's transform).
void remeasure(AppState& state);
/// Copy the plan overlay and the measurement into the scene the renderer draws.
void sync_plan_scene(AppState& state);
/// Forget the shown plan (keeping the list).
void close_plan(PlanWork& plans);
/// Whether the shown plan's units have y down: raster pixels do, a DXF's drawing units do not
/// (as `redline-cli plan calibrate` fits them).
bool plan_y_down(const PlanWork& plans);

} // namespace redline::app
