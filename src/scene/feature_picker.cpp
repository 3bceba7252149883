#include "scene/feature_picker.hpp"

#include <algorithm>
#include <cmath>

namespace redline::scene {

double segment_distance(core::Coord p, core::Coord a, core::Coord b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

bool polygon_contains(const core::Polygon& poly, core::Coord p) {
    bool inside = false;
    for (const core::Path& ring : poly.rings) {
        for (std::size_t i = 0, j = ring.size() ? ring.size() - 1 : 0; i < ring.size(); j = i++) {
            const core::Coord a = ring[i], b = ring[j];
            if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
                inside = !inside;
        }
    }
    return inside;
}

namespace {

double path_distance(const core::Path& path, core::Coord p) {
    double d = std::numeric_limits<double>::infinity();
    for (std::size_t i = 1; i < path.size(); ++i)
        d = std::min(d, segment_distance(p, path[i - 1], path[i]));
    return d;
}

bool feature_hit(const MapLayer& layer, const core::Feature& f, std::size_t index, core::Coord at,
                 double tol_m, double metres_per_px) {
    const core::Geometry& g = f.geometry;
    for (const core::Coord& c : g.points) {
        double radius_px = layer.style.symbol.size_px / 2;
        for (const auto& s : layer.draw_list().points)
            if (s.feature == index)
                radius_px = s.style.size_px / 2;
        if (std::hypot(c.x - at.x, c.y - at.y) <= tol_m + radius_px * metres_per_px)
            return true;
    }
    for (const core::Path& l : g.lines)
        if (path_distance(l, at) <= tol_m)
            return true;
    for (const core::Polygon& poly : g.polygons) {
        if (polygon_contains(poly, at))
            return true;
        for (const core::Path& r : poly.rings)
            if (path_distance(r, at) <= tol_m)
                return true;
    }
    return false;
}

} // namespace

std::optional<FeatureRef> pick_feature(const Scene& scene, core::Coord at, double tolerance_m,
                                       double metres_per_px) {
    const auto& layers = scene.layers();
    const double reach = tolerance_m + 20 * metres_per_px;
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
        if (!it->visible || it->opacity <= 0)
            continue;
        const auto& features = it->data().features;
        // Later features are drawn over earlier ones: test them first.
        for (std::size_t i = features.size(); i-- > 0;) {
            const core::Envelope e = features[i].geometry.envelope();
            if (e.empty() || at.x < e.min_x - reach || at.x > e.max_x + reach ||
                at.y < e.min_y - reach || at.y > e.max_y + reach)
                continue;
            if (feature_hit(*it, features[i], i, at, tolerance_m, metres_per_px))
                return FeatureRef{it->name(), i};
        }
    }
    return std::nullopt;
}

std::optional<FeatureRef> pick_feature(const Scene& scene, const Viewport& view, ScreenPoint p,
                                       double tolerance_px) {
    return pick_feature(scene, view.to_world(p), tolerance_px * view.metres_per_px(),
                        view.metres_per_px());
}

} // namespace redline::scene
