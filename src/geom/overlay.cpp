// Overlay, buffers and the opening through the GEOS C API. GEOS 3.9+ uses OverlayNG, whose
// snapping noder makes unions and differences of surveyed footprints robust; what it cannot remove
// is real but negligible geometry (zero-width spikes, slivers), which opening() is for.
#include "geom/overlay.hpp"

#include "geom/convex.hpp"
#include "geom/geos_handle.hpp"

namespace redline::geom {

using detail::ctx;
using detail::fail;
using detail::GeometryPtr;

namespace {

Shape checked(GEOSGeometry* g, const char* what) {
    if (!g)
        fail(what);
    return Shape(g);
}

Shape empty_polygon() {
    return checked(GEOSGeom_createEmptyPolygon_r(ctx()), "GEOS cannot create an empty polygon");
}

bool is_polygonal(const Shape& s) {
    return s.get() && detail::kind_of_geos(s.get()) == core::GeometryKind::Polygon;
}

void collect_polygons(const GEOSGeometry* g, std::vector<GeometryPtr>& out) {
    const int type = GEOSGeomTypeId_r(ctx(), g);
    if (type == GEOS_POLYGON) {
        if (GEOSisEmpty_r(ctx(), g) == 0) {
            GeometryPtr c(GEOSGeom_clone_r(ctx(), g));
            if (!c)
                fail("GEOS cannot copy a polygon");
            out.push_back(std::move(c));
        }
        return;
    }
    if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(ctx(), g);
        for (int i = 0; i < n; ++i)
            collect_polygons(GEOSGetGeometryN_r(ctx(), g, i), out);
    }
}

/// Keep only polygons when the operation was between polygons (OverlayNG can return a
/// GeometryCollection containing lower-dimension collapses in rare cases).
Shape keep_polygons_if(Shape s, bool polygonal_inputs) {
    if (!polygonal_inputs || !s.get() ||
        GEOSGeomTypeId_r(ctx(), s.get()) != GEOS_GEOMETRYCOLLECTION)
        return s;
    return polygonal(s);
}

} // namespace

Shape union_all(std::vector<Shape> parts) {
    if (parts.empty())
        return empty_polygon();
    if (parts.size() == 1)
        return std::move(parts.front());
    std::vector<GEOSGeometry*> raw;
    raw.reserve(parts.size());
    bool all_polygonal = true;
    for (auto& p : parts) {
        if (!p.get())
            continue;
        all_polygonal = all_polygonal && is_polygonal(p);
        raw.push_back(p.release());
    }
    GeometryPtr collection(GEOSGeom_createCollection_r(ctx(), GEOS_GEOMETRYCOLLECTION, raw.data(),
                                                       static_cast<unsigned>(raw.size())));
    if (!collection) {
        for (auto* g : raw)
            GEOSGeom_destroy_r(ctx(), g);
        fail("GEOS cannot collect shapes for a union");
    }
    return keep_polygons_if(checked(GEOSUnaryUnion_r(ctx(), collection.get()), "GEOS union failed"),
                            all_polygonal);
}

Shape union_of(const std::vector<const Shape*>& parts) {
    std::vector<Shape> copies;
    copies.reserve(parts.size());
    for (const Shape* p : parts)
        copies.push_back(p->clone());
    return union_all(std::move(copies));
}

Shape difference(const Shape& a, const Shape& b) {
    if (a.empty())
        return empty_polygon();
    if (b.empty())
        return a.clone();
    return keep_polygons_if(
        checked(GEOSDifference_r(ctx(), a.get(), b.get()), "GEOS difference failed"),
        is_polygonal(a));
}

Shape intersection(const Shape& a, const Shape& b) {
    if (a.empty() || b.empty())
        return empty_polygon();
    return keep_polygons_if(
        checked(GEOSIntersection_r(ctx(), a.get(), b.get()), "GEOS intersection failed"),
        is_polygonal(a) && is_polygonal(b));
}

Shape unite(const Shape& a, const Shape& b) {
    if (a.empty())
        return b.clone();
    if (b.empty())
        return a.clone();
    return keep_polygons_if(checked(GEOSUnion_r(ctx(), a.get(), b.get()), "GEOS union failed"),
                            is_polygonal(a) && is_polygonal(b));
}

