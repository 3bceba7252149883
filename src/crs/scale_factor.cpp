// Grid scale factor of the British National Grid from PROJ's proj_factors. The projection is
// Transverse Mercator, which is conformal, so the meridional and parallel scales are equal and
// either is "the" point scale factor; we average them so a rounding difference cannot bias one.
#include "crs/scale_factor.hpp"

#include "core/error.hpp"
#include "crs/proj_context.hpp"

#include <proj.h>

#include <cmath>
#include <optional>
#include <string>

namespace redline::crs {
namespace {

// One PROJ context per thread (house rule). proj_factors accepts the projected CRS itself and then
// expects longitude, latitude in radians on its own datum, so positions are first taken back to
// OSGB36 geographic coordinates (EPSG:4277: same datum, a pure inverse projection).
struct Projection {
    detail::ProjContext ctx;
    detail::PjPtr crs;
    detail::PjPtr to_geographic;

    Projection() : crs(ctx.create_crs("EPSG:27700")) {
        detail::PjPtr raw(proj_create_crs_to_crs(ctx.get(), "EPSG:27700", "EPSG:4277", nullptr));
        if (raw)
            to_geographic.reset(proj_normalize_for_visualization(ctx.get(), raw.get()));
        if (!to_geographic)
            throw core::CrsError("cannot invert the British National Grid: " + ctx.last_error());
    }
};

Projection& projection() {
    thread_local std::optional<Projection> p;
    if (!p)
        p.emplace();
    return *p;
}

} // namespace

double grid_scale_factor(core::Coord en) {
    if (!std::isfinite(en.x) || !std::isfinite(en.y))
        throw core::CrsError("grid scale factor of a non-finite position");
    auto& p = projection();
    proj_errno_reset(p.to_geographic.get());
    const PJ_COORD ll =
        proj_trans(p.to_geographic.get(), PJ_FWD, proj_coord(en.x, en.y, 0.0, HUGE_VAL));
    if (proj_errno(p.to_geographic.get()) != 0 || !std::isfinite(ll.xy.x))
        throw core::CrsError("cannot invert the British National Grid at (" + std::to_string(en.x) +
                             ", " + std::to_string(en.y) + ")");
    const PJ_FACTORS f =
        proj_factors(p.crs.get(), proj_coord(proj_torad(ll.xy.x), proj_torad(ll.xy.y), 0, 0));
    if (proj_errno(p.crs.get()) != 0 || !(f.meridional_scale > 0))
        throw core::CrsError("PROJ cannot compute the scale factor at (" + std::to_string(en.x) +
                             ", " + std::to_string(en.y) + ")");
    return (f.meridional_scale + f.parallel_scale) / 2.0;
}

double ground_distance(core::Coord a, core::Coord b) {
    const double grid_m = std::hypot(b.x - a.x, b.y - a.y);
    if (grid_m == 0.0)
        return 0.0;
    // Simpson's rule for the mean of 1/k along the line: k varies as the square of the distance
    // from the central meridian, so this is exact to well under 1 ppm for any line within Great
    // Britain (OS, "A guide to coordinate systems in Great Britain", section on scale factor).
    const core::Coord mid{(a.x + b.x) / 2, (a.y + b.y) / 2};
    const double inv_k =
        (1.0 / grid_scale_factor(a) + 4.0 / grid_scale_factor(mid) + 1.0 / grid_scale_factor(b)) /
        6.0;
    return grid_m * inv_k;
}

} // namespace redline::crs
