#pragma once
// What a stored plan calibration says about itself, written the same way by `redline-cli plan
// calibrate` and the viewer's Plans tab (issue #5).

#include "analysis/calibration.hpp"
#include "store/plans.hpp"

#include <string>

namespace redline::workflow {

/// The calibration held in the store as the analysis type (transform, y orientation, RMSE: all
/// that mapping and uncertainty need). An unknown transform name reads as Helmert.
analysis::Calibration stored_calibration(const store::PlanCalibrationRecord& r);

/// The calibration as JSON text: the figures a user (or a court) needs to judge it - plan id,
/// method, transform and matrix, parameters (Helmert: scale, rotation, translation; otherwise the
/// matrix entries a..h; always the scale and rotation at the plan's centre), control points,
/// residuals and leave-one-out errors (m; null where there is none), RMSE, the stated ground size
/// of a plan unit, and the warnings. Callers may add their own keys before storing it.
std::string calibration_details(const analysis::Calibration& c, const store::PlanInfo& plan);

} // namespace redline::workflow
