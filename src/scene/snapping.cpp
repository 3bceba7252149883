#include "scene/snapping.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace redline::scene {

core::Coord nearest_on_segment(core::Coord p, core::Coord a, core::Coord b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    const double t =
        len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    return {a.x + t * dx, a.y + t * dy};
}

namespace {

double distance(core::Coord a, core::Coord b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

/// Best candidate so far of one kind.
struct Best {
    double d = std::numeric_limits<double>::infinity();
    core::Coord at;
    std::optional<FeatureRef> ref;
    void offer(core::Coord c, double dist, const FeatureRef& r) {
        if (dist < d) {
            d = dist;
            at = c;
            ref = r;
        }
    }
};

void visit_path(const core::Path& path, core::Coord p, const FeatureRef& ref, Best& vertex,
                Best& edge) {
    for (std::size_t i = 0; i < path.size(); ++i) {
        vertex.offer(path[i], distance(path[i], p), ref);
        if (i > 0) {
            const core::Coord q = nearest_on_segment(p, path[i - 1], path[i]);
            edge.offer(q, distance(q, p), ref);
        }
    }
}

} // namespace

SnapResult snap(const Scene& scene, core::Coord at, double tolerance_m) {
    Best vertex, edge;
    for (const MapLayer& layer : scene.layers()) {
        if (!layer.visible || layer.opacity <= 0)
            continue;
        const auto& features = layer.data().features;
        for (std::size_t i = 0; i < features.size(); ++i) {
            const core::Geometry& g = features[i].geometry;
            const core::Envelope e = g.envelope();
            // Cheap rejection first: most features of a city are far from the click.
            if (e.empty() || at.x < e.min_x - tolerance_m || at.x > e.max_x + tolerance_m ||
                at.y < e.min_y - tolerance_m || at.y > e.max_y + tolerance_m)
                continue;
            const FeatureRef ref{layer.name(), i};
            for (const core::Coord& c : g.points)
                vertex.offer(c, distance(c, at), ref);
            for (const core::Path& l : g.lines)
                visit_path(l, at, ref, vertex, edge);
            for (const core::Polygon& poly : g.polygons)
                for (const core::Path& r : poly.rings)
                    visit_path(r, at, ref, vertex, edge);
        }
    }
    SnapResult out;
    out.at = at;
    if (vertex.d <= tolerance_m) {
        out = {vertex.at, SnapKind::Vertex, vertex.ref, vertex.d};
    } else if (edge.d <= tolerance_m) {
        out = {edge.at, SnapKind::Edge, edge.ref, edge.d};
    }
    return out;
}

SnapResult snap(const Scene& scene, const Viewport& view, ScreenPoint p, double tolerance_px) {
    const double mpp = view.metres_per_px();
    SnapResult r = snap(scene, view.to_world(p), tolerance_px * mpp);
    r.distance_px = mpp > 0 ? r.distance_px / mpp : 0;
    return r;
}

} // namespace redline::scene
