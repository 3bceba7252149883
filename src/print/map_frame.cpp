#include "print/map_frame.hpp"

#include "scene/scale_text.hpp"

#include <cmath>

namespace redline::print {
namespace {

/// The smallest 1, 2 or 5 x 10^k that is at least `at_least`.
double nice_at_least(double at_least) {
    double step = std::pow(10.0, std::floor(std::log10(at_least)));
    for (double f : {1.0, 2.0, 5.0, 10.0})
        if (f * step >= at_least * (1 - 1e-12))
            return f * step;
    return 10 * step;
}

std::vector<double> multiples_in(double lo, double hi, double interval) {
    std::vector<double> out;
    for (double v = std::ceil(lo / interval) * interval; v <= hi; v += interval)
        out.push_back(v);
    return out;
}

} // namespace

MapFrame::MapFrame(RectMm rect_mm, core::Coord centre, double scale)
    : m_rect(rect_mm), m_centre(centre), m_scale(scale) {}

PaperPoint MapFrame::to_paper(core::Coord c) const {
    const double k = mm_per_metre();
    return {m_rect.x + m_rect.w / 2 + (c.x - m_centre.x) * k,
            m_rect.y + m_rect.h / 2 - (c.y - m_centre.y) * k};
}

core::Coord MapFrame::to_ground(PaperPoint p) const {
    const double k = mm_per_metre();
    return {m_centre.x + (p.x - m_rect.x - m_rect.w / 2) / k,
            m_centre.y - (p.y - m_rect.y - m_rect.h / 2) / k};
}

core::Envelope MapFrame::ground_bounds() const {
    core::Envelope e;
    e.expand(to_ground({m_rect.x, m_rect.y}));
    e.expand(to_ground({m_rect.right(), m_rect.bottom()}));
    return e;
}

double MapFrame::grid_interval_m(double min_gap_mm) const {
    return nice_at_least(min_gap_mm / mm_per_metre());
}

std::vector<double> MapFrame::grid_eastings(double interval_m) const {
    const auto b = ground_bounds();
    return multiples_in(b.min_x, b.max_x, interval_m);
}

std::vector<double> MapFrame::grid_northings(double interval_m) const {
    const auto b = ground_bounds();
    return multiples_in(b.min_y, b.max_y, interval_m);
}

PrintScaleBar choose_print_scale_bar(double scale, double max_mm) {
    const scene::ScaleBarLength length = scene::choose_scale_bar_length(max_mm * scale / 1000.0);
    PrintScaleBar bar;
    bar.length_m = length.length_m;
    bar.length_mm = length.length_m * 1000.0 / scale;
    bar.label = length.label;
    return bar;
}

std::string format_scale_text(double scale) {
    return scene::format_scale(scale);
}

} // namespace redline::print
