#include "print/plan_painter.hpp"

#include <algorithm>
#include <cmath>

namespace redline::print {
namespace {

/// Pixel (x, y) -> page mm through the homography and the frame.
PaperPoint to_page(const PackPlan& plan, const MapFrame& frame, double x, double y) {
    const auto& h = plan.pixel_to_map;
    const double w = h[6] * x + h[7] * y + h[8];
    return frame.to_paper({(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w});
}

bool is_affine(const std::array<double, 9>& h) {
    return h[6] == 0 && h[7] == 0 && h[8] != 0;
}

/// The affine page map through three pixel -> page correspondences (a, b, c not collinear).
std::array<double, 6> affine_through(const core::Coord (&px)[3], const PaperPoint (&pg)[3]) {
    // Solve [x y 1] rows for each output coordinate (Cramer's rule on a 3x3 system).
    const double det = px[0].x * (px[1].y - px[2].y) - px[0].y * (px[1].x - px[2].x) +
                       (px[1].x * px[2].y - px[2].x * px[1].y);
    auto solve = [&](double v0, double v1, double v2) -> std::array<double, 3> {
        const double a =
            (v0 * (px[1].y - px[2].y) - px[0].y * (v1 - v2) + (v1 * px[2].y - v2 * px[1].y)) / det;
        const double b =
            (px[0].x * (v1 - v2) - v0 * (px[1].x - px[2].x) + (px[1].x * v2 - px[2].x * v1)) / det;
        const double c =
            (px[0].x * (px[1].y * v2 - px[2].y * v1) - px[0].y * (px[1].x * v2 - px[2].x * v1) +
             v0 * (px[1].x * px[2].y - px[2].x * px[1].y)) /
            det;
        return {a, b, c};
    };
    const auto x = solve(pg[0].x, pg[1].x, pg[2].x);
    const auto y = solve(pg[0].y, pg[1].y, pg[2].y);
    return {x[0], x[1], x[2], y[0], y[1], y[2]};
}

} // namespace

void paint_plan(Painter& p, const PackPlan& plan, const MapFrame& frame) {
    if (plan.width_px <= 0 || plan.height_px <= 0)
        return;
    const double w = plan.width_px, h = plan.height_px;
    const PaintImage image(plan.rgba, plan.width_px, plan.height_px);
    if (is_affine(plan.pixel_to_map)) {
        const core::Coord px[3] = {{0, 0}, {w, 0}, {0, h}};
        const PaperPoint pg[3] = {to_page(plan, frame, 0, 0), to_page(plan, frame, w, 0),
                                  to_page(plan, frame, 0, h)};
        p.image(image, affine_through(px, pg), plan.opacity, true);
        return;
    }
    // A projective plan (a photo of a plan taken at an angle) has no single affine image map:
    // draw it as triangles, each the affine map through its three corners. The error of such a
    // piece shrinks with the square of its size; at 1/32 of the image a side it is far below a
    // printed line's width for the gentle perspectives of a photographed plan (the test measures
    // it). Each triangle is clipped to itself, grown by 0.02 mm so that anti-aliased seams do not
    // show as light lines.
    constexpr int k_cells = 32;
    for (int j = 0; j < k_cells; ++j) {
        for (int i = 0; i < k_cells; ++i) {
            const double x0 = w * i / k_cells, x1 = w * (i + 1) / k_cells;
            const double y0 = h * j / k_cells, y1 = h * (j + 1) / k_cells;
            const core::Coord tri[2][3] = {{{x0, y0}, {x1, y0}, {x0, y1}},
                                           {{x1, y0}, {x1, y1}, {x0, y1}}};
            for (const auto& t : tri) {
                const PaperPoint pg[3] = {to_page(plan, frame, t[0].x, t[0].y),
                                          to_page(plan, frame, t[1].x, t[1].y),
                                          to_page(plan, frame, t[2].x, t[2].y)};
                const double cx = (pg[0].x + pg[1].x + pg[2].x) / 3;
                const double cy = (pg[0].y + pg[1].y + pg[2].y) / 3;
                auto grow = [&](PaperPoint q) {
                    const double dx = q.x - cx, dy = q.y - cy;
                    const double d = std::max(1e-9, std::hypot(dx, dy));
                    return PaperPoint{q.x + dx / d * 0.02, q.y + dy / d * 0.02};
                };
                p.save();
                p.new_path();
                p.move_to(grow(pg[0]));
                p.line_to(grow(pg[1]));
                p.line_to(grow(pg[2]));
                p.close_path();
                p.clip();
                p.image(image, affine_through(t, pg), plan.opacity, true);
                p.restore();
            }
        }
    }
}

} // namespace redline::print
