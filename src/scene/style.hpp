#pragma once

#include "core/role.hpp"

#include <string>

namespace redline::scene {

/// A colour with straight (not premultiplied) alpha, each channel in [0, 1].
struct Rgba {
    float r = 0, g = 0, b = 0, a = 1;
    friend bool operator==(const Rgba&, const Rgba&) = default;
};

/// Shapes of point symbols; the renderer draws them as signed-distance shapes.
enum class SymbolShape { Circle, Square, Triangle, Diamond };

/// Area fill: a tint, optionally crossed by hatch lines fixed to the screen (so they keep their
/// spacing at every scale and read as a designation, not as data).
struct FillStyle {
    bool enabled = false;
    Rgba colour;
    float hatch_spacing_px = 0; ///< 0 = no hatching
    float hatch_angle_deg = 45; ///< counter-clockwise from screen east
    float hatch_width_px = 1;
    Rgba hatch_colour;
};

/// Outline or line: constant width in screen pixels at every scale, optionally dashed.
struct StrokeStyle {
    bool enabled = false;
    Rgba colour;
    float width_px = 1;
    float dash_px = 0; ///< 0 = solid
    float gap_px = 0;
};

/// A point symbol, `size_px` its diameter on screen.
struct SymbolStyle {
    SymbolShape shape = SymbolShape::Circle;
    float size_px = 8;
    Rgba fill;
    Rgba outline{0, 0, 0, 1};
    float outline_px = 1;
};

/// Everything needed to draw one layer. The same style serves the screen and the printed page.
struct Style {
    FillStyle fill;
    StrokeStyle stroke;
    SymbolStyle symbol;
};

/// The default style of a role, chosen so that an officer reads the map at a glance: red lines
/// red, approved footprints blue dashed, current buildings grey, baseline buildings faint, each
/// designation its own tint and hatch.
Style default_style(core::Role role);

/// Short human label for a role in the legend ("Conservation area").
std::string role_label(core::Role role);

/// Age band of a complaint, for its symbol.
enum class AgeBand { New, Recent, Old };

/// Age band from days since the complaint was received: New under 28 days, Recent under 183
/// days (six months, when the council's service standard expects a decision), Old after.
AgeBand age_band(long age_days);
const char* to_string(AgeBand band);

/// Symbol of a complaint: colour by status (open red, investigating amber, closed grey), size and
/// outline by age (older complaints larger with a thick dark ring, so they stand out as overdue).
SymbolStyle complaint_symbol(const std::string& status, AgeBand band);

/// Highlight drawn over the selected feature.
Style selection_style();

} // namespace redline::scene
