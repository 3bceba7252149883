// Furniture of the map exhibit: BNG grid ticks with coordinates, scale bar, north arrow, legend.
#include "print/pack_page.hpp"
#include "print/scene_painter.hpp"
#include "scene/legend.hpp"
#include "scene/overlay_style.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace redline::print::detail {
namespace {

constexpr scene::Rgba k_black{0, 0, 0, 1};
constexpr scene::Rgba k_white{1, 1, 1, 1};
constexpr scene::Rgba k_grid{0.35f, 0.35f, 0.35f, 0.9f};

std::string metres(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
}

} // namespace

void draw_grid_ticks(Painter& p, const MapFrame& frame) {
    const RectMm r = frame.rect();
    const double interval = frame.grid_interval_m();
    const double out = 2.0, in = 1.5, cross = 1.5;
    p.set_dash_mm(0, 0);
    p.set_round_joins(false);

    // Grid crosses inside the map at every intersection, so that a grid reference can be read
    // anywhere on the sheet.
    p.save();
    p.new_path();
    p.rectangle(r);
    p.clip();
    p.set_colour(k_grid);
    p.set_line_width_mm(0.15);
    p.new_path();
    for (double e : frame.grid_eastings(interval))
        for (double n : frame.grid_northings(interval)) {
            const PaperPoint q = frame.to_paper({e, n});
            p.move_to({q.x - cross, q.y});
            p.line_to({q.x + cross, q.y});
            p.move_to({q.x, q.y - cross});
            p.line_to({q.x, q.y + cross});
        }
    p.stroke();
    p.restore();

    p.set_colour(k_black);
    p.set_line_width_mm(0.2);
    p.new_path();
    for (double e : frame.grid_eastings(interval)) {
        const double x = frame.to_paper({e, 0}).x;
        p.move_to({x, r.y - out});
        p.line_to({x, r.y + in});
        p.move_to({x, r.bottom() - in});
        p.line_to({x, r.bottom() + out});
    }
    for (double n : frame.grid_northings(interval)) {
        const double y = frame.to_paper({0, n}).y;
        p.move_to({r.x - out, y});
        p.line_to({r.x + in, y});
        p.move_to({r.right() - in, y});
        p.line_to({r.right() + out, y});
    }
    p.stroke();

    // The frame itself.
    p.set_line_width_mm(0.35);
    p.new_path();
    p.rectangle(r);
    p.stroke();

    // Full eastings above and below, full northings rotated along the left and right edges.
    p.set_font(FontFace::Sans, 6);
    for (double e : frame.grid_eastings(interval)) {
        const double x = frame.to_paper({e, 0}).x;
        p.text(x, r.y - out - 0.8, metres(e) + "E", Align::Centre);
        p.text(x, r.bottom() + out + 2.4, metres(e) + "E", Align::Centre);
    }
    for (double n : frame.grid_northings(interval)) {
        const double y = frame.to_paper({0, n}).y;
        p.save();
        p.translate(r.x - out - 0.8, y);
        p.rotate(-90);
        p.text(0, 0, metres(n) + "N", Align::Centre);
        p.restore();
        p.save();
        p.translate(r.right() + out + 0.8, y);
        p.rotate(90);
        p.text(0, 0, metres(n) + "N", Align::Centre);
        p.restore();
    }
}

double draw_scale_bar(Painter& p, PaperPoint o, const PrintScaleBar& bar) {
    // Layout (mm below o.y): labels' baseline at 2.5, ticks from 3.5 to 5.5, the bar from 5.5 to
    // 7.5. Ticks mark every segment; the bar alternates black and white with a line along its
    // top and bottom only, so that each segment's ends are sharp edges a test can measure.
    const double tick_top = o.y + 3.5, bar_top = o.y + 5.5, bar_h = 2.0;
    const double seg = bar.length_mm / bar.segments;
    p.set_dash_mm(0, 0);
    p.set_round_joins(false);
    for (int i = 0; i < bar.segments; ++i) {
        p.set_colour(i % 2 == 0 ? k_black : k_white);
        p.new_path();
        p.rectangle({o.x + seg * i, bar_top, seg, bar_h});
        p.fill();
    }
    p.set_colour(k_black);
    p.set_line_width_mm(0.2);
    p.new_path();
    p.move_to({o.x, bar_top});
    p.line_to({o.x + bar.length_mm, bar_top});
    p.move_to({o.x, bar_top + bar_h});
    p.line_to({o.x + bar.length_mm, bar_top + bar_h});
    for (int i = 0; i <= bar.segments; ++i) {
        p.move_to({o.x + seg * i, tick_top});
        p.line_to({o.x + seg * i, bar_top});
    }
    p.stroke();
    p.set_font(FontFace::Sans, 7);
    p.text(o.x, o.y + 2.5, "0", Align::Centre);
    p.text(o.x + bar.length_mm, o.y + 2.5, bar.label, Align::Centre);
    return 7.5;
}