Shape boundary(const Shape& a) {
    if (a.empty())
        return checked(GEOSGeom_createEmptyLineString_r(ctx()), "GEOS cannot create a line");
    return checked(GEOSBoundary_r(ctx(), a.get()), "GEOS boundary failed");
}

Shape buffer(const Shape& a, double distance, const BufferStyle& style) {
    if (a.empty())
        return empty_polygon();
    std::unique_ptr<GEOSBufferParams, void (*)(GEOSBufferParams*)> params(
        GEOSBufferParams_create_r(ctx()),
        [](GEOSBufferParams* p) { GEOSBufferParams_destroy_r(ctx(), p); });
    if (!params)
        fail("cannot create GEOS buffer parameters");
    const int join = style.join == Join::Round   ? GEOSBUF_JOIN_ROUND
                     : style.join == Join::Mitre ? GEOSBUF_JOIN_MITRE
                                                 : GEOSBUF_JOIN_BEVEL;
    if (!GEOSBufferParams_setJoinStyle_r(ctx(), params.get(), join) ||
        !GEOSBufferParams_setMitreLimit_r(ctx(), params.get(), style.mitre_limit) ||
        !GEOSBufferParams_setQuadrantSegments_r(ctx(), params.get(), style.quadrant_segments))
        fail("GEOS refused the buffer parameters");
    return checked(GEOSBufferWithParams_r(ctx(), a.get(), params.get(), distance),
                   "GEOS buffer failed");
}

Shape opening(const Shape& a, double width, int quadrant_segments) {
    if (width <= 0 || a.empty())
        return a.clone();
    // A rectangle at least `width` wide comes back unchanged from a mitred opening.
    if (detail::is_wide_rectangle(a, width))
        return a.clone();
    const BufferStyle style{quadrant_segments, Join::Mitre, 5.0};
    const Shape inner = buffer(a, -width / 2, style);
    if (inner.empty())
        return empty_polygon();
    return buffer(inner, width / 2, style);
}

std::vector<Shape> polygon_parts(const Shape& a) {
    std::vector<Shape> out;
    if (a.empty())
        return out;
    std::vector<GeometryPtr> parts;
    collect_polygons(a.get(), parts);
    out.reserve(parts.size());
    for (auto& p : parts)
        out.emplace_back(p.release());
    return out;
}

Shape polygonal(const Shape& a) {
    if (a.empty())
        return empty_polygon();
    const int type = GEOSGeomTypeId_r(ctx(), a.get());
    if (type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON)
        return a.clone();
    std::vector<GeometryPtr> parts;
    collect_polygons(a.get(), parts);
    if (parts.empty())
        return empty_polygon();
    if (parts.size() == 1)
        return Shape(parts.front().release());
    std::vector<GEOSGeometry*> raw;
    for (auto& p : parts)
        raw.push_back(p.get());
    auto* multi = GEOSGeom_createCollection_r(ctx(), GEOS_MULTIPOLYGON, raw.data(),
                                              static_cast<unsigned>(raw.size()));
    if (!multi)
        fail("GEOS cannot assemble polygons");
    for (auto& p : parts)
        static_cast<void>(p.release());
    return Shape(multi);
}

Shape collect(std::vector<Shape> parts) {
    std::vector<GEOSGeometry*> raw;
    for (auto& p : parts)
        for (auto& q : polygon_parts(p))
            raw.push_back(q.release());
    if (raw.empty())
        return empty_polygon();
    auto* multi = GEOSGeom_createCollection_r(ctx(), GEOS_MULTIPOLYGON, raw.data(),
                                              static_cast<unsigned>(raw.size()));
    if (!multi) {
        for (auto* g : raw)
            GEOSGeom_destroy_r(ctx(), g);
        fail("GEOS cannot assemble polygons");
    }
    return Shape(multi);
}

Shape make_line(const std::vector<core::Coord>& points) {
    core::Geometry g;
    g.type = core::GeometryType::LineString;
    g.lines.push_back(points);
    return Shape::from(g);
}

Shape make_point(core::Coord c) {
    return checked(GEOSGeom_createPointFromXY_r(ctx(), c.x, c.y), "GEOS cannot create a point");
}

} // namespace redline::geom
