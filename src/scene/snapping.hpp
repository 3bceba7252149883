#pragma once
// Snapping of map clicks to the vertices and edges of the features drawn on the map, so that a
// control point or a measured corner lands exactly on the surveyed building, not a pixel beside it.

#include "scene/scene.hpp"
#include "scene/viewport.hpp"

#include <optional>

namespace redline::scene {

/// What a click snapped to.
enum class SnapKind {
    None,   ///< nothing within reach: the click's own position
    Vertex, ///< a vertex of a feature (points count as vertices)
    Edge,   ///< the nearest point of a feature's line or ring segment
};

/// The snapped position of a click.
struct SnapResult {
    core::Coord at; ///< EPSG:27700 metres
    SnapKind kind = SnapKind::None;
    std::optional<FeatureRef> feature; ///< the feature snapped to (none for SnapKind::None)
    double distance_px = 0;            ///< from the click to `at`, screen pixels
};

/// Snap `at` (EPSG:27700) to the visible layers' features: the nearest vertex within
/// `tolerance_m`, else the nearest point on an edge within `tolerance_m`, else `at` itself.
/// Vertices win over edges because a corner is what an officer aims at. Hidden or fully
/// transparent layers are ignored. Pure; UI thread (reads the scene).
SnapResult snap(const Scene& scene, core::Coord at, double tolerance_m);

/// snap() of a screen position with a tolerance of `tolerance_px` screen pixels.
SnapResult snap(const Scene& scene, const Viewport& view, ScreenPoint p, double tolerance_px = 8);

/// The point of segment a-b nearest to `p`.
core::Coord nearest_on_segment(core::Coord p, core::Coord a, core::Coord b);

} // namespace redline::scene
