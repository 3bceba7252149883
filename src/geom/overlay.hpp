#pragma once

#include "geom/shape.hpp"

#include <vector>

namespace redline::geom {

/// Union of many shapes at once (GEOS unary/cascaded union: far faster than folding pairwise).
/// Consumes the parts. Empty input gives an empty shape. Throws GeometryError.
Shape union_all(std::vector<Shape> parts);
/// Union of shapes that stay owned elsewhere (they are cloned).
Shape union_of(const std::vector<const Shape*>& parts);
/// a minus b. Polygonal inputs give a polygonal result (collapsed pieces dropped).
Shape difference(const Shape& a, const Shape& b);
/// a intersected with b (polygonal pieces only when both are polygonal).
Shape intersection(const Shape& a, const Shape& b);
/// a union b.
Shape unite(const Shape& a, const Shape& b);
/// The boundary (rings of a polygon as lines).
Shape boundary(const Shape& a);

/// How buffer corners are drawn.
enum class Join { Round, Mitre, Bevel };

struct BufferStyle {
    int quadrant_segments = 8; ///< segments per quarter circle for round joins and caps
    Join join = Join::Mitre;
    double mitre_limit = 5.0; ///< a mitre longer than this times the distance is bevelled
};

/// Grow (distance > 0) or shrink (< 0) by `distance` in CRS units (metres in EPSG:27700).
/// Mitred by default, so that a rectangle grows into a rectangle. Throws GeometryError.
Shape buffer(const Shape& a, double distance, const BufferStyle& style = {});

/// Morphological opening: shrink by width/2 then grow by width/2 (mitred), which removes every
/// part thinner than `width` (slivers, zero-width spikes) and keeps the rest's shape (right-angled
/// corners exactly). Polygonal input only; `width` <= 0 returns a copy.
Shape opening(const Shape& a, double width, int quadrant_segments = 8);

/// The connected polygons of a polygonal shape (each one Polygon, holes kept), in GEOS's order.
/// Lines and points in a collection are dropped.
std::vector<Shape> polygon_parts(const Shape& a);

/// Only the polygonal parts of a shape (an overlay may return a collection with lines), as one
/// Polygon/MultiPolygon; empty when there is none.
Shape polygonal(const Shape& a);

/// The polygons of `parts` as one MultiPolygon without dissolving them: for parts known not to
/// overlap (their union would cost an overlay and give the same area).
Shape collect(std::vector<Shape> parts);

/// A line through `points` (two or more) / a point, as shapes.
Shape make_line(const std::vector<core::Coord>& points);
Shape make_point(core::Coord c);

} // namespace redline::geom
