// OGC validity, repair and area through the GEOS C API (re-entrant `_r` functions only: the C++
// API is not stable between GEOS releases, and a context per thread keeps workers independent).
#include "geom/validity.hpp"

#include "core/error.hpp"
#include "geom/geos_handle.hpp"

#include <memory>
#include <vector>

namespace redline::geom {
namespace {

using detail::context;
using detail::fail;
using detail::FreeDeleter;
using detail::from_geos;
using detail::GeometryPtr;
using detail::kind_of_geos;
using detail::to_geos;

/// Collect clones of the single (non-multi) parts of kind `keep`, descending into collections:
/// MakeValid may return a GeometryCollection mixing polygons with collapsed lines and points.
void collect_parts(const GEOSGeometry* g, core::GeometryKind keep, std::vector<GeometryPtr>& out) {
    auto* h = context().handle();
    const int type = GEOSGeomTypeId_r(h, g);
    if (type == GEOS_GEOMETRYCOLLECTION || type == GEOS_MULTIPOINT ||
        type == GEOS_MULTILINESTRING || type == GEOS_MULTIPOLYGON) {
        const int n = GEOSGetNumGeometries_r(h, g);
        for (int i = 0; i < n; ++i)
            collect_parts(GEOSGetGeometryN_r(h, g, i), keep, out);
        return;
    }
    if (kind_of_geos(g) != keep || GEOSisEmpty_r(h, g) == 1)
        return;
    GeometryPtr clone(GEOSGeom_clone_r(h, g));
    if (!clone)
        fail("GEOS cannot copy a geometry part");
    out.push_back(std::move(clone));
}

int multi_type(core::GeometryKind kind) {
    switch (kind) {
    case core::GeometryKind::Point:
        return GEOS_MULTIPOINT;
    case core::GeometryKind::Line:
        return GEOS_MULTILINESTRING;
    default:
        return GEOS_MULTIPOLYGON;
    }
}

} // namespace

Validity check_validity(const core::Geometry& g) {
    Validity out;
    if (g.empty())
        return out;
    auto* h = context().handle();
    const auto geos = to_geos(g);
    char* reason = nullptr;
    GEOSGeometry* location = nullptr;
    const char verdict = GEOSisValidDetail_r(h, geos.get(), 0, &reason, &location);
    std::unique_ptr<char, FreeDeleter> reason_owner(reason);
    GeometryPtr location_owner(location);
    if (verdict == 2)
        fail("GEOS validity check failed");
    if (verdict == 1)
        return out;
    out.valid = false;
    out.reason = reason ? reason : "invalid";
    if (location && GEOSisEmpty_r(h, location) == 0) {
        double x = 0, y = 0;
        if (GEOSGeomGetX_r(h, location, &x) == 1 && GEOSGeomGetY_r(h, location, &y) == 1)
            out.location = {x, y};
    }
    return out;
}

core::Geometry make_valid(const core::Geometry& g, core::GeometryKind keep) {
    if (g.empty())
        return {};
    auto* h = context().handle();
    const auto geos = to_geos(g);
    // The default "linework" method (as PostGIS and SpatiaLite's ST_MakeValid) keeps every area
    // the rings enclose under the even-odd rule, so a bow-tie becomes its two triangles.
    GeometryPtr repaired(GEOSMakeValid_r(h, geos.get()));
    if (!repaired)
        fail("GEOS MakeValid failed");
    std::vector<GeometryPtr> parts;
    collect_parts(repaired.get(), keep, parts);
    if (parts.empty())
        return {};
    if (parts.size() == 1)
        return from_geos(parts.front().get());
    std::vector<GEOSGeometry*> raw;
    raw.reserve(parts.size());
    for (auto& p : parts)
        raw.push_back(p.get());
    GeometryPtr multi(GEOSGeom_createCollection_r(h, multi_type(keep), raw.data(),
                                                  static_cast<unsigned>(raw.size())));
    if (!multi)
        fail("GEOS cannot assemble the repaired parts");
    // The collection now owns the parts.
    for (auto& p : parts)
        static_cast<void>(p.release());
    return from_geos(multi.get());
}

double area(const core::Geometry& g) {
    if (g.empty())
        return 0.0;
    const auto geos = to_geos(g);
    double out = 0.0;
    if (GEOSArea_r(context().handle(), geos.get(), &out) != 1)
        fail("GEOS area failed");
    return out;
}

bool is_valid(const Shape& s) {
    if (s.empty())
        return true;
    const char r = GEOSisValid_r(context().handle(), s.get());
    if (r == 2)
        fail("GEOS validity check failed");
    return r == 1;
}

} // namespace redline::geom
