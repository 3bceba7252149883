#pragma once

#include "scene/scene.hpp"
#include "scene/viewport.hpp"

#include <optional>

namespace redline::scene {

/// The feature drawn at `at` (EPSG:27700): visible layers from the top of the draw order down;
/// a point within `tolerance_m` plus its symbol radius, a line within `tolerance_m`, or a polygon
/// containing the point (or whose outline is within `tolerance_m`). nullopt when nothing is there.
std::optional<FeatureRef> pick_feature(const Scene& scene, core::Coord at, double tolerance_m,
                                       double metres_per_px);

/// pick_feature at a screen position, with a tolerance of `tolerance_px` pixels.
std::optional<FeatureRef> pick_feature(const Scene& scene, const Viewport& view, ScreenPoint p,
                                       double tolerance_px = 4);

/// Distance from `p` to segment a-b (same units).
double segment_distance(core::Coord p, core::Coord a, core::Coord b);
/// Even-odd point-in-polygon over every ring (so holes are excluded).
bool polygon_contains(const core::Polygon& poly, core::Coord p);

} // namespace redline::scene
