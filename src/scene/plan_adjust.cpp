#include "scene/plan_adjust.hpp"

#include "core/error.hpp"

#include <cmath>
#include <cstdio>

namespace redline::scene {
namespace {

/// A x H for a map-side 3x3 A with last row 0 0 1.
analysis::PlanTransform premultiply(const analysis::PlanTransform& t,
                                    const std::array<double, 9>& a) {
    analysis::PlanTransform out = t;
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c)
            out.h[r * 3 + c] =
                a[r * 3 + 0] * t.h[c] + a[r * 3 + 1] * t.h[3 + c] + a[r * 3 + 2] * t.h[6 + c];
    return out;
}

/// The similarity s R(theta) about `centre`: x' = centre + s R (x - centre).
std::array<double, 9> similarity_about(double s, double theta_rad, core::Coord c) {
    const double ca = s * std::cos(theta_rad), sa = s * std::sin(theta_rad);
    return {ca, -sa, c.x - ca * c.x + sa * c.y, sa, ca, c.y - sa * c.x - ca * c.y, 0, 0, 1};
}

} // namespace

analysis::PlanTransform translated(const analysis::PlanTransform& t, double de_m, double dn_m) {
    return premultiply(t, {1, 0, de_m, 0, 1, dn_m, 0, 0, 1});
}

analysis::PlanTransform rotated_about(const analysis::PlanTransform& t, double degrees,
                                      core::Coord centre) {
    return premultiply(t, similarity_about(1.0, degrees * M_PI / 180.0, centre));
}

analysis::PlanTransform scaled_about(const analysis::PlanTransform& t, double factor,
                                     core::Coord centre) {
    if (!(factor > 0))
        throw core::UsageError("a plan's scale factor must be above 0");
    return premultiply(t, similarity_about(factor, 0.0, centre));
}

core::Coord plan_centre_on_map(const analysis::PlanTransform& t, double width, double height) {
    return t.to_map({width / 2, height / 2});
}

analysis::PlanTransform apply_adjustment(const analysis::PlanTransform& t,
                                         const PlanAdjustment& step, double width, double height) {
    if (step.kind == PlanAdjustment::Kind::Move)
        return translated(t, step.a, step.b); // no pivot: a projective centre need not map
    return apply_adjustment(t, step, plan_centre_on_map(t, width, height));
}

analysis::PlanTransform apply_adjustment(const analysis::PlanTransform& t,
                                         const PlanAdjustment& step, core::Coord pivot) {
    switch (step.kind) {
    case PlanAdjustment::Kind::Move:
        return translated(t, step.a, step.b);
    case PlanAdjustment::Kind::Rotate:
        return rotated_about(t, step.a, pivot);
    case PlanAdjustment::Kind::Scale:
        return scaled_about(t, step.a, pivot);
    }
    return t;
}

std::string describe(const PlanAdjustment& step) {
    char buf[96];
    switch (step.kind) {
    case PlanAdjustment::Kind::Move:
        std::snprintf(buf, sizeof buf, "move %.3f m E, %.3f m N", step.a, step.b);
        break;
    case PlanAdjustment::Kind::Rotate:
        std::snprintf(buf, sizeof buf, "rotate %.2f deg", step.a);
        break;
    case PlanAdjustment::Kind::Scale:
        std::snprintf(buf, sizeof buf, "scale x%.4f", step.a);
        break;
    }
    return buf;
}

} // namespace redline::scene
