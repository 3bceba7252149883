#include "scene/finding.hpp"

#include <cmath>
#include <cstdio>

namespace redline::scene {

std::string finding_label(const Finding& f) {
    if (!f.annotation_text.empty())
        return f.annotation_text;
    if (f.value) {
        char buf[128];
        if (f.limit)
            std::snprintf(buf, sizeof buf, "%.1f %s, limit %.1f %s", *f.value, f.unit.c_str(),
                          *f.limit, f.unit.c_str());
        else
            std::snprintf(buf, sizeof buf, "%.1f %s", *f.value, f.unit.c_str());
        return buf;
    }
    return f.code;
}

Style finding_style() {
    Style s;
    s.fill.enabled = true;
    s.fill.colour = {0.85f, 0.0f, 0.65f, 0.22f};
    s.stroke.enabled = true;
    s.stroke.colour = {0.80f, 0.0f, 0.60f, 1.0f};
    s.stroke.width_px = 3;
    s.symbol.shape = SymbolShape::Diamond;
    s.symbol.size_px = 14;
    s.symbol.fill = {0.85f, 0.0f, 0.65f, 1.0f};
    s.symbol.outline = {1, 1, 1, 1};
    s.symbol.outline_px = 2;
    return s;
}

std::vector<core::Path> dimension_ticks(const core::Geometry& annotation, double tick_m) {
    std::vector<core::Path> out;
    for (const core::Path& line : annotation.lines) {
        if (line.size() < 2)
            continue;
        const core::Coord a = line.front(), b = line.back();
        const double dx = b.x - a.x, dy = b.y - a.y, len = std::hypot(dx, dy);
        if (len <= 0)
            continue;
        const double nx = -dy / len * tick_m / 2, ny = dx / len * tick_m / 2;
        for (const core::Coord& c : {a, b})
            out.push_back({{c.x - nx, c.y - ny}, {c.x + nx, c.y + ny}});
    }
    return out;
}

DrawList finding_draw_list(const Finding& f) {
    core::LayerData d;
    d.name = "finding";
    core::Feature geom;
    geom.geometry = f.geometry;
    d.features.push_back(geom);
    core::Feature dim;
    dim.geometry.type = core::GeometryType::LineString;
    dim.geometry.lines = f.annotation.lines;
    for (auto& t : dimension_ticks(f.annotation, 1.0))
        dim.geometry.lines.push_back(std::move(t));
    dim.geometry.points = f.annotation.points;
    d.features.push_back(dim);
    DrawList list = build_draw_list(d, core::Role::Building, core::Date::today());
    const SymbolStyle sym = finding_style().symbol;
    for (auto& p : list.points)
        p.style = sym;
    return list;
}

} // namespace redline::scene
