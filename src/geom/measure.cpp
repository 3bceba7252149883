// Distances and predicates through the GEOS C API.
#include "geom/measure.hpp"

#include "core/error.hpp"
#include "geom/convex.hpp"
#include "geom/geos_handle.hpp"
#include "geom/overlay.hpp"

namespace redline::geom {

using detail::ctx;
using detail::fail;

namespace {
void require(const Shape& s, const char* what) {
    if (s.empty())
        throw core::GeometryError(std::string(what) + ": empty geometry");
}
} // namespace

double distance(const Shape& a, const Shape& b) {
    require(a, "distance");
    require(b, "distance");
    double d = 0.0;
    // The indexed variant (FacetSequenceTree) is much faster on many-vertex shapes and exact.
    if (GEOSDistanceIndexed_r(ctx(), a.get(), b.get(), &d) != 1)
        fail("GEOS distance failed");
    return d;
}

NearestPoints nearest_points(const Shape& a, const Shape& b) {
    require(a, "nearest points");
    require(b, "nearest points");
    auto* seq = GEOSNearestPoints_r(ctx(), a.get(), b.get());
    if (!seq)
        fail("GEOS nearest points failed");
    NearestPoints out;
    const bool ok = GEOSCoordSeq_getXY_r(ctx(), seq, 0, &out.on_a.x, &out.on_a.y) &&
                    GEOSCoordSeq_getXY_r(ctx(), seq, 1, &out.on_b.x, &out.on_b.y);
    GEOSCoordSeq_destroy_r(ctx(), seq);
    if (!ok)
        fail("GEOS nearest points could not be read");
    return out;
}

NearestPoints farthest_vertex(const Shape& part, const Shape& from) {
    NearestPoints best;
    if (part.empty() || from.empty())
        return best;
    double best_d = -1.0;
    for (const core::Coord& v : part.vertices()) {
        const Shape p = make_point(v);
        const double d = distance(p, from);
        if (d > best_d) {
            best_d = d;
            best.on_a = v;
        }
    }
    best.on_b = nearest_points(make_point(best.on_a), from).on_b;
    return best;
}

double max_vertex_distance(const Shape& part, const Shape& from) {
    if (part.empty())
        return 0.0;
    require(from, "max vertex distance");
    double best = 0.0;
    for (const core::Coord& v : part.vertices())
        best = std::max(best, distance(make_point(v), from));
    return best;
}

bool intersects(const Shape& a, const Shape& b) {
    if (a.empty() || b.empty())
        return false;
    const char r = GEOSIntersects_r(ctx(), a.get(), b.get());
    if (r == 2)
        fail("GEOS intersects failed");
    return r == 1;
}

double intersection_area(const Shape& a, const Shape& b) {
    if (a.empty() || b.empty() || !a.envelope().intersects(b.envelope()))
        return 0.0;
    // Footprints, plots and red lines are mostly convex: clip them directly (exact to rounding;
    // touching outlines give ~1e-12) and keep the GEOS overlay for the rest.
    if (const auto ca = detail::convex_ring(a))
        if (const auto cb = detail::convex_ring(b))
            return detail::convex_intersection_area(*ca, *cb);
    return intersection(a, b).area();
}

bool equals_exact(const Shape& a, const Shape& b, double tolerance) {
    if (a.empty() || b.empty())
        return false;
    const char r = GEOSEqualsExact_r(ctx(), a.get(), b.get(), tolerance);
    if (r == 2)
        fail("GEOS equalsExact failed");
    return r == 1;
}

bool covers_point(const Shape& a, core::Coord p) {
    if (a.empty())
        return false;
    const Shape pt = make_point(p);
    const char r = GEOSCovers_r(ctx(), a.get(), pt.get());
    if (r == 2)
        fail("GEOS covers failed");
    return r == 1;
}

} // namespace redline::geom
