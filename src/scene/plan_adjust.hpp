#pragma once
// Adjusting a plan's transform by hand: nudge, rotate and scale the plan on the map. Each
// adjustment is a similarity applied on the map side (H' = A H), so a Helmert stays a Helmert, an
// affine an affine and a projective a projective, and the plan's own pixel grid is untouched.

#include "analysis/calibration.hpp"

#include <string>

namespace redline::scene {

/// Move the plan by (de_m, dn_m) metres on the grid (EPSG:27700).
analysis::PlanTransform translated(const analysis::PlanTransform& t, double de_m, double dn_m);

/// Turn the plan by `degrees` counter-clockwise about `centre` (EPSG:27700).
analysis::PlanTransform rotated_about(const analysis::PlanTransform& t, double degrees,
                                      core::Coord centre);

/// Scale the plan by `factor` (> 0; 1.01 is 1% larger) about `centre` (EPSG:27700). Throws
/// UsageError for a factor <= 0.
analysis::PlanTransform scaled_about(const analysis::PlanTransform& t, double factor,
                                     core::Coord centre);

/// Where the centre of a `width` x `height` plan lies on the map (the pivot of rotate and scale).
core::Coord plan_centre_on_map(const analysis::PlanTransform& t, double width, double height);

/// One step of a manual adjustment, as the officer asked for it (kept for the provenance).
struct PlanAdjustment {
    enum class Kind { Move, Rotate, Scale } kind = Kind::Move;
    double a = 0; ///< Move: east metres; Rotate: degrees ccw; Scale: factor
    double b = 0; ///< Move: north metres
};

/// Apply one step about the plan's centre (`width` x `height` plan units).
analysis::PlanTransform apply_adjustment(const analysis::PlanTransform& t,
                                         const PlanAdjustment& step, double width, double height);
/// Apply one step about `pivot` (EPSG:27700), for a plan whose centre is not at half its size in
/// plan units (a DXF: drawing units, y up, origin anywhere).
analysis::PlanTransform apply_adjustment(const analysis::PlanTransform& t,
                                         const PlanAdjustment& step, core::Coord pivot);

/// "move 0.26 m E, -0.13 m N", "rotate 1.0 deg", "scale x1.010".
std::string describe(const PlanAdjustment& step);

} // namespace redline::scene
