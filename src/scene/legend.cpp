#include "scene/legend.hpp"

namespace redline::scene {
namespace {

SwatchKind kind_for(core::Role role) {
    switch (core::expected_geometry(role)) {
    case core::GeometryKind::Point:
        return SwatchKind::Symbol;
    case core::GeometryKind::Line:
        return SwatchKind::Line;
    default:
        return SwatchKind::Area;
    }
}

} // namespace

std::vector<LegendEntry> build_legend(const Scene& scene) {
    std::vector<LegendEntry> out;
    const auto& layers = scene.layers();
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
        if (!it->visible)
            continue;
        LegendEntry e;
        e.label = it->label.empty() ? it->name() + " (" + role_label(it->role()) + ")" : it->label;
        e.layer = it->name();
        e.kind = kind_for(it->role());
        e.style = it->style;
        e.opacity = it->opacity;
        out.push_back(e);
        if (it->role() != core::Role::Complaint)
            continue;
        // Complaint symbols vary by status (colour) and age (size, ring): list each class.
        for (const char* status : {"open", "investigating", "closed"}) {
            for (AgeBand band : {AgeBand::New, AgeBand::Recent, AgeBand::Old}) {
                LegendEntry c;
                c.label = std::string(status) + ", " + to_string(band);
                c.layer = it->name();
                c.kind = SwatchKind::Symbol;
                c.style.symbol = complaint_symbol(status, band);
                c.opacity = it->opacity;
                c.indent = 1;
                out.push_back(c);
            }
        }
    }
    return out;
}

} // namespace redline::scene
