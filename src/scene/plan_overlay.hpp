#pragma once
// A calibrated plan drawn over the map: its pixels, its transform (plan -> EPSG:27700), its
// transparency and the control points being placed, as the renderer and the print module read
// them. The scene holds no file or database handle: the app loads the pixels on a worker.

#include "analysis/calibration.hpp"
#include "scene/map_layer.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace redline::scene {

/// A plan's pixels: RGBA8, rows top to bottom, covering the whole plan (possibly downsampled from
/// the plan's own size, so that it fits a GL texture). Immutable once shared.
struct PlanImage {
    int width_px = 0;
    int height_px = 0;
    std::vector<std::uint8_t> rgba;
};

/// The plan overlay of the map.
struct PlanOverlay {
    std::int64_t plan_id = 0;
    std::string name;
    /// The plan's size in plan units (raster pixels, y down); the image covers [0, w] x [0, h].
    double width = 0, height = 0;
    std::shared_ptr<const PlanImage> image;
    /// plan -> EPSG:27700; nullopt while the plan has no calibration (nothing is drawn).
    std::optional<analysis::PlanTransform> transform;
    float opacity = 0.6f; ///< [0, 1]
    bool visible = true;
    /// Control points being placed (drawn on the map at their map positions, with the fitted
    /// position's residual as a line when a transform is set).
    std::vector<analysis::ControlPoint> control_points;
};

/// The plan's corners (0,0), (w,0), (w,h), (0,h) on the map (EPSG:27700), or nullopt when it has
/// no transform, a corner maps to infinity or the four do not make a convex quadrilateral (a
/// projective transform whose vanishing line crosses the plan cannot be drawn as one quad).
std::optional<std::array<core::Coord, 4>> plan_corners_on_map(const PlanOverlay& overlay);

/// The inverse transform (EPSG:27700 -> plan units) made relative to `origin`: row-major 3x3 M
/// with [x, y, w]^T = M [E - origin.x, N - origin.y, 1]^T. Composed in double so that the shader
/// can evaluate it in float on small local coordinates. Throws GeometryError for a singular
/// transform.
std::array<double, 9> local_map_to_plan(const analysis::PlanTransform& t, core::Coord origin);

/// Marks of the control points: each map position as a symbol and, with a transform, a line from
/// it to where the transform puts its plan point (its residual). EPSG:27700.
DrawList control_point_draw_list(const PlanOverlay& overlay);

} // namespace redline::scene
