#include "scene/overlay_style.hpp"

namespace redline::scene {

Style finding_style() {
    Style s;
    s.fill.enabled = true;
    s.fill.colour = {0.85f, 0.0f, 0.55f, 0.22f};
    s.stroke.enabled = true;
    s.stroke.colour = {0.80f, 0.0f, 0.50f, 1.0f};
    s.stroke.width_px = 3.0f;
    s.symbol = {SymbolShape::Circle, 12, {0.85f, 0.0f, 0.55f, 0.5f}, {0.6f, 0.0f, 0.4f, 1.0f}, 2};
    return s;
}

StrokeStyle finding_dimension_style() {
    StrokeStyle s;
    s.enabled = true;
    s.colour = {0.55f, 0.0f, 0.35f, 1.0f};
    s.width_px = 2.0f;
    s.dash_px = 6;
    s.gap_px = 3;
    return s;
}

Style measurement_style() {
    Style s;
    s.stroke.enabled = true;
    s.stroke.colour = {0.0f, 0.42f, 0.45f, 1.0f};
    s.stroke.width_px = 2.0f;
    s.symbol = {SymbolShape::Circle, 6, {1, 1, 1, 1}, {0.0f, 0.42f, 0.45f, 1.0f}, 1.5f};
    return s;
}

} // namespace redline::scene
