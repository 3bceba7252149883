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
