#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace redline::core {

/// A 2-D coordinate. x is easting or longitude, y is northing or latitude, always (never
/// latitude-first), in whatever CRS the owner states; Redline's working CRS is EPSG:27700 metres.
struct Coord {
    double x = 0.0;
    double y = 0.0;
    friend bool operator==(const Coord&, const Coord&) = default;
};

/// Axis-aligned bounding box; empty until something is added.
struct Envelope {
    double min_x = std::numeric_limits<double>::infinity();
    double min_y = std::numeric_limits<double>::infinity();
    double max_x = -std::numeric_limits<double>::infinity();
    double max_y = -std::numeric_limits<double>::infinity();

    bool empty() const { return min_x > max_x; }
    void expand(const Coord& c);
    void expand(const Envelope& e);
    bool intersects(const Envelope& e) const;
    double width() const { return empty() ? 0.0 : max_x - min_x; }
    double height() const { return empty() ? 0.0 : max_y - min_y; }
    Coord centre() const { return {(min_x + max_x) / 2, (min_y + max_y) / 2}; }
};

/// A ring or line: a sequence of coordinates. Polygon rings are closed (first == last).
using Path = std::vector<Coord>;

/// A polygon: rings[0] is the exterior, the rest are holes.
struct Polygon {
    std::vector<Path> rings;
};

enum class GeometryType {
    Empty,
    Point,
    LineString,
    Polygon,
    MultiPoint,
    MultiLineString,
    MultiPolygon
};

/// "Point", "MultiPolygon", ... as in WKT.
const char* to_string(GeometryType type);

/// Broad kind of a geometry type, used to match a layer role's expected geometry.
enum class GeometryKind { None, Point, Line, Polygon };
GeometryKind kind_of(GeometryType type);

/// A simple-features geometry as plain coordinate sequences (no library handle). Exactly one of
/// `points`, `lines`, `polygons` is used, by `type`: Point/MultiPoint use `points`,
/// LineString/MultiLineString use `lines`, Polygon/MultiPolygon use `polygons`.
struct Geometry {
    GeometryType type = GeometryType::Empty;
    std::vector<Coord> points;
    std::vector<Path> lines;
    std::vector<Polygon> polygons;

    bool empty() const;
    Envelope envelope() const;
    /// Number of vertices of every part.
    std::size_t vertex_count() const;
    /// Apply f(Coord&) to every vertex (used to reproject in place).
    template <class F> void for_each_coord(F&& f) {
        for (auto& c : points)
            f(c);
        for (auto& l : lines)
            for (auto& c : l)
                f(c);
        for (auto& p : polygons)
            for (auto& r : p.rings)
                for (auto& c : r)
                    f(c);
    }
    template <class F> void for_each_coord(F&& f) const {
        const_cast<Geometry*>(this)->for_each_coord(
            [&](Coord& c) { f(static_cast<const Coord&>(c)); });
    }

    static Geometry point(Coord c);
    static Geometry polygon(Polygon p);
};

/// Planar area of a polygonal geometry in the units of its CRS squared (holes subtracted); 0 for
/// points and lines. Shoelace formula.
double planar_area(const Geometry& g);

/// Planar signed area of one ring (counter-clockwise positive).
double signed_ring_area(const Path& ring);

} // namespace redline::core
