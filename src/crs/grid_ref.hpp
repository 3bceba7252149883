#pragma once

#include "core/geometry.hpp"

#include <string>

namespace redline::crs {

/// An Ordnance Survey National Grid reference resolved to EPSG:27700.
struct GridRef {
    core::Coord south_west; ///< metres, EPSG:27700
    double size_m = 1.0;    ///< side of the square the reference names (1 m for 10+10 digits)
    core::Coord centre() const { return {south_west.x + size_m / 2, south_west.y + size_m / 2}; }
};

/// Parse "TQ 31 79", "TQ3123479456", "tq 31234 79456" (2 letters, then 0-10 digits in two equal
/// halves; spaces ignored). Throws UsageError with the reason for anything else.
GridRef parse_grid_ref(const std::string& text);

/// Format an EPSG:27700 position as a grid reference with `digits` digits in all (2..10, even),
/// e.g. digits 10 -> "TQ 31234 79456". Throws UsageError outside the national grid.
std::string format_grid_ref(core::Coord en, int digits = 10);

} // namespace redline::crs
