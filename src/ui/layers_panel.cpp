#include "ui/panels.hpp"

#include "scene/legend.hpp"

#include <imgui.h>

namespace redline::ui {
namespace {

ImU32 colour(const scene::Rgba& c, float opacity) {
    return ImGui::ColorConvertFloat4ToU32({c.r, c.g, c.b, c.a * opacity});
}

/// A 24x14 px swatch drawn the way the map draws the layer.
void swatch(const scene::LegendEntry& e) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 size{24, 14};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const auto& s = e.style;
    switch (e.kind) {
    case scene::SwatchKind::Area:
        if (s.fill.enabled)
            dl->AddRectFilled(p, {p.x + size.x, p.y + size.y}, colour(s.fill.colour, e.opacity));
        if (s.fill.hatch_spacing_px > 0)
            for (float x = -size.y; x < size.x; x += s.fill.hatch_spacing_px * 0.6f)
                dl->AddLine({p.x + x, p.y + size.y}, {p.x + x + size.y, p.y},
                            colour(s.fill.hatch_colour, e.opacity));
        if (s.stroke.enabled)
            dl->AddRect(p, {p.x + size.x, p.y + size.y}, colour(s.stroke.colour, e.opacity), 0, 0,
                        std::min(3.0f, s.stroke.width_px));
        break;
    case scene::SwatchKind::Line:
        dl->AddLine({p.x, p.y + size.y / 2}, {p.x + size.x, p.y + size.y / 2},
                    colour(s.stroke.colour, e.opacity), s.stroke.width_px);
        break;
    case scene::SwatchKind::Symbol: {
        const float r = std::min(7.0f, s.symbol.size_px / 2);
        const ImVec2 c{p.x + size.x / 2, p.y + size.y / 2};
        dl->AddCircleFilled(c, r, colour(s.symbol.fill, e.opacity));
        dl->AddCircle(c, r, colour(s.symbol.outline, e.opacity), 0, s.symbol.outline_px);
        break;
    }
    }
    ImGui::Dummy(size);
}

} // namespace

void draw_layers_panel(const ViewState& state, Actions& out, WidgetRects* rects) {
    if (!state.scene) {
        ImGui::TextDisabled(state.progress ? "Loading..." : "No workspace open.");
        return;
    }
    const auto& layers = state.scene->layers();
    // Top of the map first, as every GIS lists layers.
    for (std::size_t k = layers.size(); k-- > 0;) {
        const scene::MapLayer& l = layers[k];
        ImGui::PushID(l.name().c_str());
        bool visible = l.visible;
        if (ImGui::Checkbox("##visible", &visible))
            out.push_back(SetVisibility{l.name(), visible});
        if (rects)
            record_item(*rects, "layers.visible." + l.name());
        ImGui::SameLine();
        ImGui::TextUnformatted(l.name().c_str());
        ImGui::SameLine(ImGui::GetContentRegionAvail().x - 36);
        if (ImGui::ArrowButton("##up", ImGuiDir_Up) && k + 1 < layers.size())
            out.push_back(MoveLayer{k, k + 1});
        ImGui::SameLine();
        if (ImGui::ArrowButton("##down", ImGuiDir_Down) && k > 0)
            out.push_back(MoveLayer{k, k - 1});
        float opacity = l.opacity;
        ImGui::SetNextItemWidth(-1);
        if (ImGui::SliderFloat("##opacity", &opacity, 0.0f, 1.0f, "opacity %.2f"))
            out.push_back(SetOpacity{l.name(), opacity});
        // A labelled layer (a Gi* class) says what it is in the legend; here only its size.
        if (l.label.empty())
            ImGui::TextDisabled("%s, %zu features", scene::role_label(l.role()).c_str(),
                                l.data().features.size());
        else
            ImGui::TextDisabled("%zu features", l.data().features.size());
        ImGui::Separator();
        ImGui::PopID();
    }
    // Basemaps sit under every layer, so they are listed last.
    for (const scene::Basemap& b : state.scene->basemaps()) {
        ImGui::PushID(b.path().c_str());
        bool visible = b.visible;
        if (ImGui::Checkbox("##visible", &visible))
            out.push_back(SetBasemapVisibility{b.path(), visible});
        if (rects)
            record_item(*rects, "layers.basemap." + b.name());
        ImGui::SameLine();
        ImGui::TextUnformatted(b.name().c_str());
        float opacity = b.opacity;
        ImGui::SetNextItemWidth(-1);
        if (ImGui::SliderFloat("##opacity", &opacity, 0.0f, 1.0f, "opacity %.2f"))
            out.push_back(SetBasemapOpacity{b.path(), opacity});
        ImGui::TextDisabled("Basemap, %.2f m per pixel", b.native_cell_m());
        ImGui::Separator();
        ImGui::PopID();
    }
    if (ImGui::CollapsingHeader("Legend", ImGuiTreeNodeFlags_DefaultOpen)) {
        for (const scene::LegendEntry& e : scene::build_legend(*state.scene)) {
            if (e.indent)
                ImGui::Indent(12);
            swatch(e);
            ImGui::SameLine();
            ImGui::TextUnformatted(e.label.c_str());
            if (e.indent)
                ImGui::Unindent(12);
        }
    }
}

} // namespace redline::ui
