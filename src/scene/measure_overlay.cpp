#include "scene/measure_overlay.hpp"

#include "scene/finding.hpp"
#include "scene/overlay_style.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace redline::scene {

MeasureOverlay measure_overlay(const analysis::Measurement& m) {
    MeasureOverlay o;
    o.kind = m.kind;
    o.vertices = m.vertices;
    if (m.kind == analysis::MeasureKind::Offset)
        o.foot = m.foot;
    o.label = measurement_label(m);
    return o;
}

std::string measurement_label(const analysis::Measurement& m) {
    const bool area = m.kind == analysis::MeasureKind::Area;
    const char* unit = area ? "m2" : "m";
    const char* prefix = m.kind == analysis::MeasureKind::Offset ? "offset " : "";
    char buf[128];
    if (m.uncertainty)
        std::snprintf(buf, sizeof buf, "%s%.2f %s +/- %.2f %s", prefix, m.ground_value, unit,
                      *m.uncertainty, unit);
    else
        std::snprintf(buf, sizeof buf, "%s%.2f %s", prefix, m.ground_value, unit);
    return buf;
}

DrawList measure_draw_list(const MeasureOverlay& o) {
    DrawList d;
    const auto& v = o.vertices;
    auto add_line = [&](core::Path p) {
        for (const auto& c : p)
            d.extent.expand(c);
        d.lines.add(p, false);
        d.line_feature.push_back(0);
    };
    switch (o.kind) {
    case analysis::MeasureKind::Length:
        if (v.size() >= 2)
            add_line(v);
        break;
    case analysis::MeasureKind::Area:
        if (v.size() >= 3) {
            core::Path ring = v;
            ring.push_back(v.front());
            add_line(ring);
            triangulate(core::Polygon{{ring}}, d.fill);
            d.feature_of_triangle.assign(d.fill.indices.size() / 3, 0);
        } else if (v.size() == 2) {
            add_line(v);
        }
        break;
    case analysis::MeasureKind::Offset:
        if (v.size() >= 2)
            add_line({v[0], v[1]});
        if (v.size() >= 3 && o.foot) {
            add_line({v[2], *o.foot});
            core::Geometry dim;
            dim.lines.push_back({v[2], *o.foot});
            for (auto& t : dimension_ticks(dim, 0.6))
                add_line(std::move(t));
        }
        break;
    }
    const SymbolStyle mark = measurement_style().symbol;
    for (std::size_t i = 0; i < v.size(); ++i) {
        d.points.push_back({v[i], 0, mark});
        d.extent.expand(v[i]);
    }
    return d;
}

core::Coord measure_label_anchor(const MeasureOverlay& o) {
    const auto& v = o.vertices;
    if (v.empty())
        return {};
    if (o.kind == analysis::MeasureKind::Offset && v.size() >= 3 && o.foot)
        return {(v[2].x + o.foot->x) / 2, (v[2].y + o.foot->y) / 2};
    if (o.kind == analysis::MeasureKind::Area && v.size() >= 3) {
        core::Coord c{0, 0};
        for (const auto& p : v)
            c = {c.x + p.x / double(v.size()), c.y + p.y / double(v.size())};
        return c;
    }
    std::size_t best = 0;
    double best_len = -1;
    for (std::size_t i = 0; i + 1 < v.size(); ++i) {
        const double len = std::hypot(v[i + 1].x - v[i].x, v[i + 1].y - v[i].y);
        if (len > best_len) {
            best_len = len;
            best = i;
        }
    }
    if (v.size() < 2)
        return v.front();
    return {(v[best].x + v[best + 1].x) / 2, (v[best].y + v[best + 1].y) / 2};
}

} // namespace redline::scene
