// Prepared geometry through the GEOS C API.
#include "geom/prepared.hpp"

#include "geom/convex.hpp"
#include "geom/geos_handle.hpp"
#include "geom/measure.hpp"
#include "geom/overlay.hpp"

namespace redline::geom {

using detail::ctx;
using detail::fail;

struct PreparedShape::Impl {
    const GEOSPreparedGeometry* prepared = nullptr;
    ~Impl() {
        if (prepared)
            GEOSPreparedGeom_destroy_r(ctx(), prepared);
    }
};

PreparedShape::PreparedShape(const Shape& shape)
    : m_shape(&shape), m_impl(std::make_unique<Impl>()) {
    if (shape.empty())
        return;
    m_impl->prepared = GEOSPrepare_r(ctx(), shape.get());
    if (!m_impl->prepared)
        fail("GEOS cannot prepare a geometry");
}

PreparedShape::~PreparedShape() = default;
PreparedShape::PreparedShape(PreparedShape&&) noexcept = default;
PreparedShape& PreparedShape::operator=(PreparedShape&&) noexcept = default;

namespace {
bool verdict(char r, const char* what) {
    if (r == 2)
        fail(what);
    return r == 1;
}
} // namespace

bool PreparedShape::intersects(const Shape& other) const {
    if (!m_impl->prepared || other.empty())
        return false;
    return verdict(GEOSPreparedIntersects_r(ctx(), m_impl->prepared, other.get()),
                   "GEOS prepared intersects failed");
}

bool PreparedShape::contains(const Shape& other) const {
    if (!m_impl->prepared || other.empty())
        return false;
    return verdict(GEOSPreparedContains_r(ctx(), m_impl->prepared, other.get()),
                   "GEOS prepared contains failed");
}

bool PreparedShape::covers(const Shape& other) const {
    if (!m_impl->prepared || other.empty())
        return false;
    return verdict(GEOSPreparedCovers_r(ctx(), m_impl->prepared, other.get()),
                   "GEOS prepared covers failed");
}

double PreparedShape::overlap_area(const Shape& other) const {
    if (!m_impl->prepared || other.empty() || !m_shape->envelope().intersects(other.envelope()))
        return 0.0;
    // Convex pairs (most footprints and plots) are clipped directly, faster than any predicate.
    if (const auto a = detail::convex_ring(*m_shape))
        if (const auto b = detail::convex_ring(other))
            return detail::convex_intersection_area(*a, *b);
    if (covers(other))
        return other.area();
    if (!intersects(other))
        return 0.0;
    return intersection(*m_shape, other).area();
}

Shape PreparedShape::clip(const Shape& other) const {
    if (!m_impl->prepared || other.empty() || !m_shape->envelope().intersects(other.envelope()))
        return Shape();
    if (const auto a = detail::convex_ring(*m_shape))
        if (const auto b = detail::convex_ring(other)) {
            const double inside = detail::convex_intersection_area(*a, *b);
            const double whole = other.area();
            // Touching only (a neighbour's wall on the boundary), or wholly inside: no overlay.
            if (inside < 1e-9)
                return Shape();
            if (inside >= whole * (1 - 1e-12))
                return other.clone();
            return intersection(*m_shape, other);
        }
    if (!intersects(other))
        return Shape();
    if (covers(other))
        return other.clone();
    return intersection(*m_shape, other);
}

bool PreparedShape::covers_point(core::Coord p) const {
    return covers(make_point(p));
}

} // namespace redline::geom
