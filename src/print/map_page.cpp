// The map exhibit: the scene at the stated scale in a gridded frame, with the findings,
// measurements and complaints over it, and the furniture a court expects (scale bar, stated
// scale, north arrow, legend, attributions) in a panel underneath.
#include "print/basemap_painter.hpp"
#include "print/pack_page.hpp"
#include "print/plan_painter.hpp"
#include "print/scene_painter.hpp"
#include "scene/overlay_style.hpp"

#include <algorithm>
#include <cstdio>

namespace redline::print {
namespace {

constexpr double k_label_band_mm = 7; ///< grid coordinates outside the frame
constexpr double k_panel_mm = 50;     ///< furniture panel under the map
constexpr double k_body_top_mm = detail::k_margin_mm + 9;
constexpr double k_footer_mm = 8;

/// A short label with a white box behind it so that it reads over any fill.
void map_label(Painter& p, PaperPoint at, const std::string& text, const scene::Rgba& ink) {
    p.set_font(FontFace::SansBold, 6.5);
    const double w = p.text_width_mm(text);
    p.set_colour({1, 1, 1, 0.85f});
    p.new_path();
    p.rectangle({at.x - 0.6, at.y - 2.4, w + 1.2, 3.0});
    p.fill();
    p.set_colour(ink);
    p.text(at.x, at.y, text);
}

PaperPoint label_anchor(const core::Geometry& g, const MapFrame& frame) {
    const core::Envelope e = g.envelope();
    const PaperPoint q = frame.to_paper({e.max_x, e.max_y});
    return {q.x + 1.0, q.y - 0.5};
}

} // namespace

RectMm map_frame_rect(Paper paper, Orientation orientation) {
    const PageSize s = page_size(paper, orientation);
    const double m = detail::k_margin_mm;
    const double x = m + k_label_band_mm;
    const double y = k_body_top_mm + k_label_band_mm;
    const double bottom = s.height_mm - m - k_footer_mm - k_panel_mm - k_label_band_mm;
    return {x, y, s.width_mm - 2 * x, bottom - y};
}

namespace detail {

void draw_map_page(Painter& p, const PageContext& ctx) {
    const EvidencePack& pack = ctx.pack;
    draw_page_chrome(p, ctx, "Map exhibit " + pack.exhibit);
    const RectMm rect = map_frame_rect(pack.paper, pack.orientation);
    const MapFrame frame(rect, pack.site.empty() ? core::Coord{} : pack.site.centre(), pack.scale);

    // Basemaps first, bottom first, clipped to the frame: the layers are drawn over them, as in
    // the viewer.
    if (!pack.basemaps.empty()) {
        p.save();
        p.new_path();
        p.rectangle(rect);
        p.clip();
        for (const auto& basemap : pack.basemaps)
            paint_basemap(p, basemap, frame);
        p.restore();
    }

    // The layers, exactly as the viewer draws them.
    paint_scene(p, pack.map, frame);

    // Overlays, clipped to the frame like the layers.
    p.save();
    p.new_path();
    p.rectangle(rect);
    p.clip();
    // Calibrated plans first, multiplied onto the layers, so the findings and measurements
    // stay on top of them.
    for (const auto& plan : pack.plans)
        paint_plan(p, plan, frame);
    const scene::Style finding = scene::finding_style();
    scene::Style dimension;
    dimension.stroke = scene::finding_dimension_style();
    dimension.symbol = finding.symbol;
    for (const auto& f : pack.findings) {
        paint_geometry(p, f.geometry, finding, frame);
        paint_geometry(p, f.annotation, dimension, frame);
    }
    const scene::Style measure = scene::measurement_style();
    for (const auto& m : pack.measurements) {
        paint_geometry(p, m.geometry, measure, frame);
        for (const auto& line : m.geometry.lines)
            for (const auto& c : line)
                paint_symbol(p, frame.to_paper(c), measure.symbol);
    }
    const scene::Rgba ink{0.1f, 0.1f, 0.1f, 1};
    for (const auto& f : pack.findings) {
        const auto& g = f.annotation.empty() ? f.geometry : f.annotation;
        if (!g.empty())
            map_label(p, label_anchor(g, frame), f.label, finding.stroke.colour);
    }
    for (const auto& m : pack.measurements)
        if (!m.geometry.empty())
            map_label(p, label_anchor(m.geometry, frame), m.label, measure.stroke.colour);
    for (const auto& c : pack.complaints) {
        const PaperPoint q = frame.to_paper(c.location);
        map_label(p, {q.x + 2.5, q.y + 1}, c.reference, ink);
    }
    p.restore();

    draw_grid_ticks(p, frame);

    // The panel: stated scale, scale bar and north arrow on the left, legend on the right,
    // attributions along the bottom.
    const PageSize size = ctx.size;
    const double m = k_margin_mm;
    const double top = rect.bottom() + k_label_band_mm + 1;
    const double bottom = size.height_mm - m - k_footer_mm;
    p.set_colour(k_ink);
    p.set_font(FontFace::SansBold, 11);
    const std::string stated = format_scale_text(pack.scale) + " at " + to_string(pack.paper);
    p.text(m, top + 4.5, "Scale " + stated);
    p.set_font(FontFace::Sans, 6.5);
    p.text(m, top + 8.5,
           std::string(to_string(pack.orientation)) + ", printed at 100% (actual size)");
    const PrintScaleBar bar = choose_print_scale_bar(pack.scale, 45);
    draw_scale_bar(p, {m + 2, top + 10.5}, bar);
    p.set_colour(k_ink);
    p.set_font(FontFace::Sans, 6.5);
    char grid[96];
    std::snprintf(grid, sizeof grid, "ticks every %g m; grid north is up", frame.grid_interval_m());
    p.text(m, top + 22, "British National Grid (EPSG:27700)");
    p.text(m, top + 25.5, grid);
    double note_y = top + 29;
    for (const auto& note : pack.map_notes)
        for (const auto& line : p.wrap(note, 60)) {
            p.text(m, note_y, line);
            note_y += 3;
        }
    draw_north_arrow(p, {m + 56, top + 12}, 16);

    // Attributions wrap in full: a licence statement must not be cut short.
    const double attrib_w = size.width_mm - 2 * m - 66;
    p.set_font(FontFace::Sans, 5.5);
    std::vector<std::string> attrib;
    for (const auto& a : pack.attributions)
        for (const auto& line : p.wrap(a, attrib_w))
            attrib.push_back(line);
    const double attrib_h = 2.5 * double(attrib.size()) + 1;
    draw_legend(p, pack, {m + 66, top, attrib_w, bottom - top - attrib_h - 1});
    p.set_colour(k_ink);
    p.set_font(FontFace::Sans, 5.5);
    double y = bottom - attrib_h + 2.2;
    for (const auto& line : attrib) {
        p.text(m + 66, y, line);
        y += 2.5;
    }
}

} // namespace detail
} // namespace redline::print
