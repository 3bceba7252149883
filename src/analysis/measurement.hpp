#pragma once
// Measurements on the map (EPSG:27700) or on a calibrated plan: length of a polyline, area of a
// polygon and the perpendicular offset of a point from a line, each as a grid value and a ground
// value, with a propagated 1-sigma uncertainty when the vertices came from a plan.

#include "analysis/calibration.hpp"
#include "core/geometry.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace redline::analysis {

enum class MeasureKind {
    Length, ///< along a polyline, metres
    Area,   ///< of a polygon (the ring closes itself), square metres
    Offset, ///< perpendicular distance of the last point from the line through the first two
};
const char* to_string(MeasureKind kind);

/// A measured value. Grid values are planar on EPSG:27700; ground values are on the ellipsoid,
/// corrected by the grid scale factor (length / k, area / k^2).
struct Measurement {
    MeasureKind kind = MeasureKind::Length;
    std::vector<core::Coord> vertices; ///< EPSG:27700 metres, as measured
    double grid_value = 0;             ///< metres or square metres
    double ground_value = 0;           ///< metres or square metres
    double scale_factor = 1;           ///< mean grid scale factor k used for the ground value
    /// 1-sigma uncertainty of the value (metres or square metres), from each vertex's position
    /// sigma by first-order propagation; nullopt for map measurements (no calibration).
    std::optional<double> uncertainty;
    /// Offset only: foot of the perpendicular on the line, and the signed offset (positive to the
    /// left of the line direction first -> second point).
    core::Coord foot;
    double signed_grid_value = 0;
};

/// Measure EPSG:27700 vertices. Length needs >= 2 vertices, area >= 3 (not all on a line),
/// offset exactly 3 (line a, line b, point) with a != b. `vertex_sigma_m`, when > 0, is the
/// per-axis standard deviation of every vertex; the uncertainty is then
/// sigma x sqrt(sum over vertices of |d value / d vertex|^2) (independent vertices). Throws
/// UsageError for a wrong vertex count and GeometryError for a degenerate figure; CrsError when a
/// vertex lies outside the grid.
Measurement measure(MeasureKind kind, std::span<const core::Coord> vertices,
                    double vertex_sigma_m = 0);

/// Measure plan-coordinate vertices through a calibration: each vertex is transformed to
/// EPSG:27700 and given calibration's point_sigma_m, so the result has an uncertainty.
Measurement measure_on_plan(MeasureKind kind, std::span<const core::Coord> plan_vertices,
                            const Calibration& calibration);

/// The geometry a saved measurement keeps (EPSG:27700): an area's closed ring as a polygon, a
/// length's polyline, an offset's dimension line from the point to its foot on the wall line.
core::Geometry measurement_geometry(const Measurement& m);

} // namespace redline::analysis
