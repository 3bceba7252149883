#pragma once
// A calibrated plan drawn over the map: its pixels, its transform (plan -> EPSG:27700), its
// transparency and the control points being placed, as the renderer and the print module read
// them. The scene holds no file or database handle: the app loads the pixels on a worker.
//
// Two coordinate systems. *Plan units* are the plan's own, as its calibrations are stored: raster
// pixels (y down) for a scan or PDF page, drawing units (y up) for a DXF. *Image units* address
// the picture drawn: [0, width] x [0, height], y down, texture (u, v) = (x / width, y / height).
// `image_to_plan` links them: the identity for a raster plan (its image is its pixels), the
// rasteriser's pixel -> drawing-unit affine for a DXF. The transform, the control points and every
// measurement stay in plan units; only texturing goes through image units.

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
    /// Thin lines on transparent paper (a DXF's line work): the renderer's smaller mip levels keep
    /// each block's strongest texel instead of the average, so lines do not fade when zoomed out.
    bool line_art = false;
};

/// The plan overlay of the map.
struct PlanOverlay {
    std::int64_t plan_id = 0;
    std::string name;
    /// The image's size in image units (see the file comment); the image covers [0, w] x [0, h]
    /// whatever its texture size (a raster plan's texture may be downsampled).
    double width = 0, height = 0;
    std::shared_ptr<const PlanImage> image;
    /// Image units -> plan units, row-major 3x3 affine (last row 0 0 1). Identity for rasters.
    std::array<double, 9> image_to_plan{1, 0, 0, 0, 1, 0, 0, 0, 1};
    /// plan -> EPSG:27700; nullopt while the plan has no calibration (nothing is drawn).
    std::optional<analysis::PlanTransform> transform;
    float opacity = 0.6f; ///< [0, 1]
    bool visible = true;
    /// Control points being placed (drawn on the map at their map positions, with the fitted
    /// position's residual as a line when a transform is set).
    std::vector<analysis::ControlPoint> control_points;
};

/// The transform from image units to EPSG:27700: the plan's transform composed with
/// `image_to_plan`; nullopt while the plan has no transform. The kind is the plan transform's.
std::optional<analysis::PlanTransform> image_to_map(const PlanOverlay& overlay);

/// The centre of the image in plan units (the pivot of manual rotate and scale).
core::Coord plan_centre(const PlanOverlay& overlay);

/// `p` (image units) in plan units through an image -> plan affine (row-major 3x3, last row
/// 0 0 1, as PlanOverlay::image_to_plan), and back. plan_to_image_point throws GeometryError
/// when the affine is singular.
core::Coord image_to_plan_point(const std::array<double, 9>& image_to_plan, core::Coord p);
core::Coord plan_to_image_point(const std::array<double, 9>& image_to_plan, core::Coord p);

/// The image's corners (0,0), (w,0), (w,h), (0,h) on the map (EPSG:27700), or nullopt when it has
/// no transform, a corner maps to infinity or the four do not make a convex quadrilateral (a
/// projective transform whose vanishing line crosses the plan cannot be drawn as one quad).
std::optional<std::array<core::Coord, 4>> plan_corners_on_map(const PlanOverlay& overlay);

/// The inverse of `t` (EPSG:27700 -> t's source units; the renderer passes image_to_map, so
/// image units) made relative to `origin`: row-major 3x3 M
/// with [x, y, w]^T = M [E - origin.x, N - origin.y, 1]^T. Composed in double so that the shader
/// can evaluate it in float on small local coordinates. Throws GeometryError for a singular
/// transform.
std::array<double, 9> local_map_to_plan(const analysis::PlanTransform& t, core::Coord origin);

/// Marks of the control points: each map position as a symbol and, with a transform, a line from
/// it to where the transform puts its plan point (its residual). EPSG:27700.
DrawList control_point_draw_list(const PlanOverlay& overlay);

} // namespace redline::scene
