#include "scene/plan_overlay.hpp"

#include "core/error.hpp"

#include <cmath>

namespace redline::scene {

std::optional<analysis::PlanTransform> image_to_map(const PlanOverlay& overlay) {
    if (!overlay.transform)
        return std::nullopt;
    // H x A: image units through the affine to plan units, then through the calibration.
    const auto& h = overlay.transform->h;
    const auto& a = overlay.image_to_plan;
    analysis::PlanTransform t{overlay.transform->kind, {}};
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c)
            t.h[std::size_t(3 * r + c)] = h[std::size_t(3 * r)] * a[std::size_t(c)] +
                                          h[std::size_t(3 * r + 1)] * a[std::size_t(3 + c)] +
                                          h[std::size_t(3 * r + 2)] * a[std::size_t(6 + c)];
    return t;
}

core::Coord image_to_plan_point(const std::array<double, 9>& a, core::Coord p) {
    return {a[0] * p.x + a[1] * p.y + a[2], a[3] * p.x + a[4] * p.y + a[5]};
}

core::Coord plan_to_image_point(const std::array<double, 9>& a, core::Coord p) {
    const double det = a[0] * a[4] - a[1] * a[3];
    if (!(std::abs(det) > 0) || !std::isfinite(det))
        throw core::GeometryError("the plan's image has no inverse map from plan units");
    const double x = p.x - a[2], y = p.y - a[5];
    return {(a[4] * x - a[1] * y) / det, (a[0] * y - a[3] * x) / det};
}

core::Coord plan_centre(const PlanOverlay& overlay) {
    return image_to_plan_point(overlay.image_to_plan, {overlay.width / 2, overlay.height / 2});
}

std::optional<std::array<core::Coord, 4>> plan_corners_on_map(const PlanOverlay& overlay) {
    const auto transform = image_to_map(overlay);
    if (!transform || overlay.width <= 0 || overlay.height <= 0)
        return std::nullopt;
    const core::Coord image[4] = {
        {0, 0}, {overlay.width, 0}, {overlay.width, overlay.height}, {0, overlay.height}};
    // w is affine in image coordinates, so the same sign at the four corners means the same sign
    // over the whole (convex) image: its vanishing line (w = 0) does not cross it.
    const auto& h = transform->h;
    int w_sign = 0;
    for (const core::Coord& p : image) {
        const double w = h[6] * p.x + h[7] * p.y + h[8];
        const int s = w > 0 ? 1 : w < 0 ? -1 : 0;
        if (s == 0 || (w_sign != 0 && s != w_sign))
            return std::nullopt;
        w_sign = s;
    }
    std::array<core::Coord, 4> out;
    try {
        for (int i = 0; i < 4; ++i)
            out[i] = transform->to_map(image[i]);
    } catch (const core::Error&) {
        return std::nullopt;
    }
    // Convex: every turn the same way round (a reflection of a raster turns them all clockwise).
    int sign = 0;
    for (int i = 0; i < 4; ++i) {
        const core::Coord a = out[i], b = out[(i + 1) % 4], c = out[(i + 2) % 4];
        const double cross = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
        const int s = cross > 0 ? 1 : cross < 0 ? -1 : 0;
        if (s == 0 || (sign != 0 && s != sign))
            return std::nullopt;
        sign = s;
    }
    return out;
}

std::array<double, 9> local_map_to_plan(const analysis::PlanTransform& t, core::Coord origin) {
    // The inverse as the adjugate over the determinant (a 3x3 needs nothing cleverer).
    const auto& h = t.h;
    const double det = h[0] * (h[4] * h[8] - h[5] * h[7]) - h[1] * (h[3] * h[8] - h[5] * h[6]) +
                       h[2] * (h[3] * h[7] - h[4] * h[6]);
    if (!(std::abs(det) > 0) || !std::isfinite(det))
        throw core::GeometryError("the plan's transform is singular");
    std::array<double, 9> inv{
        h[4] * h[8] - h[5] * h[7], h[2] * h[7] - h[1] * h[8], h[1] * h[5] - h[2] * h[4],
        h[5] * h[6] - h[3] * h[8], h[0] * h[8] - h[2] * h[6], h[2] * h[3] - h[0] * h[5],
        h[3] * h[7] - h[4] * h[6], h[1] * h[6] - h[0] * h[7], h[0] * h[4] - h[1] * h[3]};
    for (double& v : inv)
        v /= det;
    // M = inv x T(origin): the third column absorbs the origin.
    std::array<double, 9> m = inv;
    for (int r = 0; r < 3; ++r)
        m[r * 3 + 2] = inv[r * 3 + 0] * origin.x + inv[r * 3 + 1] * origin.y + inv[r * 3 + 2];
    return m;
}

DrawList control_point_draw_list(const PlanOverlay& overlay) {
    DrawList d;
    SymbolStyle mark{SymbolShape::Circle, 10, {1.0f, 0.85f, 0.0f, 0.9f}, {0.1f, 0.1f, 0.1f, 1}, 2};
    for (std::size_t i = 0; i < overlay.control_points.size(); ++i) {
        const analysis::ControlPoint& cp = overlay.control_points[i];
        d.points.push_back({cp.map, i, mark});
        d.extent.expand(cp.map);
        if (!overlay.transform)
            continue;
        try {
            const core::Coord fitted = overlay.transform->to_map(cp.plan);
            d.lines.add({cp.map, fitted}, false);
            d.line_feature.push_back(static_cast<std::uint32_t>(i));
            d.extent.expand(fitted);
        } catch (const core::Error&) {
            // A point on the vanishing line has no place on the map: no residual to draw.
        }
    }
    return d;
}

} // namespace redline::scene
