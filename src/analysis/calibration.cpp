// Fitting plan -> EPSG:27700 transforms. References: Hartley & Zisserman, "Multiple View Geometry",
// 2nd ed., sections 4.1 (DLT) and 4.4.4 (normalisation); the closed-form similarity (Helmert) fit
// is the linear least-squares solution of Wolf & Ghilani, "Elementary Surveying", ch. 18.
#include "analysis/calibration.hpp"

#include "analysis/linear_algebra.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "crs/scale_factor.hpp"

#include <cmath>
#include <cstdio>
#include <numbers>

namespace redline::analysis {
namespace {

using core::Coord;

Coord apply(const Mat3& h, Coord p) {
    const double w = h[6] * p.x + h[7] * p.y + h[8];
    if (!std::isfinite(w) || std::abs(w) < 1e-300)
        throw core::GeometryError("the point lies on the projective transform's vanishing line");
    return {(h[0] * p.x + h[1] * p.y + h[2]) / w, (h[3] * p.x + h[4] * p.y + h[5]) / w};
}

/// Hartley's conditioning: translate the centroid to the origin and scale so the mean distance
/// from it is sqrt(2). Without it the DLT's columns differ by ~1e11 for BNG metres against pixels
/// and the solution loses most of its digits.
Mat3 normalising(std::span<const Coord> pts) {
    Coord c{0, 0};
    for (const auto& p : pts)
        c = {c.x + p.x, c.y + p.y};
    c = {c.x / static_cast<double>(pts.size()), c.y / static_cast<double>(pts.size())};
    double mean = 0;
    for (const auto& p : pts)
        mean += std::hypot(p.x - c.x, p.y - c.y);
    mean /= static_cast<double>(pts.size());
    const double s = mean > 0 ? std::sqrt(2.0) / mean : 1.0;
    return {s, 0, -s * c.x, 0, s, -s * c.y, 0, 0, 1};
}

std::vector<Coord> plan_of(std::span<const ControlPoint> pts) {
    std::vector<Coord> out;
    for (const auto& p : pts)
        out.push_back(p.plan);
    return out;
}
std::vector<Coord> map_of(std::span<const ControlPoint> pts) {
    std::vector<Coord> out;
    for (const auto& p : pts)
        out.push_back(p.map);
    return out;
}

/// Smaller over larger principal spread of a point set: 0 when all points lie on one line.
double flatness(std::span<const Coord> pts) {
    Coord c{0, 0};
    for (const auto& p : pts)
        c = {c.x + p.x, c.y + p.y};
    c = {c.x / static_cast<double>(pts.size()), c.y / static_cast<double>(pts.size())};
    double sxx = 0, syy = 0, sxy = 0;
    for (const auto& p : pts) {
        sxx += (p.x - c.x) * (p.x - c.x);
        syy += (p.y - c.y) * (p.y - c.y);
        sxy += (p.x - c.x) * (p.y - c.y);
    }
    const double tr = sxx + syy, det = sxx * syy - sxy * sxy;
    const double disc = std::sqrt(std::max(0.0, tr * tr / 4 - det));
    const double big = tr / 2 + disc, small = std::max(0.0, tr / 2 - disc);
    return big > 0 ? std::sqrt(small / big) : 0.0;
}

std::string fit_name(TransformKind kind) {
    return std::string(kind == TransformKind::Affine ? "an " : "a ") + to_string(kind) + " fit";
}

void check_points(std::span<const ControlPoint> pts, TransformKind kind) {
    if (pts.size() < minimum_points(kind))
        throw core::UsageError(fit_name(kind) + " needs at least " +
                               std::to_string(minimum_points(kind)) + " control points, got " +
                               std::to_string(pts.size()));
    for (std::size_t i = 0; i < pts.size(); ++i) {
        const auto& p = pts[i];
        if (!std::isfinite(p.plan.x) || !std::isfinite(p.plan.y) || !std::isfinite(p.map.x) ||
            !std::isfinite(p.map.y))
            throw core::UsageError("control point " + std::to_string(i + 1) +
                                   " has a non-finite coordinate");
        // Half a pixel is the resolution of the plan and 1 mm that of the map: two points closer
        // than that are the same point given twice and add nothing but a singular system.
        for (std::size_t j = 0; j < i; ++j) {
            if (std::hypot(p.plan.x - pts[j].plan.x, p.plan.y - pts[j].plan.y) < 0.5)
                throw core::GeometryError("control points " + std::to_string(j + 1) + " and " +
                                          std::to_string(i + 1) +
                                          " are duplicates: the same plan position");
            if (std::hypot(p.map.x - pts[j].map.x, p.map.y - pts[j].map.y) < 0.001)
                throw core::GeometryError("control points " + std::to_string(j + 1) + " and " +
                                          std::to_string(i + 1) +
                                          " are duplicates: the same map position");
        }
    }
    if (kind != TransformKind::Helmert) {
        if (flatness(plan_of(pts)) < 1e-6)
            throw core::GeometryError("the control points are collinear on the plan: " +
                                      fit_name(kind) + " needs points spread in two directions");
        if (flatness(map_of(pts)) < 1e-6)
            throw core::GeometryError("the control points are collinear on the map: " +
                                      fit_name(kind) + " needs points spread in two directions");
    }
}

Mat3 fit_helmert(std::span<const ControlPoint> pts, bool y_down) {
    // Solve in a y-up plan frame (y' = -y for rasters), where the map is a rotation + scale of
    // the plan: E = a x - b y' + tx, N = b x + a y' + ty. With centroids removed the normal
    // equations decouple and give a, b directly.
    const double f = y_down ? -1.0 : 1.0;
    const double n = static_cast<double>(pts.size());
    double xm = 0, ym = 0, em = 0, nm = 0;
    for (const auto& p : pts) {
        xm += p.plan.x / n;
        ym += f * p.plan.y / n;
        em += p.map.x / n;
        nm += p.map.y / n;
    }
    double suu = 0, sa = 0, sb = 0;
    for (const auto& p : pts) {
        const double u = p.plan.x - xm, v = f * p.plan.y - ym;
        const double de = p.map.x - em, dn = p.map.y - nm;
        suu += u * u + v * v;
        sa += u * de + v * dn;
        sb += u * dn - v * de;
    }
    const double a = sa / suu, b = sb / suu;
    const double tx = em - a * xm + b * ym, ty = nm - b * xm - a * ym;
    return {a, -b * f, tx, b, a * f, ty, 0, 0, 1};
}

Mat3 fit_affine(std::span<const ControlPoint> pts) {
    const auto plan = plan_of(pts), map = map_of(pts);
    const Mat3 tp = normalising(plan), tm = normalising(map);
    Matrix a(pts.size(), 3);
    std::vector<double> be(pts.size()), bn(pts.size());
    for (std::size_t i = 0; i < pts.size(); ++i) {
        const Coord p = apply(tp, plan[i]), m = apply(tm, map[i]);
        a(i, 0) = p.x;
        a(i, 1) = p.y;
        a(i, 2) = 1.0;
        be[i] = m.x;
        bn[i] = m.y;
    }
    std::size_t rank_e = 0, rank_n = 0;
    const auto ce = solve_least_squares(a, be, 1e-10, &rank_e);
    const auto cn = solve_least_squares(a, bn, 1e-10, &rank_n);
    if (rank_e < 3 || rank_n < 3)
        throw core::GeometryError("the control points do not determine an affine transform "
                                  "(they are collinear)");
    const Mat3 hn{ce[0], ce[1], ce[2], cn[0], cn[1], cn[2], 0, 0, 1};
    return multiply(inverse(tm), multiply(hn, tp));
}

Mat3 fit_projective(std::span<const ControlPoint> pts) {
    const auto plan = plan_of(pts), map = map_of(pts);
    const Mat3 tp = normalising(plan), tm = normalising(map);
    // DLT: each correspondence (x, y) -> (u, v) gives two rows of A h = 0 (H&Z eq. 4.3).
    Matrix a(2 * pts.size(), 9);
    for (std::size_t i = 0; i < pts.size(); ++i) {
        const Coord p = apply(tp, plan[i]), m = apply(tm, map[i]);
        const double r1[9] = {p.x, p.y, 1, 0, 0, 0, -m.x * p.x, -m.x * p.y, -m.x};
        const double r2[9] = {0, 0, 0, p.x, p.y, 1, -m.y * p.x, -m.y * p.y, -m.y};
        for (std::size_t j = 0; j < 9; ++j) {
            a(2 * i, j) = r1[j];
            a(2 * i + 1, j) = r2[j];
        }
    }
    double ratio = 0;
    const auto h = null_vector(a, &ratio);
    // A unique homography needs rank 8: a second (near-)zero singular value means three of the
    // points are on one line (or the set is otherwise degenerate).
    if (ratio < 1e-9)
        throw core::GeometryError("the control points do not determine a projective transform "
                                  "(three of them are on one line)");
    Mat3 hn;
    for (std::size_t j = 0; j < 9; ++j)
        hn[j] = h[j];
    Mat3 out = multiply(inverse(tm), multiply(hn, tp));
    if (out[8] == 0.0)
        throw core::GeometryError("the projective fit maps the plan origin to infinity");
    for (auto& v : out)
        v /= out[8] == 0 ? 1.0 : out[8];
    return out;
}

Mat3 fit(std::span<const ControlPoint> pts, TransformKind kind, bool y_down) {
    check_points(pts, kind);
    Mat3 h;
    switch (kind) {
    case TransformKind::Helmert:
        h = fit_helmert(pts, y_down);
        break;
    case TransformKind::Affine:
        h = fit_affine(pts);
        break;
    default:
        h = fit_projective(pts);
        break;
    }
    for (const double v : h)
        if (!std::isfinite(v))
            throw core::GeometryError("the control points do not determine the transform");
    // A (near-)zero Jacobian would squash the plan onto a line: reject it rather than store it.
    const double lin = std::abs(h[0] * h[4] - h[1] * h[3]);
    const double size = h[0] * h[0] + h[1] * h[1] + h[3] * h[3] + h[4] * h[4];
    if (!(lin > 1e-9 * size))
        throw core::GeometryError("the fitted transform is singular (degenerate control points)");
    return h;
}

void fill_residuals(Calibration& c) {
    double sum = 0;
    c.residuals_m.clear();
    for (const auto& p : c.points) {
        const Coord m = c.transform.to_map(p.plan);
        const double r = std::hypot(m.x - p.map.x, m.y - p.map.y);
        c.residuals_m.push_back(r);
        sum += r * r;
    }
    c.rmse_m = c.points.empty() ? 0.0 : std::sqrt(sum / static_cast<double>(c.points.size()));
}

} // namespace

const char* to_string(TransformKind kind) {
    switch (kind) {
    case TransformKind::Helmert:
        return "helmert";
    case TransformKind::Affine:
        return "affine";
    case TransformKind::Projective:
        return "projective";
    }
    return "helmert";
}

std::optional<TransformKind> parse_transform_kind(std::string_view name) {
    const auto n = core::to_lower(name);
    if (n == "helmert" || n == "similarity")
        return TransformKind::Helmert;
    if (n == "affine")
        return TransformKind::Affine;
    if (n == "projective" || n == "homography")
        return TransformKind::Projective;
    return std::nullopt;
}

std::size_t minimum_points(TransformKind kind) {
    switch (kind) {
    case TransformKind::Helmert:
        return 2;
    case TransformKind::Affine:
        return 3;
    case TransformKind::Projective:
        return 4;
    }
    return 2;
}

Coord PlanTransform::to_map(Coord plan) const {
    return apply(h, plan);
}

Coord PlanTransform::to_plan(Coord en) const {
    return apply(inverse(h), en);
}

double PlanTransform::scale_m_per_unit(Coord plan) const {
    // Jacobian of (E/w, N/w): for an affine map w = 1 and this is the linear part.
    const double w = h[6] * plan.x + h[7] * plan.y + h[8];
    const Coord m = apply(h, plan);
    const double j00 = (h[0] - m.x * h[6]) / w, j01 = (h[1] - m.x * h[7]) / w;
    const double j10 = (h[3] - m.y * h[6]) / w, j11 = (h[4] - m.y * h[7]) / w;
    return std::sqrt(std::abs(j00 * j11 - j01 * j10));
}

double PlanTransform::rotation_deg(Coord plan) const {
    const double w = h[6] * plan.x + h[7] * plan.y + h[8];
    const Coord m = apply(h, plan);
    const double j00 = (h[0] - m.x * h[6]) / w, j10 = (h[3] - m.y * h[6]) / w;
    return std::atan2(j10, j00) * 180.0 / std::numbers::pi;
}

std::optional<HelmertParameters> Calibration::helmert() const {
    const auto& m = transform.h;
    if (transform.kind != TransformKind::Helmert)
        return std::nullopt;
    const double scale = std::hypot(m[0], m[3]);
    return HelmertParameters{scale, std::atan2(m[3], m[0]) * 180.0 / std::numbers::pi, m[2], m[5]};
}

double metres_per_pixel(double scale_denominator, double dpi) {
    if (!(scale_denominator > 0) || !(dpi > 0) || !std::isfinite(scale_denominator) ||
        !std::isfinite(dpi))
        throw core::UsageError("a stated scale needs 1:N and a DPI both greater than 0");
    return scale_denominator * 0.0254 / dpi;
}

Calibration calibrate_from_scale(double ground_m_per_unit, const ControlPoint& anchor,
                                 double rotation_deg, bool y_down, const std::string& method) {
    if (!(ground_m_per_unit > 0) || !std::isfinite(ground_m_per_unit))
        throw core::UsageError("the plan's scale must be a positive number of metres per unit");
    if (!std::isfinite(rotation_deg))
        throw core::UsageError("the rotation must be a finite number of degrees");
    // A plan is drawn at ground size; on the grid everything is k times bigger (OS, "A guide to
    // coordinate systems in Great Britain", scale factor).
    const double s = ground_m_per_unit * crs::grid_scale_factor(anchor.map);
    const double t = rotation_deg * std::numbers::pi / 180.0;
    const double a = s * std::cos(t), b = s * std::sin(t), f = y_down ? -1.0 : 1.0;
    Calibration c;
    c.method = method;
    c.y_down = y_down;
    c.stated_ground_m_per_unit = ground_m_per_unit;
    c.transform.kind = TransformKind::Helmert;
    c.transform.h = {a, -b * f, 0, b, a * f, 0, 0, 0, 1};
    // Pin the anchor: translation = map position - linear part applied to the plan position.
    c.transform.h[2] =
        anchor.map.x - (c.transform.h[0] * anchor.plan.x + c.transform.h[1] * anchor.plan.y);
    c.transform.h[5] =
        anchor.map.y - (c.transform.h[3] * anchor.plan.x + c.transform.h[4] * anchor.plan.y);
    c.points = {anchor};
    fill_residuals(c);
    return c;
}

Calibration calibrate_from_known_distance(Coord a, Coord b, double ground_distance_m,
                                          const ControlPoint& anchor, double rotation_deg,
                                          bool y_down) {
    const double units = std::hypot(b.x - a.x, b.y - a.y);
    if (!(units >= 0.5))
        throw core::GeometryError("the two plan points of a known distance are the same point");
    if (!(ground_distance_m > 0) || !std::isfinite(ground_distance_m))
        throw core::UsageError("a known distance must be a positive number of metres");
    return calibrate_from_scale(ground_distance_m / units, anchor, rotation_deg, y_down,
                                "known-distance");
}

Calibration calibrate_control_points(std::span<const ControlPoint> points, TransformKind kind,
                                     bool y_down) {
    Calibration c;
    c.method = to_string(kind);
    c.y_down = y_down;
    c.points.assign(points.begin(), points.end());
    c.transform = {kind, fit(points, kind, y_down)};
    fill_residuals(c);
    // Leave-one-out: the residuals of a least-squares fit flatter it (each point pulled the fit
    // towards itself); predicting each point from the others shows how well it really checks.
    for (std::size_t i = 0; i < points.size(); ++i) {
        std::vector<ControlPoint> others;
        for (std::size_t j = 0; j < points.size(); ++j)
            if (j != i)
                others.push_back(points[j]);
        std::optional<double> err;
        if (others.size() >= minimum_points(kind)) {
            try {
                const PlanTransform t{kind, fit(others, kind, y_down)};
                const Coord m = t.to_map(points[i].plan);
                err = std::hypot(m.x - points[i].map.x, m.y - points[i].map.y);
            } catch (const core::Error&) {
                // The others alone are degenerate: no independent check of this point.
            }
        }
        c.leave_one_out_m.push_back(err);
    }
    return c;
}

std::optional<std::string> check_stated_scale(const Calibration& calibration,
                                              double stated_ground_m_per_unit, Coord plan_centre) {
    if (!(stated_ground_m_per_unit > 0))
        return std::nullopt;
    const Coord en = calibration.transform.to_map(plan_centre);
    const double fitted_ground =
        calibration.transform.scale_m_per_unit(plan_centre) / crs::grid_scale_factor(en);
    const double diff = fitted_ground / stated_ground_m_per_unit - 1.0;
    if (std::abs(diff) <= 0.02)
        return std::nullopt;
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "the fitted scale differs from the stated scale by %+.1f%%: plan may not be to "
                  "scale - check the paper size it was printed at",
                  diff * 100.0);
    return std::string(buf);
}

double point_sigma_m(const Calibration& calibration, Coord plan) {
    const double half_unit = 0.5 * calibration.transform.scale_m_per_unit(plan);
    return std::hypot(calibration.rmse_m, half_unit);
}

} // namespace redline::analysis
