#include "scene/viewport.hpp"

#include <algorithm>

namespace redline::scene {

Viewport::Viewport(core::Coord centre, double metres_per_px, int width_px, int height_px,
                   double dpi)
    : m_centre(centre), m_dpi(dpi) {
    set_metres_per_px(metres_per_px);
    set_size(width_px, height_px);
}

void Viewport::set_metres_per_px(double m) {
    m_metres_per_px = std::clamp(m, 0.001, 10000.0);
}

void Viewport::set_size(int width_px, int height_px) {
    m_width_px = std::max(1, width_px);
    m_height_px = std::max(1, height_px);
}

double Viewport::scale_denominator() const {
    const double metres_per_screen_px = k_mm_per_inch / m_dpi / 1000.0;
    return m_metres_per_px / metres_per_screen_px;
}

void Viewport::set_scale_denominator(double n) {
    set_metres_per_px(n * k_mm_per_inch / m_dpi / 1000.0);
}

core::Coord Viewport::to_world(ScreenPoint p) const {
    return {m_centre.x + (p.x - m_width_px / 2.0) * m_metres_per_px,
            m_centre.y - (p.y - m_height_px / 2.0) * m_metres_per_px};
}

ScreenPoint Viewport::to_screen(core::Coord c) const {
    return {(c.x - m_centre.x) / m_metres_per_px + m_width_px / 2.0,
            -(c.y - m_centre.y) / m_metres_per_px + m_height_px / 2.0};
}

core::Envelope Viewport::world_bounds() const {
    core::Envelope e;
    e.expand(to_world({0, 0}));
    e.expand(to_world({static_cast<double>(m_width_px), static_cast<double>(m_height_px)}));
    return e;
}

void Viewport::zoom_about(ScreenPoint anchor, double factor) {
    if (!(factor > 0))
        return;
    const core::Coord before = to_world(anchor);
    set_metres_per_px(m_metres_per_px / factor);
    const core::Coord after = to_world(anchor);
    m_centre.x += before.x - after.x;
    m_centre.y += before.y - after.y;
}

void Viewport::pan_px(double dx, double dy) {
    m_centre.x -= dx * m_metres_per_px;
    m_centre.y += dy * m_metres_per_px;
}

void Viewport::fit(const core::Envelope& e, double margin_px, double min_metres_per_px) {
    if (e.empty())
        return;
    m_centre = e.centre();
    const double usable_w = std::max(1.0, m_width_px - 2 * margin_px);
    const double usable_h = std::max(1.0, m_height_px - 2 * margin_px);
    const double m = std::max(e.width() / usable_w, e.height() / usable_h);
    set_metres_per_px(std::max(m, min_metres_per_px));
}

} // namespace redline::scene
