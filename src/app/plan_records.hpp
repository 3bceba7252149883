#pragma once
// The workspace records the viewer writes for plans and measurements (issue #5), with the same
// provenance JSON as `redline-cli plan calibrate` and `measure --save`, and the analysis types
// rebuilt from stored records. Pure: safe on any thread.

#include "analysis/calibration.hpp"
#include "analysis/measurement.hpp"
#include "scene/measure_overlay.hpp"
#include "scene/plan_adjust.hpp"
#include "store/plans.hpp"

#include <optional>
#include <vector>

namespace redline::app {

/// A stored calibration as the analysis type (method, transform, y orientation, RMSE).
analysis::Calibration calibration_of(const store::PlanCalibrationRecord& record);

/// The control points kept in a stored calibration's details (empty when it has none, e.g. a
/// stated-scale calibration, or when the details cannot be read).
std::vector<analysis::ControlPoint> control_points_of(const store::PlanCalibrationRecord& record);

/// The record for `calibration` of `plan`. With `adjustments`, the method is "manual" and the
/// details name the calibration adjusted (`base`) and every step, so the transform can be traced.
store::PlanCalibrationRecord
calibration_record(const store::PlanInfo& plan, const analysis::Calibration& calibration,
                   const std::vector<scene::PlanAdjustment>& adjustments,
                   const std::optional<store::PlanCalibrationRecord>& base);

/// The record of a measurement: on the map (`plan` and `calibration` absent), or on a plan whose
/// stored calibration is `calibration_id` (nullopt while the live calibration is not saved yet:
/// the matrix and RMSE in the details are then the only record of it). `plan_points` are the
/// vertices in plan units.
store::MeasurementRecord measurement_record(const analysis::Measurement& m,
                                            const std::string& case_reference,
                                            const store::PlanInfo* plan,
                                            const analysis::Calibration* calibration,
                                            std::optional<std::int64_t> calibration_id,
                                            const std::vector<core::Coord>& plan_points);

/// How a saved measurement is drawn: its vertices (offset: the wall line too, from the details),
/// and its label (ground value +/- uncertainty).
scene::MeasureOverlay measurement_overlay(const store::MeasurementRecord& record);

/// Radial residuals (metres) of control points under `t`, and their RMSE.
std::vector<double> residuals_m(const analysis::PlanTransform& t,
                                const std::vector<analysis::ControlPoint>& points);
double rmse_of(const std::vector<double>& residuals);

} // namespace redline::app
