#include "scene/style.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <cctype>

namespace redline::scene {
namespace {

Rgba rgb(int r, int g, int b, float a = 1.0f) {
    return {static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f,
            static_cast<float>(b) / 255.0f, a};
}

Style area(Rgba fill, Rgba stroke, float width_px) {
    Style s;
    s.fill.enabled = true;
    s.fill.colour = fill;
    s.stroke.enabled = true;
    s.stroke.colour = stroke;
    s.stroke.width_px = width_px;
    return s;
}

Style hatched(Rgba tint, Rgba line, float spacing_px, float angle_deg, float hatch_alpha = 0.55f) {
    Style s = area(tint, line, 1.5f);
    s.fill.hatch_spacing_px = spacing_px;
    s.fill.hatch_angle_deg = angle_deg;
    s.fill.hatch_colour = {line.r, line.g, line.b, hatch_alpha};
    return s;
}

/// A designation that covers whole districts (a conservation area, an Article 4 direction): an
/// officer at 1:500 is usually inside one, often inside several that overlap, so it must not
/// bury the site under tint and hatching. The boundary says where it starts; a faint tint and a
/// sparse hatch say "inside" without stacking into a solid colour where areas overlap.
Style area_wide(Rgba line, float spacing_px, float angle_deg) {
    Style s = hatched({line.r, line.g, line.b, 0.035f}, line, spacing_px, angle_deg, 0.22f);
    s.stroke.width_px = 2.0f;
    return s;
}

} // namespace

Style default_style(core::Role role) {
    using core::Role;
    switch (role) {
    case Role::PlanningApplication: {
        // The "red line" of an application is, by convention on every plan, a red outline.
        Style s = area(rgb(220, 30, 30, 0.06f), rgb(220, 20, 20), 2.5f);
        return s;
    }
    case Role::ApprovedFootprint: {
        Style s = area(rgb(40, 90, 220, 0.18f), rgb(30, 70, 210), 2.0f);
        s.stroke.dash_px = 8;
        s.stroke.gap_px = 5;
        return s;
    }
    case Role::Building:
        return area(rgb(150, 150, 150, 0.85f), rgb(95, 95, 95), 1.0f);
    case Role::BaselineBuilding: {
        Style s = area(rgb(170, 170, 170, 0.25f), rgb(130, 130, 130, 0.6f), 1.0f);
        s.stroke.dash_px = 3;
        s.stroke.gap_px = 3;
        return s;
    }
    case Role::Curtilage: {
        Style s;
        s.stroke.enabled = true;
        s.stroke.colour = rgb(120, 90, 50, 0.8f);
        s.stroke.width_px = 1.0f;
        return s;
    }
    case Role::Highway: {
        Style s;
        s.stroke.enabled = true;
        s.stroke.colour = rgb(235, 170, 60);
        s.stroke.width_px = 3.0f;
        return s;
    }
    case Role::ConservationArea:
        return area_wide(rgb(30, 130, 60), 18, 45);
    case Role::Article4DirectionArea: {
        // Dashed, so that where an Article 4 boundary runs along a conservation area's the two
        // still read as two lines.
        Style s = area_wide(rgb(120, 40, 170), 24, -45);
        s.stroke.dash_px = 10;
        s.stroke.gap_px = 4;
        return s;
    }
    case Role::ListedBuildingOutline:
        return hatched(rgb(200, 110, 20, 0.35f), rgb(170, 80, 0), 4, 45);
    case Role::TreePreservationZone:
        return hatched(rgb(20, 150, 150, 0.12f), rgb(0, 120, 120), 8, 0);
    case Role::Tree: {
        Style s;
        s.symbol = {SymbolShape::Circle, 7, rgb(40, 150, 60), rgb(10, 80, 20), 1};
        return s;
    }
    case Role::Complaint: {
        Style s;
        s.symbol = complaint_symbol("open", AgeBand::Recent);
        return s;
    }
    case Role::Basemap:
        return area(rgb(230, 230, 225, 0.5f), rgb(180, 180, 180), 1.0f);
    }
    return {};
}

std::string role_label(core::Role role) {
    std::string name = core::to_string(role);
    std::replace(name.begin(), name.end(), '-', ' ');
    if (!name.empty())
        name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    return name;
}

AgeBand age_band(long age_days) {
    if (age_days < 28)
        return AgeBand::New;
    if (age_days < 183)
        return AgeBand::Recent;
    return AgeBand::Old;
}

const char* to_string(AgeBand band) {
    switch (band) {
    case AgeBand::New:
        return "under 4 weeks";
    case AgeBand::Recent:
        return "4 weeks to 6 months";
    case AgeBand::Old:
        return "over 6 months";
    }
    return "";
}

SymbolStyle complaint_symbol(const std::string& status, AgeBand band) {
    const std::string s = core::to_lower(status);
    SymbolStyle sym;
    sym.shape = SymbolShape::Diamond;
    if (s == "closed" || s == "resolved" || s == "no-breach" || s == "no breach") {
        sym.fill = rgb(150, 150, 150);
        sym.shape = SymbolShape::Circle;
    } else if (s == "investigating" || s == "under-investigation" || s == "in-progress" ||
               s == "visited") {
        sym.fill = rgb(245, 160, 0);
    } else {
        sym.fill = rgb(230, 25, 60);
    }
    switch (band) {
    case AgeBand::New:
        sym.size_px = 12;
        sym.outline = rgb(110, 0, 20);
        sym.outline_px = 1.0f;
        break;
    case AgeBand::Recent:
        sym.size_px = 12;
        sym.outline = rgb(40, 40, 40);
        sym.outline_px = 1.5f;
        break;
    case AgeBand::Old:
        sym.size_px = 14;
        sym.outline = rgb(0, 0, 0);
        sym.outline_px = 3.0f;
        break;
    }
    return sym;
}

Style selection_style() {
    Style s;
    s.fill.enabled = true;
    s.fill.colour = rgb(0, 230, 255, 0.25f);
    s.stroke.enabled = true;
    s.stroke.colour = rgb(0, 200, 255);
    s.stroke.width_px = 4;
    s.symbol = {SymbolShape::Circle, 22, rgb(0, 230, 255, 0.3f), rgb(0, 200, 255), 3};
    return s;
}

} // namespace redline::scene
