#pragma once

#include "geom/shape.hpp"

namespace redline::geom {

/// Shortest distance between two shapes (CRS units; metres in EPSG:27700); 0 when they meet.
/// Throws GeometryError for an empty shape.
double distance(const Shape& a, const Shape& b);

/// The largest distance of any vertex of `part` from `from` (CRS units): how far `part` reaches
/// beyond `from`. Exact for the farthest point of a polygon whenever that point is a vertex, which
/// holds when `from` is convex (distance to a convex set is convex along each edge of `part`, so
/// its maximum on an edge is at an end); for a non-convex `from` it is a lower bound. 0 when
/// `part` is empty.
double max_vertex_distance(const Shape& part, const Shape& from);

/// The two closest points, one on each shape.
struct NearestPoints {
    core::Coord on_a;
    core::Coord on_b;
};
/// Closest points of a and b. Throws GeometryError for an empty shape.
NearestPoints nearest_points(const Shape& a, const Shape& b);

/// The vertex of `part` farthest from `from`, with its nearest point on `from` (the line whose
/// length is max_vertex_distance). Both (0, 0) when `part` is empty.
NearestPoints farthest_vertex(const Shape& part, const Shape& from);

/// OGC intersects (touching counts). Throws GeometryError when GEOS fails.
bool intersects(const Shape& a, const Shape& b);
/// Area of a intersected with b (0 when disjoint; cheap envelope test first).
double intersection_area(const Shape& a, const Shape& b);
/// Same structure and every vertex within `tolerance` (GEOS equalsExact): an unchanged footprint
/// copied from one survey to the next.
bool equals_exact(const Shape& a, const Shape& b, double tolerance = 0.0);
/// Point-in-polygon: true when `p` lies inside or on the boundary of `a`.
bool covers_point(const Shape& a, core::Coord p);

} // namespace redline::geom
