#pragma once

#include "core/geometry.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace redline::core {

/// Little-endian ISO WKB of a 2-D geometry. An Empty geometry is written as an empty
/// GeometryCollection.
std::vector<std::uint8_t> to_wkb(const Geometry& g);

/// Parse WKB (either byte order; ISO or EWKB-style Z/M flags, whose extra ordinates are dropped).
/// Throws GeometryError on truncated input or unsupported types (curves, nested collections).
/// A GeometryCollection is accepted only when empty, or when all members share one kind, in which
/// case it becomes the matching Multi* type.
Geometry from_wkb(std::span<const std::uint8_t> wkb);

} // namespace redline::core
