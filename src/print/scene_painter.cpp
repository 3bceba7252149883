#include "print/scene_painter.hpp"

#include <algorithm>
#include <cmath>

namespace redline::print {
namespace {

constexpr double k_px = k_mm_per_style_px;

void ring_path(Painter& p, const core::Path& ring, const MapFrame& frame) {
    if (ring.size() < 3)
        return;
    p.move_to(frame.to_paper(ring.front()));
    for (std::size_t i = 1; i < ring.size(); ++i)
        p.line_to(frame.to_paper(ring[i]));
    p.close_path();
}

void line_path(Painter& p, const core::Path& line, const MapFrame& frame) {
    if (line.size() < 2)
        return;
    p.move_to(frame.to_paper(line.front()));
    for (std::size_t i = 1; i < line.size(); ++i)
        p.line_to(frame.to_paper(line[i]));
}

/// Hatch lines across a paper box, fixed to the page like the screen's hatch is fixed to the
/// screen: lines at `angle_deg` counter-clockwise from east, `spacing_mm` apart, phase zero at
/// the page origin so that neighbouring polygons' hatches line up.
void hatch_lines(Painter& p, const core::Envelope& box, const scene::FillStyle& f, double opacity) {
    const double spacing = f.hatch_spacing_px * k_px;
    const double a = f.hatch_angle_deg * M_PI / 180.0;
    const double dx = std::cos(a), dy = -std::sin(a); // along the lines (page y is down)
    const double nx = -dy, ny = dx;                   // across them
    double lo = 1e300, hi = -1e300;
    for (double x : {box.min_x, box.max_x})
        for (double y : {box.min_y, box.max_y}) {
            lo = std::min(lo, x * nx + y * ny);
            hi = std::max(hi, x * nx + y * ny);
        }
    const double reach = box.width() + box.height() + 1;
    const core::Coord mid = box.centre();
    const double mid_along = mid.x * dx + mid.y * dy;
    p.set_colour(f.hatch_colour, opacity);
    p.set_line_width_mm(std::max(0.1, f.hatch_width_px * k_px));
    p.set_dash_mm(0, 0);
    p.new_path();
    for (double k = std::ceil(lo / spacing); k * spacing <= hi; k += 1) {
        const double s = k * spacing;
        const double cx = s * nx + mid_along * dx, cy = s * ny + mid_along * dy;
        p.move_to({cx - reach * dx, cy - reach * dy});
        p.line_to({cx + reach * dx, cy + reach * dy});
    }
    p.stroke();
}

void fill_polygon(Painter& p, const core::Polygon& poly, const scene::FillStyle& f,
                  const MapFrame& frame, double opacity) {
    p.new_path();
    core::Envelope box;
    for (const auto& ring : poly.rings) {
        ring_path(p, ring, frame);
        for (const auto& c : ring) {
            const PaperPoint q = frame.to_paper(c);
            box.expand(core::Coord{q.x, q.y});
        }
    }
    p.set_even_odd(true);
    p.set_colour(f.colour, opacity);
    if (f.hatch_spacing_px <= 0) {
        p.fill();
        return;
    }
    p.fill(true);
    p.save();
    p.clip();
    hatch_lines(p, box, f, opacity);
    p.restore();
}

void set_stroke(Painter& p, const scene::StrokeStyle& s, double opacity) {
    p.set_colour(s.colour, opacity);
    p.set_line_width_mm(std::max(0.1, s.width_px * k_px));
    p.set_dash_mm(s.dash_px * k_px, s.gap_px * k_px);
    p.set_round_joins(true);
}

} // namespace

void paint_symbol(Painter& p, PaperPoint at, const scene::SymbolStyle& s, double opacity) {
    // The screen's symbol shader paints the outline inside the shape's edge; stroking a path
    // inset by half the outline width puts the outline's outer edge on the same radius.
    const double r = 0.5 * s.size_px * k_px;
    const double w = s.outline_px * k_px;
    const double ri = std::max(0.01, r - w / 2);
    p.new_path();
    switch (s.shape) {
    case scene::SymbolShape::Circle:
        p.circle(at, ri);
        break;
    case scene::SymbolShape::Square: {
        const double h = ri * 0.85;
        p.rectangle({at.x - h, at.y - h, 2 * h, 2 * h});
        break;
    }
    case scene::SymbolShape::Triangle:
        p.move_to({at.x, at.y - ri});
        p.line_to({at.x + ri * 0.866025, at.y + ri * 0.5});
        p.line_to({at.x - ri * 0.866025, at.y + ri * 0.5});
        p.close_path();
        break;
    case scene::SymbolShape::Diamond: {
        const double h = ri * 0.8 / 0.707107;
        p.move_to({at.x, at.y - h});
        p.line_to({at.x + h, at.y});
        p.line_to({at.x, at.y + h});
        p.line_to({at.x - h, at.y});
        p.close_path();
        break;
    }
    }
    p.set_colour(s.fill, opacity);
    p.fill(true);
    p.set_colour(s.outline, opacity);
    p.set_line_width_mm(w);
    p.set_dash_mm(0, 0);
    p.set_round_joins(false);
    p.stroke();
}

void paint_geometry(Painter& p, const core::Geometry& g, const scene::Style& style,
                    const MapFrame& frame, double opacity) {
    if (style.fill.enabled)
        for (const auto& poly : g.polygons)
            fill_polygon(p, poly, style.fill, frame, opacity);
    if (style.stroke.enabled) {
        set_stroke(p, style.stroke, opacity);
        p.new_path();
        for (const auto& poly : g.polygons)
            for (const auto& ring : poly.rings)
                ring_path(p, ring, frame);
        for (const auto& line : g.lines)
            line_path(p, line, frame);
        p.stroke();
    }
    for (const auto& c : g.points)
        paint_symbol(p, frame.to_paper(c), style.symbol, opacity);
}

void paint_layer(Painter& p, const scene::MapLayer& layer, const MapFrame& frame) {
    if (!layer.visible || layer.opacity <= 0)
        return;
    const core::Envelope view = frame.ground_bounds();
    const double opacity = layer.opacity;
    const scene::Style& style = layer.style;
    if (style.fill.enabled) {
        for (const auto& f : layer.data().features) {
            if (f.geometry.polygons.empty() || !f.geometry.envelope().intersects(view))
                continue;
            for (const auto& poly : f.geometry.polygons)
                fill_polygon(p, poly, style.fill, frame, opacity);
        }
    }
    const scene::DrawList& d = layer.draw_list();
    if (style.stroke.enabled && !d.lines.empty()) {
        set_stroke(p, style.stroke, opacity);
        // From the features' own double coordinates (the draw list's outlines are floats for the
        // screen). One path per ring or line so that each dash pattern starts at its line's first
        // vertex, as on screen.
        auto stroke = [&](const core::Path& line, bool close) {
            if (line.size() < 2)
                return;
            p.new_path();
            line_path(p, line, frame);
            if (close && !(line.front() == line.back()))
                p.line_to(frame.to_paper(line.front()));
            p.stroke();
        };
        for (const auto& f : layer.data().features) {
            if (!f.geometry.envelope().intersects(view))
                continue;
            for (const auto& poly : f.geometry.polygons)
                for (const auto& ring : poly.rings)
                    stroke(ring, true);
            for (const auto& line : f.geometry.lines)
                stroke(line, false);
        }
    }
    for (const auto& sym : d.points)
        if (view.intersects(core::Envelope{sym.at.x, sym.at.y, sym.at.x, sym.at.y}))
            paint_symbol(p, frame.to_paper(sym.at), sym.style, opacity);
}

void paint_scene(Painter& p, const scene::Scene& scene, const MapFrame& frame) {
    p.save();
    p.new_path();
    p.rectangle(frame.rect());
    p.clip();
    for (const auto& layer : scene.layers())
        paint_layer(p, layer, frame);
    p.restore();
}

void paint_swatch(Painter& p, const RectMm& box, SwatchShape kind, const scene::Style& style,
                  double opacity) {
    switch (kind) {
    case SwatchShape::Area: {
        core::Polygon poly;
        // A swatch is drawn through a 1:1000 frame anchored on the box so that the same
        // polygon code (tint, hatch, outline) draws it.
        const MapFrame unit(box, {box.w / 2, -box.h / 2}, 1000);
        poly.rings.push_back({{0, 0}, {box.w, 0}, {box.w, -box.h}, {0, -box.h}, {0, 0}});
        core::Geometry g = core::Geometry::polygon(poly);
        paint_geometry(p, g, style, unit, opacity);
        break;
    }
    case SwatchShape::Line: {
        set_stroke(p, style.stroke, opacity);
        p.new_path();
        p.move_to({box.x, box.y + box.h / 2});
        p.line_to({box.right(), box.y + box.h / 2});
        p.stroke();
        break;
    }
    case SwatchShape::Symbol:
        paint_symbol(p, {box.x + box.w / 2, box.y + box.h / 2}, style.symbol, opacity);
        break;
    }
}

} // namespace redline::print
