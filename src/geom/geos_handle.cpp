// The thread-local GEOS context and direct coordinate-sequence conversions (faster than a WKB
// round trip, which matters when a check converts a hundred thousand footprints).
#include "geom/geos_handle.hpp"

#include "core/error.hpp"

#include <vector>

namespace redline::geom::detail {

Context::Context() : m_handle(GEOS_init_r()) {
    GEOSContext_setErrorMessageHandler_r(m_handle, &Context::on_error, this);
    GEOSContext_setNoticeMessageHandler_r(m_handle, &Context::on_notice, nullptr);
}

Context::~Context() {
    GEOS_finish_r(m_handle);
}

std::string Context::take_error() {
    std::string out = m_last_error.empty() ? "unknown GEOS error" : m_last_error;
    m_last_error.clear();
    return out;
}

void Context::on_error(const char* message, void* userdata) {
    static_cast<Context*>(userdata)->m_last_error = message ? message : "";
}

// Notices (e.g. "Self-intersection at ...") duplicate what isValidDetail returns; drop them
// rather than let GEOS print to stderr.
void Context::on_notice(const char*, void*) {}

Context& context() {
    thread_local Context t_context;
    return t_context;
}

void fail(const std::string& what) {
    throw core::GeometryError(what + ": " + context().take_error());
}

namespace {

GEOSCoordSequence* to_sequence(const core::Path& path) {
    static_assert(sizeof(core::Coord) == 2 * sizeof(double));
    // Coord is two doubles, so a path is already the interleaved XY buffer GEOS copies from.
    auto* seq = GEOSCoordSeq_copyFromBuffer_r(ctx(), reinterpret_cast<const double*>(path.data()),
                                              static_cast<unsigned>(path.size()), 0, 0);
    if (!seq)
        fail("GEOS cannot create a coordinate sequence");
    return seq;
}

GEOSGeometry* make_ring(const core::Path& ring) {
    auto* g = GEOSGeom_createLinearRing_r(ctx(), to_sequence(ring));
    if (!g)
        fail("GEOS cannot create a ring");
    return g;
}

GEOSGeometry* make_polygon(const core::Polygon& p) {
    if (p.rings.empty()) {
        auto* g = GEOSGeom_createEmptyPolygon_r(ctx());
        if (!g)
            fail("GEOS cannot create an empty polygon");
        return g;
    }
    GeometryPtr shell(make_ring(p.rings.front()));
    std::vector<GeometryPtr> holes;
    for (std::size_t i = 1; i < p.rings.size(); ++i)
        holes.emplace_back(make_ring(p.rings[i]));
    std::vector<GEOSGeometry*> raw;
    for (auto& h : holes)
        raw.push_back(h.get());
    auto* g =
        GEOSGeom_createPolygon_r(ctx(), shell.get(), raw.data(), static_cast<unsigned>(raw.size()));
    if (!g)
        fail("GEOS cannot create a polygon");
    static_cast<void>(shell.release());
    for (auto& h : holes)
        static_cast<void>(h.release());
    return g;
}

GEOSGeometry* make_point(const core::Coord& c) {
    auto* g = GEOSGeom_createPointFromXY_r(ctx(), c.x, c.y);
    if (!g)
        fail("GEOS cannot create a point");
    return g;
}

GEOSGeometry* make_line(const core::Path& path) {
    auto* g = GEOSGeom_createLineString_r(ctx(), to_sequence(path));
    if (!g)
        fail("GEOS cannot create a line");
    return g;
}

GeometryPtr make_collection(int type, std::vector<GeometryPtr>& parts) {
    std::vector<GEOSGeometry*> raw;
    raw.reserve(parts.size());
    for (auto& p : parts)
        raw.push_back(p.get());
    GeometryPtr out(
        GEOSGeom_createCollection_r(ctx(), type, raw.data(), static_cast<unsigned>(raw.size())));
    if (!out)
        fail("GEOS cannot create a collection");
    for (auto& p : parts) // the collection owns them now
        static_cast<void>(p.release());
    return out;
}

core::Path to_path(const GEOSCoordSequence* seq) {
    unsigned size = 0;
    if (!GEOSCoordSeq_getSize_r(ctx(), seq, &size))
        fail("GEOS cannot read a coordinate sequence");
    core::Path out(size);
    if (size > 0 &&
        !GEOSCoordSeq_copyToBuffer_r(ctx(), seq, reinterpret_cast<double*>(out.data()), 0, 0))
        fail("GEOS cannot copy a coordinate sequence");
    return out;
}

core::Path ring_path(const GEOSGeometry* ring) {
    const auto* seq = GEOSGeom_getCoordSeq_r(ctx(), ring);
    if (!seq)
        fail("GEOS cannot read a ring");
    return to_path(seq);
}

core::Polygon polygon_of(const GEOSGeometry* g) {
    core::Polygon p;
    if (GEOSisEmpty_r(ctx(), g) == 1)
        return p;
    p.rings.push_back(ring_path(GEOSGetExteriorRing_r(ctx(), g)));
    const int n = GEOSGetNumInteriorRings_r(ctx(), g);
    for (int i = 0; i < n; ++i)
        p.rings.push_back(ring_path(GEOSGetInteriorRingN_r(ctx(), g, i)));
    return p;
}

/// Append the simple parts of `g` (descending into collections) to `out`.
void append_parts(const GEOSGeometry* g, core::Geometry& out) {
    const int type = GEOSGeomTypeId_r(ctx(), g);
    if (GEOSisEmpty_r(ctx(), g) == 1)
        return;
    switch (type) {
    case GEOS_POINT: {
        double x = 0, y = 0;
        if (!GEOSGeomGetX_r(ctx(), g, &x) || !GEOSGeomGetY_r(ctx(), g, &y))
            fail("GEOS cannot read a point");
        out.points.push_back({x, y});
        return;
    }
    case GEOS_LINESTRING:
    case GEOS_LINEARRING:
        out.lines.push_back(to_path(GEOSGeom_getCoordSeq_r(ctx(), g)));
        return;
    case GEOS_POLYGON:
        out.polygons.push_back(polygon_of(g));
        return;
    default: {
        const int n = GEOSGetNumGeometries_r(ctx(), g);
        for (int i = 0; i < n; ++i)
            append_parts(GEOSGetGeometryN_r(ctx(), g, i), out);
    }
    }
}

} // namespace

GeometryPtr to_geos(const core::Geometry& g) {
    using T = core::GeometryType;
    switch (g.type) {
    case T::Empty: {
        GeometryPtr out(GEOSGeom_createEmptyCollection_r(ctx(), GEOS_GEOMETRYCOLLECTION));
        if (!out)
            fail("GEOS cannot create an empty geometry");
        return out;
    }
    case T::Point:
        if (g.points.empty())
            return GeometryPtr(GEOSGeom_createEmptyPoint_r(ctx()));
        return GeometryPtr(make_point(g.points.front()));
    case T::LineString:
        if (g.lines.empty())
            return GeometryPtr(GEOSGeom_createEmptyLineString_r(ctx()));
        return GeometryPtr(make_line(g.lines.front()));
    case T::Polygon:
        if (g.polygons.empty())
            return GeometryPtr(GEOSGeom_createEmptyPolygon_r(ctx()));
        return GeometryPtr(make_polygon(g.polygons.front()));
    case T::MultiPoint: {
        std::vector<GeometryPtr> parts;
        for (const auto& c : g.points)
            parts.emplace_back(make_point(c));
        return make_collection(GEOS_MULTIPOINT, parts);
    }
    case T::MultiLineString: {
        std::vector<GeometryPtr> parts;
        for (const auto& l : g.lines)
            parts.emplace_back(make_line(l));
        return make_collection(GEOS_MULTILINESTRING, parts);
    }
    case T::MultiPolygon: {
        std::vector<GeometryPtr> parts;
        for (const auto& p : g.polygons)
            parts.emplace_back(make_polygon(p));
        return make_collection(GEOS_MULTIPOLYGON, parts);
    }
    }
    fail("unknown geometry type");
}

core::Geometry from_geos(const GEOSGeometry* g) {
    core::Geometry out;
    append_parts(g, out);
    using T = core::GeometryType;
    const int type = GEOSGeomTypeId_r(ctx(), g);
    if (!out.polygons.empty()) {
        // Overlay results can be collections mixing polygons with collapsed lines or points; the
        // polygons are what an area operation meant.
        out.points.clear();
        out.lines.clear();
        out.type = (type == GEOS_POLYGON) ? T::Polygon : T::MultiPolygon;
    } else if (!out.lines.empty()) {
        out.points.clear();
        out.type = (type == GEOS_LINESTRING || type == GEOS_LINEARRING) ? T::LineString
                                                                        : T::MultiLineString;
    } else if (!out.points.empty()) {
        out.type = (type == GEOS_POINT) ? T::Point : T::MultiPoint;
    } else {
        out.type = T::Empty;
    }
    return out;
}

core::GeometryKind kind_of_geos(const GEOSGeometry* g) {
    switch (GEOSGeomTypeId_r(ctx(), g)) {
    case GEOS_POINT:
    case GEOS_MULTIPOINT:
        return core::GeometryKind::Point;
    case GEOS_LINESTRING:
    case GEOS_LINEARRING:
    case GEOS_MULTILINESTRING:
        return core::GeometryKind::Line;
    case GEOS_POLYGON:
    case GEOS_MULTIPOLYGON:
        return core::GeometryKind::Polygon;
    default:
        return core::GeometryKind::None;
    }
}

} // namespace redline::geom::detail
