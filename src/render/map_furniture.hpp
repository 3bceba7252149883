#pragma once

#include "scene/viewport.hpp"

#include <string>
#include <vector>

namespace redline::render {

/// A vertex of screen-space map furniture: pixels from the top-left, y down, straight RGBA.
struct OverlayVertex {
    float x, y;
    float r, g, b, a;
};

/// A scale bar's ground length chosen as 1, 2 or 5 x 10^k metres, and its label.
struct ScaleBarSpec {
    double length_m = 0;
    double length_px = 0;
    std::string label; ///< "50 m", "2 km"
};

/// The longest 1/2/5 x 10^k metre bar no longer than `max_px` at the view's resolution.
ScaleBarSpec choose_scale_bar(const scene::Viewport& view, double max_px);

/// "1:1,250" for a scale denominator, rounded to a whole number.
std::string format_scale(double denominator);

/// Triangles for the scale bar (bottom left, with "1:N" under it) and the north arrow (top right).
/// Grid north is up in every Redline view, so the arrow always points up.
std::vector<OverlayVertex> build_furniture(const scene::Viewport& view);

/// Triangles for `text` in the stb_easy_font bitmap face at `scale` (1 = 7 px capitals), top-left
/// at (x, y).
void append_text(std::vector<OverlayVertex>& out, const std::string& text, float x, float y,
                 float scale, const float rgba[4]);
/// Width in pixels of `text` at `scale`.
float text_width(const std::string& text, float scale);

} // namespace redline::render
