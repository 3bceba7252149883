#pragma once

#include "core/geometry.hpp"

namespace redline::scene {

/// Millimetres per inch, for converting screen pixels to paper-like lengths.
inline constexpr double k_mm_per_inch = 25.4;
/// The screen resolution Redline states its scales at unless told otherwise: at 96 dpi one pixel
/// is 0.2645833 mm, the CSS and Windows convention.
inline constexpr double k_default_dpi = 96.0;

/// A screen position in pixels: x right, y down, (0, 0) the top-left corner of the map.
struct ScreenPoint {
    double x = 0;
    double y = 0;
};

/// What part of the map is on screen: a centre in EPSG:27700 metres, a ground resolution in metres
/// per pixel and a size in pixels. North is up (BNG grid north). Scale 1:N is stated for `dpi`.
/// A value type: not thread-safe, cheap to copy.
class Viewport {
public:
    Viewport() = default;
    Viewport(core::Coord centre, double metres_per_px, int width_px, int height_px,
             double dpi = k_default_dpi);

    core::Coord centre() const { return m_centre; }
    void set_centre(core::Coord c) { m_centre = c; }
    double metres_per_px() const { return m_metres_per_px; }
    /// Clamped to [0.001, 10000] m/px so that zooming never reaches a degenerate view.
    void set_metres_per_px(double m);
    int width_px() const { return m_width_px; }
    int height_px() const { return m_height_px; }
    void set_size(int width_px, int height_px);
    double dpi() const { return m_dpi; }

    /// N of the scale 1:N at this viewport's dpi: ground metres per metre of screen.
    double scale_denominator() const;
    /// Set the scale 1:N (keeps the centre).
    void set_scale_denominator(double n);

    /// Screen pixel (centre of pixel = +0.5) to EPSG:27700.
    core::Coord to_world(ScreenPoint p) const;
    /// EPSG:27700 to screen pixels.
    ScreenPoint to_screen(core::Coord c) const;
    /// The ground area on screen (EPSG:27700).
    core::Envelope world_bounds() const;

    /// Zoom by `factor` (> 1 zooms in) keeping the ground under `anchor` fixed on screen.
    void zoom_about(ScreenPoint anchor, double factor);
    /// Move the map by a screen drag of (dx, dy) pixels: the ground follows the pointer.
    void pan_px(double dx, double dy);
    /// Centre on `e` and choose the resolution that shows it whole with `margin_px` on every side;
    /// an empty or zero-size envelope keeps the resolution (or uses `min_metres_per_px`).
    void fit(const core::Envelope& e, double margin_px = 20, double min_metres_per_px = 0.05);

private:
    core::Coord m_centre{};
    double m_metres_per_px = 1.0;
    int m_width_px = 800;
    int m_height_px = 600;
    double m_dpi = k_default_dpi;
};

} // namespace redline::scene
