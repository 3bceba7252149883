#pragma once
// Styles of the overlays drawn over the layers: findings of the breach check and saved
// measurements. One definition for the viewer and the printed evidence pack.

#include "scene/style.hpp"

namespace redline::scene {

/// A finding's geometry: a strong magenta outline over a light tint, distinct from every layer
/// colour (red lines are red, approved footprints blue), so that what is in breach stands out.
Style finding_style();

/// A finding's dimension line (the measured distance the rule tested).
StrokeStyle finding_dimension_style();

/// A saved measurement: a dark teal line with end points.
Style measurement_style();

} // namespace redline::scene
