#pragma once

#include "core/geometry.hpp"
#include "geom/shape.hpp"

#include <string>

namespace redline::geom {

/// GEOS's verdict on a geometry (OGC validity).
struct Validity {
    bool valid = true;
    std::string reason;   ///< e.g. "Self-intersection", empty when valid
    core::Coord location; ///< where GEOS found the problem (same CRS as the input)
};

/// Check OGC validity. Uses this thread's GEOS context. Throws GeometryError if GEOS fails.
Validity check_validity(const core::Geometry& g);

/// Repair with GEOS MakeValid, keeping only the parts of kind `keep` (polygons for a polygon
/// layer), and return them as a single or multi geometry of that kind; empty when nothing of that
/// kind is left. Throws GeometryError if GEOS fails.
core::Geometry make_valid(const core::Geometry& g, core::GeometryKind keep);

/// Area of a polygonal geometry computed by GEOS (units of the CRS squared).
double area(const core::Geometry& g);

/// OGC validity of a shape already held by GEOS (true for an empty one). Throws GeometryError if
/// GEOS fails.
bool is_valid(const Shape& s);

} // namespace redline::geom
