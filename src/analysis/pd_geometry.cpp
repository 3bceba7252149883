// Permitted-development geometry: breach-rules.md section 3. The GPDO measures extensions from
// the walls of the *original* house (as built, or as it stood on 1 July 1948); the baseline survey
// stands in for it. Depth is measured along the normal of the plot's front edge - the side facing
// the highway - which measures a rectangular plan exactly and an irregular one conservatively
// (vertex extremes along each axis). It is a screening measure: an officer confirms on site.
#include "analysis/pd_geometry.hpp"

#include "geom/measure.hpp"
#include "geom/overlay.hpp"
#include "geom/prepared.hpp"

#include <cmath>
#include <limits>

namespace redline::analysis::detail {
namespace {

double dot(core::Coord a, core::Coord b) {
    return a.x * b.x + a.y * b.y;
}

std::optional<std::size_t> original_house(const Model& m, std::size_t c) {
    const geom::PreparedShape curtilage(m.curtilages.shape[c]);
    std::optional<std::size_t> best;
    for (const auto b : m.baseline.near(m.curtilages.env[c])) {
        const double a = m.baseline.area_m2[b];
        if (a <= 0)
            continue;
        if (curtilage.overlap_area(m.baseline.shape[b]) < 0.5 * a)
            continue;
        if (!best || a > m.baseline.area_m2[*best])
            best = b;
    }
    return best;
}

bool is_detached(const Model& m, std::size_t house) {
    const double r = m.params.detached_distance_m;
    for (const auto b : m.baseline.near(m.baseline.env[house], r))
        if (b != house && geom::distance(m.baseline.shape[b], m.baseline.shape[house]) <= r)
            return false;
    return true;
}

/// The outer ring of the curtilage's largest polygon.
core::Path outer_ring(const geom::Shape& s) {
    const auto g = s.to_geometry();
    const core::Polygon* best = nullptr;
    double best_area = -1;
    for (const auto& p : g.polygons) {
        if (p.rings.empty())
            continue;
        const double a = std::abs(core::signed_ring_area(p.rings[0]));
        if (a > best_area) {
            best_area = a;
            best = &p;
        }
    }
    return best ? best->rings[0] : core::Path{};
}

void set_axes(const Model& m, std::size_t c, Plot& plot) {
    if (!m.highways.present()) {
        plot.axes_note = "no highway layer";
        return;
    }
    const auto ring = outer_ring(m.curtilages.shape[c]);
    if (ring.size() < 4) {
        plot.axes_note = "curtilage has no outer ring";
        return;
    }
    std::vector<std::size_t> roads;
    for (const double margin : {50.0, 250.0, 1000.0}) {
        roads = m.highways.near(m.curtilages.env[c], margin);
        if (!roads.empty())
            break;
    }
    if (roads.empty()) {
        plot.axes_note = "no highway within 1 km of the curtilage";
        return;
    }
    double best_d = std::numeric_limits<double>::infinity();
    double best_len = 0;
    core::Coord best_dir{};
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const core::Coord a = ring[i], b = ring[i + 1];
        const double len = std::hypot(b.x - a.x, b.y - a.y);
        if (len < 1e-6)
            continue;
        const geom::Shape mid = geom::make_point({(a.x + b.x) / 2, (a.y + b.y) / 2});
        double d = std::numeric_limits<double>::infinity();
        for (const auto r : roads)
            d = std::min(d, geom::distance(mid, m.highways.shape[r]));
        // Closest midpoint wins; on a tie (within a micrometre) the longer edge.
        if (d < best_d - 1e-6 || (std::abs(d - best_d) <= 1e-6 && len > best_len)) {
            best_d = d;
            best_len = len;
            best_dir = {(b.x - a.x) / len, (b.y - a.y) / len};
        }
    }
    // The interior lies left of each edge of a counter-clockwise ring.
    const bool ccw = core::signed_ring_area(ring) > 0;
    const core::Coord left{-best_dir.y, best_dir.x};
    plot.u = ccw ? left : core::Coord{-left.x, -left.y};
    plot.w = {-plot.u.y, plot.u.x};
    plot.has_axes = true;
}

} // namespace

Plot make_plot(const Model& m, std::size_t c) {
    Plot plot;
    plot.origin = m.curtilages.shape[c].centroid();
    plot.house = original_house(m, c);
    if (plot.house)
        plot.detached = is_detached(m, *plot.house);
    set_axes(m, c, plot);
    return plot;
}

Extent extent_along(const geom::Shape& s, core::Coord origin, core::Coord axis) {
    Extent e{std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
    for (const auto& v : s.vertices()) {
        const double t = dot({v.x - origin.x, v.y - origin.y}, axis);
        e.min = std::min(e.min, t);
        e.max = std::max(e.max, t);
    }
    return e;
}

PdMeasures pd_measures(const Plot& plot, const geom::Shape& house, const geom::Shape& extension) {
    PdMeasures out;
    out.house_u = extent_along(house, plot.origin, plot.u);
    out.house_w = extent_along(house, plot.origin, plot.w);
    out.ext_u = extent_along(extension, plot.origin, plot.u);
    out.ext_w = extent_along(extension, plot.origin, plot.w);
    out.rear_depth = out.ext_u.max - out.house_u.max;
    out.forward = out.house_u.min - out.ext_u.min;
    const double beyond_max = out.ext_w.max - out.house_w.max;
    const double beyond_min = out.house_w.min - out.ext_w.min;
    out.side_is_max = beyond_max >= beyond_min;
    out.side = std::max({beyond_max, beyond_min, 0.0});
    out.house_width = out.house_w.max - out.house_w.min;
    return out;
}

core::Coord from_local(const Plot& plot, double u, double w) {
    return {plot.origin.x + u * plot.u.x + w * plot.w.x,
            plot.origin.y + u * plot.u.y + w * plot.w.y};
}

} // namespace redline::analysis::detail
