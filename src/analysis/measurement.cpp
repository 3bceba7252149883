// Measurement with first-order (Jacobian) error propagation: for a value f of independent vertices
// each with per-axis standard deviation sigma_i, var f = sum_i sigma_i^2 |grad_i f|^2 (GUM,
// JCGM 100:2008, eq. 10). The gradients below are the analytic ones of each formula.
#include "analysis/measurement.hpp"

#include "core/error.hpp"
#include "crs/scale_factor.hpp"

#include <cmath>

namespace redline::analysis {
namespace {

using core::Coord;

double norm2(double x, double y) {
    return x * x + y * y;
}

/// Variance from per-vertex gradients (gx, gy) and sigmas.
double propagate(const std::vector<Coord>& gradient, std::span<const double> sigmas) {
    double var = 0;
    for (std::size_t i = 0; i < gradient.size(); ++i)
        var += sigmas[i] * sigmas[i] * norm2(gradient[i].x, gradient[i].y);
    return var;
}

void measure_length(Measurement& m, std::span<const double> sigmas) {
    const auto& v = m.vertices;
    if (v.size() < 2)
        throw core::UsageError("a length needs at least 2 points");
    std::vector<Coord> grad(v.size(), Coord{0, 0});
    for (std::size_t i = 0; i + 1 < v.size(); ++i) {
        const double dx = v[i + 1].x - v[i].x, dy = v[i + 1].y - v[i].y;
        const double len = std::hypot(dx, dy);
        m.grid_value += len;
        m.ground_value += crs::ground_distance(v[i], v[i + 1]);
        if (len > 0) {
            // d len / d v[i] = -u, d len / d v[i+1] = +u (u the segment's unit vector).
            grad[i] = {grad[i].x - dx / len, grad[i].y - dy / len};
            grad[i + 1] = {grad[i + 1].x + dx / len, grad[i + 1].y + dy / len};
        }
    }
    if (!(m.grid_value > 0))
        throw core::GeometryError("the line has no length: all its points are the same");
    m.scale_factor = m.grid_value / m.ground_value;
    if (!sigmas.empty())
        m.uncertainty = std::sqrt(propagate(grad, sigmas));
}

void measure_area(Measurement& m, std::span<const double> sigmas) {
    auto& v = m.vertices;
    if (v.size() >= 2 && v.front() == v.back())
        v.pop_back(); // the ring closes itself; a repeated first point adds nothing
    if (v.size() < 3)
        throw core::UsageError("an area needs at least 3 distinct points");
    const std::size_t n = v.size();
    // Shoelace about the first vertex, which keeps the products small for BNG coordinates.
    const Coord o = v.front();
    double twice = 0, perimeter = 0;
    Coord centroid{0, 0};
    std::vector<Coord> grad(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Coord& a = v[i];
        const Coord& b = v[(i + 1) % n];
        const Coord& prev = v[(i + n - 1) % n];
        twice += (a.x - o.x) * (b.y - o.y) - (b.x - o.x) * (a.y - o.y);
        perimeter += std::hypot(b.x - a.x, b.y - a.y);
        centroid = {centroid.x + a.x / static_cast<double>(n),
                    centroid.y + a.y / static_cast<double>(n)};
        // d(2A)/dx_i = y_{i+1} - y_{i-1}, d(2A)/dy_i = x_{i-1} - x_{i+1}.
        grad[i] = {(b.y - prev.y) / 2, (prev.x - b.x) / 2};
    }
    m.grid_value = std::abs(twice) / 2;
    if (!(m.grid_value > 1e-12 * perimeter * perimeter))
        throw core::GeometryError("the polygon has no area: its points are on one line");
    // A site spans metres, over which k changes by well under 1 ppm: k at the centroid suffices.
    m.scale_factor = crs::grid_scale_factor(centroid);
    m.ground_value = m.grid_value / (m.scale_factor * m.scale_factor);
    if (!sigmas.empty())
        m.uncertainty = std::sqrt(propagate(grad, sigmas));
}

void measure_offset(Measurement& m, std::span<const double> sigmas) {
    const auto& v = m.vertices;
    if (v.size() != 3)
        throw core::UsageError("an offset needs exactly 3 points: two on the line (the wall), "
                               "then the point (how far it projects)");
    const Coord a = v[0], b = v[1], p = v[2];
    const double dx = b.x - a.x, dy = b.y - a.y, len = std::hypot(dx, dy);
    if (!(len > 0))
        throw core::GeometryError(
            "the offset's line has no direction: its two points are the same");
    const Coord n{-dy / len, dx / len}; // left normal of a -> b
    const double t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / (len * len);
    m.foot = {a.x + t * dx, a.y + t * dy};
    m.signed_grid_value = (p.x - a.x) * n.x + (p.y - a.y) * n.y;
    m.grid_value = std::abs(m.signed_grid_value);
    m.ground_value = crs::ground_distance(p, m.foot);
    m.scale_factor = m.ground_value > 0 ? m.grid_value / m.ground_value : crs::grid_scale_factor(p);
    if (!sigmas.empty()) {
        // d/dp = n, d/da = -(1 - t) n, d/db = -t n (moving the whole line by n moves it by 1).
        const std::vector<Coord> grad{
            {-(1 - t) * n.x, -(1 - t) * n.y}, {-t * n.x, -t * n.y}, {n.x, n.y}};
        m.uncertainty = std::sqrt(propagate(grad, sigmas));
    }
}

Measurement measure_with(MeasureKind kind, std::span<const Coord> vertices,
                         std::vector<double> sigmas) {
    Measurement m;
    m.kind = kind;
    m.vertices.assign(vertices.begin(), vertices.end());
    for (const auto& c : m.vertices)
        if (!std::isfinite(c.x) || !std::isfinite(c.y))
            throw core::UsageError("a measurement point is not a finite coordinate");
    if (kind == MeasureKind::Area && sigmas.size() == m.vertices.size() && m.vertices.size() >= 2 &&
        m.vertices.front() == m.vertices.back())
        sigmas.pop_back();
    switch (kind) {
    case MeasureKind::Length:
        measure_length(m, sigmas);
        break;
    case MeasureKind::Area:
        measure_area(m, sigmas);
        break;
    case MeasureKind::Offset:
        measure_offset(m, sigmas);
        break;
    }
    return m;
}

} // namespace

const char* to_string(MeasureKind kind) {
    switch (kind) {
    case MeasureKind::Length:
        return "length";
    case MeasureKind::Area:
        return "area";
    case MeasureKind::Offset:
        return "offset";
    }
    return "length";
}

Measurement measure(MeasureKind kind, std::span<const Coord> vertices, double vertex_sigma_m) {
    std::vector<double> sigmas;
    if (vertex_sigma_m > 0)
        sigmas.assign(vertices.size(), vertex_sigma_m);
    return measure_with(kind, vertices, std::move(sigmas));
}

Measurement measure_on_plan(MeasureKind kind, std::span<const Coord> plan_vertices,
                            const Calibration& calibration) {
    std::vector<Coord> en;
    std::vector<double> sigmas;
    for (const auto& p : plan_vertices) {
        en.push_back(calibration.transform.to_map(p));
        sigmas.push_back(point_sigma_m(calibration, p));
    }
    return measure_with(kind, en, std::move(sigmas));
}

core::Geometry measurement_geometry(const Measurement& m) {
    core::Geometry g;
    if (m.kind == MeasureKind::Area) {
        core::Path ring = m.vertices;
        ring.push_back(ring.front());
        g = core::Geometry::polygon(core::Polygon{{ring}});
    } else {
        // An offset is kept as its dimension line: what was measured, not the construction.
        g.type = core::GeometryType::LineString;
        g.lines.push_back(m.kind == MeasureKind::Offset ? core::Path{m.vertices.back(), m.foot}
                                                        : m.vertices);
    }
    return g;
}

} // namespace redline::analysis
