#pragma once

#include "core/geometry.hpp"

#include <string>
#include <string_view>
#include <vector>

// GEOS's geometry type, forward-declared so that geos_c.h stays inside src/geom/*.cpp.
struct GEOSGeom_t;

namespace redline::geom {

/// A geometry held by GEOS (move-only, RAII), for chains of operations that would otherwise
/// convert coordinates back and forth. Coordinates are in the CRS of whatever made it (Redline
/// works in EPSG:27700 metres). A Shape may be created on one thread and used or destroyed on
/// another, but not used by two threads at once. A default Shape is empty.
class Shape {
public:
    Shape() noexcept = default;
    /// Take ownership of a GEOS geometry (for the geom module's own .cpp files).
    explicit Shape(GEOSGeom_t* owned) noexcept : m_g(owned) {}
    ~Shape();
    Shape(Shape&& other) noexcept : m_g(other.m_g) { other.m_g = nullptr; }
    Shape& operator=(Shape&& other) noexcept;
    Shape(const Shape&) = delete;
    Shape& operator=(const Shape&) = delete;

    /// Convert plain coordinates. Throws GeometryError for what GEOS cannot represent (an
    /// unclosed ring, a ring of fewer than 4 points).
    static Shape from(const core::Geometry& g);
    /// Copy back to plain coordinates (polygons win in a mixed collection).
    core::Geometry to_geometry() const;
    Shape clone() const;

    /// True when there is no geometry or GEOS's is empty.
    bool empty() const;
    const GEOSGeom_t* get() const { return m_g; }
    GEOSGeom_t* release() noexcept;

    core::Envelope envelope() const;
    /// Planar area (CRS units squared; m2 in EPSG:27700); 0 for points and lines.
    double area() const;
    /// Centroid; (0, 0) for an empty shape.
    core::Coord centroid() const;
    /// A point guaranteed to lie on the shape (inside a polygon); (0, 0) for an empty shape.
    core::Coord point_on_surface() const;
    /// Every vertex of every part and ring (a ring's closing vertex included).
    std::vector<core::Coord> vertices() const;
    /// WKT with `decimals` digits after the point (-1: GEOS's shortest round-trip form).
    std::string wkt(int decimals = -1) const;

private:
    GEOSGeom_t* m_g = nullptr;
};

/// Parse WKT (2-D; a Z or M ordinate is dropped). Throws GeometryError with GEOS's message.
Shape read_wkt(std::string_view wkt);
/// Parse WKT straight to plain coordinates (handy for tests and fixtures).
core::Geometry geometry_from_wkt(std::string_view wkt);

} // namespace redline::geom
