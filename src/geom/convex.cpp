// Convex-polygon fast paths (see convex.hpp). Sutherland & Hodgman, "Reentrant polygon clipping",
// CACM 17(1), 1974: clipping a convex subject by each edge of a convex clip polygon in turn gives
// their intersection exactly, up to rounding.
#include "geom/convex.hpp"

#include "geom/geos_handle.hpp"

#include <algorithm>
#include <cmath>

namespace redline::geom::detail {
namespace {

double cross(core::Coord o, core::Coord a, core::Coord b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

std::optional<std::vector<core::Coord>> single_ring(const Shape& s) {
    if (s.empty())
        return std::nullopt;
    const GEOSGeometry* g = s.get();
    if (GEOSGeomTypeId_r(ctx(), g) == GEOS_MULTIPOLYGON && GEOSGetNumGeometries_r(ctx(), g) == 1)
        g = GEOSGetGeometryN_r(ctx(), g, 0);
    if (GEOSGeomTypeId_r(ctx(), g) != GEOS_POLYGON || GEOSGetNumInteriorRings_r(ctx(), g) != 0)
        return std::nullopt;
    const auto* seq = GEOSGeom_getCoordSeq_r(ctx(), GEOSGetExteriorRing_r(ctx(), g));
    unsigned n = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(ctx(), seq, &n) || n < 4)
        return std::nullopt;
    std::vector<core::Coord> ring(n);
    if (!GEOSCoordSeq_copyToBuffer_r(ctx(), seq, reinterpret_cast<double*>(ring.data()), 0, 0))
        return std::nullopt;
    ring.pop_back(); // the closing vertex
    return ring;
}

} // namespace

std::optional<std::vector<core::Coord>> convex_ring(const Shape& s) {
    auto ring = single_ring(s);
    if (!ring)
        return std::nullopt;
    const std::size_t n = ring->size();
    int sign = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double c = cross((*ring)[i], (*ring)[(i + 1) % n], (*ring)[(i + 2) % n]);
        const int s_i = c > 0 ? 1 : c < 0 ? -1 : 0;
        if (s_i == 0)
            continue;
        if (sign == 0)
            sign = s_i;
        else if (s_i != sign)
            return std::nullopt;
    }
    if (sign == 0)
        return std::nullopt; // degenerate
    // Turning the same way at every vertex is not enough for a ring that winds twice; the
    // angles of a simple convex ring sum to one turn, so check the area against the hull's sign.
    double area2 = 0;
    for (std::size_t i = 0; i < n; ++i)
        area2 += (*ring)[i].x * (*ring)[(i + 1) % n].y - (*ring)[(i + 1) % n].x * (*ring)[i].y;
    if ((area2 > 0) != (sign > 0))
        return std::nullopt;
    if (sign < 0)
        std::reverse(ring->begin(), ring->end());
    return ring;
}

double convex_intersection_area(const std::vector<core::Coord>& a,
                                const std::vector<core::Coord>& b) {
    if (a.size() < 3 || b.size() < 3)
        return 0.0;
    const core::Coord o = a.front();
    auto local = [&](core::Coord c) { return core::Coord{c.x - o.x, c.y - o.y}; };
    std::vector<core::Coord> out;
    for (const auto& c : a)
        out.push_back(local(c));
    std::vector<core::Coord> input;
    for (std::size_t j = 0; j < b.size() && !out.empty(); ++j) {
        const core::Coord e0 = local(b[j]), e1 = local(b[(j + 1) % b.size()]);
        input.swap(out);
        out.clear();
        for (std::size_t i = 0; i < input.size(); ++i) {
            const core::Coord p = input[i], q = input[(i + 1) % input.size()];
            const double sp = cross(e0, e1, p), sq = cross(e0, e1, q);
            if (sp >= 0)
                out.push_back(p);
            if ((sp >= 0) != (sq >= 0)) {
                const double t = sp / (sp - sq);
                out.push_back({p.x + t * (q.x - p.x), p.y + t * (q.y - p.y)});
            }
        }
    }
    double area2 = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto& p = out[i];
        const auto& q = out[(i + 1) % out.size()];
        area2 += p.x * q.y - q.x * p.y;
    }
    return std::max(0.0, area2 / 2);
}

bool is_wide_rectangle(const Shape& s, double min_side) {
    const auto ring = single_ring(s);
    if (!ring || ring->size() != 4)
        return false;
    for (std::size_t i = 0; i < 4; ++i) {
        const core::Coord p = (*ring)[i], q = (*ring)[(i + 1) % 4], r = (*ring)[(i + 2) % 4];
        const double ux = q.x - p.x, uy = q.y - p.y, vx = r.x - q.x, vy = r.y - q.y;
        const double lu = std::hypot(ux, uy), lv = std::hypot(vx, vy);
        if (lu < min_side || lv < min_side)
            return false;
        if (std::abs(ux * vx + uy * vy) > 1e-9 * lu * lv)
            return false;
    }
    return true;
}

} // namespace redline::geom::detail
