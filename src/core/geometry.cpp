#include "core/geometry.hpp"

#include <algorithm>
#include <cmath>

namespace redline::core {

void Envelope::expand(const Coord& c) {
    min_x = std::min(min_x, c.x);
    min_y = std::min(min_y, c.y);
    max_x = std::max(max_x, c.x);
    max_y = std::max(max_y, c.y);
}

void Envelope::expand(const Envelope& e) {
    if (e.empty())
        return;
    expand(Coord{e.min_x, e.min_y});
    expand(Coord{e.max_x, e.max_y});
}

bool Envelope::intersects(const Envelope& e) const {
    return !(empty() || e.empty() || e.min_x > max_x || e.max_x < min_x || e.min_y > max_y ||
             e.max_y < min_y);
}

const char* to_string(GeometryType type) {
    switch (type) {
    case GeometryType::Empty:
        return "Empty";
    case GeometryType::Point:
        return "Point";
    case GeometryType::LineString:
        return "LineString";
    case GeometryType::Polygon:
        return "Polygon";
    case GeometryType::MultiPoint:
        return "MultiPoint";
    case GeometryType::MultiLineString:
        return "MultiLineString";
    case GeometryType::MultiPolygon:
        return "MultiPolygon";
    }
    return "Unknown";
}

GeometryKind kind_of(GeometryType type) {
    switch (type) {
    case GeometryType::Point:
    case GeometryType::MultiPoint:
        return GeometryKind::Point;
    case GeometryType::LineString:
    case GeometryType::MultiLineString:
        return GeometryKind::Line;
    case GeometryType::Polygon:
    case GeometryType::MultiPolygon:
        return GeometryKind::Polygon;
    case GeometryType::Empty:
        break;
    }
    return GeometryKind::None;
}

bool Geometry::empty() const {
    return type == GeometryType::Empty || (points.empty() && lines.empty() && polygons.empty());
}

Envelope Geometry::envelope() const {
    Envelope e;
    for_each_coord([&e](const Coord& c) { e.expand(c); });
    return e;
}

std::size_t Geometry::vertex_count() const {
    std::size_t n = 0;
    for_each_coord([&n](const Coord&) { ++n; });
    return n;
}

Geometry Geometry::point(Coord c) {
    Geometry g;
    g.type = GeometryType::Point;
    g.points.push_back(c);
    return g;
}

Geometry Geometry::polygon(Polygon p) {
    Geometry g;
    g.type = GeometryType::Polygon;
    g.polygons.push_back(std::move(p));
    return g;
}

double signed_ring_area(const Path& ring) {
    if (ring.size() < 3)
        return 0.0;
    // Shoelace about the first vertex to keep precision with large BNG coordinates.
    const Coord o = ring.front();
    double twice = 0.0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const double x0 = ring[i].x - o.x, y0 = ring[i].y - o.y;
        const double x1 = ring[i + 1].x - o.x, y1 = ring[i + 1].y - o.y;
        twice += x0 * y1 - x1 * y0;
    }
    return twice / 2.0;
}

double planar_area(const Geometry& g) {
    double area = 0.0;
    for (const auto& p : g.polygons) {
        for (std::size_t i = 0; i < p.rings.size(); ++i) {
            const double a = std::abs(signed_ring_area(p.rings[i]));
            area += i == 0 ? a : -a;
        }
    }
    return area;
}

} // namespace redline::core
