#pragma once

#include "core/geometry.hpp"

namespace redline::analysis {

/// An event for the hotspot tools: where (EPSG:27700 metres) and how much it counts (1 for a
/// plain count, or a weight field's value).
struct WeightedPoint {
    core::Coord at;
    double weight = 1.0;
};

} // namespace redline::analysis
