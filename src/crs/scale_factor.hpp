#pragma once

#include "core/geometry.hpp"

namespace redline::crs {

/// Point scale factor of the British National Grid projection (EPSG:27700) at an easting/northing
/// in metres: grid distance = ground (ellipsoidal) distance x k. About 0.9996 on the central
/// meridian, rising to ~1.0004 at the edges. Computed by PROJ (proj_factors). Throws CrsError.
double grid_scale_factor(core::Coord en);

/// Ground (ellipsoid) length of a grid segment: grid length divided by the mean scale factor
/// (Simpson's rule over the two ends and the midpoint), metres.
double ground_distance(core::Coord a, core::Coord b);

} // namespace redline::crs