void draw_north_arrow(Painter& p, PaperPoint c, double h) {
    // Grid north is up on every Redline map: the arrow is vertical by construction.
    const double top = c.y - h / 2 + 4, bottom = c.y + h / 2 - 2, half = h * 0.18;
    p.set_dash_mm(0, 0);
    p.set_round_joins(false);
    p.set_colour(k_black);
    p.new_path();
    p.move_to({c.x, top});
    p.line_to({c.x - half, bottom});
    p.line_to({c.x, bottom - h * 0.15});
    p.close_path();
    p.fill();
    p.new_path();
    p.move_to({c.x, top});
    p.line_to({c.x, bottom - h * 0.15});
    p.line_to({c.x + half, bottom});
    p.close_path();
    p.set_colour(k_white);
    p.fill(true);
    p.set_colour(k_black);
    p.set_line_width_mm(0.2);
    p.stroke();
    p.set_font(FontFace::SansBold, 9);
    p.text(c.x, top - 1, "N", Align::Centre);
}

void draw_legend(Painter& p, const EvidencePack& pack, const RectMm& box) {
    struct Row {
        std::string label;
        SwatchShape shape;
        scene::Style style;
        double opacity;
        int indent;
    };
    std::vector<Row> rows;
    // One row per role (the style is the role's), naming the layers drawn with it.
    std::vector<std::pair<core::Role, std::vector<std::string>>> by_role;
    for (const auto& e : scene::build_legend(pack.map)) {
        const scene::MapLayer* layer = pack.map.find(e.layer);
        if (!layer)
            continue;
        const SwatchShape shape = e.kind == scene::SwatchKind::Area   ? SwatchShape::Area
                                  : e.kind == scene::SwatchKind::Line ? SwatchShape::Line
                                                                      : SwatchShape::Symbol;
        if (e.indent > 0) {
            // Complaint classes: only those drawn on this map.
            bool drawn = false;
            for (const auto& pt : layer->draw_list().points)
                drawn = drawn || (pt.style.fill == e.style.symbol.fill &&
                                  pt.style.size_px == e.style.symbol.size_px &&
                                  pt.style.outline_px == e.style.symbol.outline_px);
            if (drawn)
                rows.push_back({"complaint, " + e.label, shape, e.style, e.opacity, 0});
            continue;
        }
        if (layer->role() == core::Role::Complaint)
            continue;
        auto it = std::find_if(by_role.begin(), by_role.end(),
                               [&](const auto& r) { return r.first == layer->role(); });
        if (it == by_role.end()) {
            by_role.push_back({layer->role(), {e.layer}});
            rows.push_back({"", shape, e.style, e.opacity, 0});
        } else {
            it->second.push_back(e.layer);
        }
    }
    std::size_t role_row = 0;
    for (auto& row : rows) {
        if (!row.label.empty())
            continue;
        const auto& [role, names] = by_role[role_row++];
        std::string list;
        for (const auto& n : names)
            list += (list.empty() ? "" : ", ") + n;
        row.label = scene::role_label(role) + ": " + list;
    }
    if (!pack.findings.empty())
        rows.push_back({"Finding of the breach check (F1...)", SwatchShape::Area,
                        scene::finding_style(), 1.0, 0});
    if (!pack.measurements.empty())
        rows.push_back(
            {"Saved measurement (M1...)", SwatchShape::Line, scene::measurement_style(), 1.0, 0});

    p.set_colour(k_ink);
    p.set_font(FontFace::SansBold, 8);
    p.text(box.x, box.y + 3, "Legend");
    const double row_h = 3.8, top = box.y + 5;
    const int per_col = std::max(1, int((box.bottom() - top) / row_h));
    const int cols = std::max(1, int(box.w / 55));
    const double col_w = box.w / cols;
    const std::size_t capacity = std::size_t(per_col) * cols;
    for (std::size_t i = 0; i < rows.size() && i < capacity; ++i) {
        const int c = int(i) / per_col, r = int(i) % per_col;
        const double x = box.x + c * col_w, y = top + r * row_h;
        const bool last = i + 1 == capacity && rows.size() > capacity;
        p.set_colour(k_ink);
        p.set_font(FontFace::Sans, 6.5);
        if (last) {
            p.text(x, y + 2.6, "... and " + std::to_string(rows.size() - i) + " more");
            break;
        }
        paint_swatch(p, {x + 0.5, y + 0.4, 6, 2.8}, rows[i].shape, rows[i].style, rows[i].opacity);
        p.set_colour(k_ink);
        p.set_font(FontFace::Sans, 6.5);
        auto lines = p.wrap(rows[i].label, col_w - 9.5);
        std::string text = lines.empty() ? "" : lines[0];
        if (lines.size() > 1)
            text += "...";
        p.text(x + 8, y + 2.6, text);
    }
}

} // namespace redline::print::detail
