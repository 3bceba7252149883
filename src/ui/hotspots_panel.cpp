#include "ui/panels.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace redline::ui {
namespace {

/// Tick boxes over `all`; `chosen` empty means every one is ticked (no filter). Returns true and
/// updates `chosen` when a box changes; the last ticked box cannot be cleared (an empty list
/// would mean "any"). The label "(none)" stands for an empty category in the data.
bool choice_boxes(const char* id, const std::vector<std::string>& all,
                  std::vector<std::string>& chosen, WidgetRects* rects) {
    bool changed = false;
    ImGui::PushID(id);
    for (const std::string& label : all) {
        const std::string value = label == "(none)" ? std::string() : label;
        const bool in =
            chosen.empty() || std::find(chosen.begin(), chosen.end(), value) != chosen.end();
        bool ticked = in;
        if (ImGui::Checkbox(label.c_str(), &ticked) && ticked != in) {
            std::vector<std::string> next;
            for (const std::string& other : all) {
                const std::string v = other == "(none)" ? std::string() : other;
                const bool was =
                    chosen.empty() || std::find(chosen.begin(), chosen.end(), v) != chosen.end();
                if (v == value ? ticked : was)
                    next.push_back(v);
            }
            if (!next.empty()) {
                chosen = next.size() == all.size() ? std::vector<std::string>{} : next;
                changed = true;
            }
        }
        if (rects)
            record_item(*rects, std::string("hotspots.") + id + "." + label);
    }
    ImGui::PopID();
    return changed;
}

/// A date field bound to an optional date: an empty field clears it; text that is not a date
/// leaves it as it was (and shows the field in red until corrected).
bool date_field(const char* label, char* buf, std::size_t size, std::optional<core::Date>& date) {
    if (!ImGui::IsAnyItemActive()) {
        const std::string shown = date ? date->to_string() : std::string();
        std::snprintf(buf, size, "%s", shown.c_str());
    }
    const bool bad = buf[0] && !core::Date::parse(buf);
    if (bad)
        ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(255, 200, 200, 255));
    ImGui::SetNextItemWidth(110);
    const bool edited = ImGui::InputTextWithHint(label, "YYYY-MM-DD", buf, size);
    if (bad)
        ImGui::PopStyleColor();
    if (!edited)
        return false;
    if (!buf[0]) {
        const bool had = date.has_value();
        date.reset();
        return had;
    }
    const auto parsed = core::Date::parse(buf);
    if (!parsed || parsed == date)
        return false;
    date = parsed;
    return true;
}

void gistar_section(const ViewState& state, UiMemory& memory, Actions& out, WidgetRects* rects) {
    scene::GistarSettings& g = memory.gistar;
    float cell = float(g.cell_m), band = float(g.band_m);
    ImGui::SetNextItemWidth(-90);
    if (ImGui::SliderFloat("cell size", &cell, 10.0f, 1000.0f, "%.0f m",
                           ImGuiSliderFlags_Logarithmic))
        g.cell_m = cell;
    if (rects)
        record_item(*rects, "hotspots.gistar.cell");
    int shape = g.hex ? 1 : 0;
    const char* shapes[] = {"square", "hexagon"};
    ImGui::SetNextItemWidth(-90);
    if (ImGui::Combo("cells", &shape, shapes, IM_ARRAYSIZE(shapes)))
        g.hex = shape == 1;
    ImGui::SetNextItemWidth(-90);
    if (ImGui::SliderFloat("distance band", &band, 10.0f, 5000.0f, "%.0f m",
                           ImGuiSliderFlags_Logarithmic))
        g.band_m = band;
    if (rects)
        record_item(*rects, "hotspots.gistar.band");
    ImGui::Checkbox("FDR (Benjamini-Hochberg)", &g.fdr);
    if (g.band_m < g.cell_m)
        ImGui::TextColored({0.7f, 0.3f, 0.0f, 1}, "A band under the cell size leaves each cell "
                                                  "only itself as a neighbour.");
    ImGui::BeginDisabled(state.gistar_running);
    if (ImGui::Button(state.gistar_running ? "Computing Gi*..." : "Compute Gi*")) {
        scene::GistarSettings request = g;
        request.filter = state.scene->heat.filter; // the same complaints as the heat surface
        out.push_back(RunGistar{request});
    }
    ImGui::EndDisabled();
    if (rects)
        record_item(*rects, "hotspots.gistar.run");
    ImGui::SameLine();
    if (ImGui::Button("Remove"))
        out.push_back(ClearGistar{});
    if (!state.gistar_summary.empty())
        ImGui::TextWrapped("%s", state.gistar_summary.c_str());
    // The classes, as the Layers tab's legend lists them, so the map reads from this tab too.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int k = IM_ARRAYSIZE(scene::k_gistar_classes); k-- > 0;) {
        const int cls = scene::k_gistar_classes[k];
        const scene::Style s = scene::gistar_class_style(cls);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const scene::Rgba c = s.fill.enabled ? s.fill.colour : s.stroke.colour;
        if (s.fill.enabled)
            dl->AddRectFilled(p, {p.x + 18, p.y + 12},
                              ImGui::ColorConvertFloat4ToU32({c.r, c.g, c.b, c.a}));
        dl->AddRect(p, {p.x + 18, p.y + 12},
                    ImGui::ColorConvertFloat4ToU32(
                        {s.stroke.colour.r, s.stroke.colour.g, s.stroke.colour.b, 0.9f}));
        ImGui::Dummy({18, 12});
        ImGui::SameLine();
        ImGui::TextUnformatted(scene::gistar_class_label(cls).c_str());
    }
}

} // namespace

void draw_hotspots_panel(const ViewState& state, UiMemory& memory, Actions& out,
                         WidgetRects* rects) {
    if (!state.scene) {
        ImGui::TextDisabled(state.progress ? "Loading..." : "No workspace open.");
        return;
    }
    // Every change emits the whole setting: the GPU recomputes the surface in the next frame, so
    // dragging the bandwidth or ticking a category redraws live.
    scene::HeatSettings heat = state.scene->heat;
    bool changed = ImGui::Checkbox("Heat surface of complaints", &heat.enabled);
    if (rects)
        record_item(*rects, "hotspots.enabled");
    float radius = static_cast<float>(heat.radius_m);
    ImGui::SetNextItemWidth(-90);
    if (ImGui::SliderFloat("bandwidth", &radius, 25.0f, 1000.0f, "%.0f m",
                           ImGuiSliderFlags_Logarithmic)) {
        heat.radius_m = radius;
        changed = true;
    }
    if (rects)
        record_item(*rects, "hotspots.bandwidth");
    const char* kernels[] = {"quartic", "triangular", "uniform", "triweight", "epanechnikov"};
    ImGui::SetNextItemWidth(-90);
    changed |= ImGui::Combo("kernel", &heat.kernel, kernels, IM_ARRAYSIZE(kernels));
    ImGui::SetNextItemWidth(-90);
    changed |= ImGui::SliderFloat("opacity", &heat.opacity, 0.1f, 1.0f, "%.2f");

    if (ImGui::CollapsingHeader("Which complaints (heat and Gi*)",
                                ImGuiTreeNodeFlags_DefaultOpen)) {
        changed |= date_field("from", memory.heat_from, sizeof memory.heat_from, heat.filter.from);
        if (rects)
            record_item(*rects, "hotspots.from");
        ImGui::SameLine();
        changed |= date_field("to", memory.heat_to, sizeof memory.heat_to, heat.filter.to);
        if (rects)
            record_item(*rects, "hotspots.to");
        if (state.dashboard) {
            ImGui::TextDisabled("Category");
            changed |= choice_boxes("category", state.dashboard->categories, heat.filter.categories,
                                    rects);
            ImGui::TextDisabled("Status");
            changed |=
                choice_boxes("status", state.dashboard->statuses, heat.filter.statuses, rects);
        }
        ImGui::Text("%zu of %zu complaints in", state.heat_points_in, state.heat_points_total);
        if (rects)
            record_item(*rects, "hotspots.points");
    }
    if (changed)
        out.push_back(SetHeat{heat});

    if (ImGui::CollapsingHeader("Getis-Ord Gi* hot spots", ImGuiTreeNodeFlags_DefaultOpen))
        gistar_section(state, memory, out, rects);
    ImGui::Separator();
    ImGui::TextWrapped("Heat: raw kernel density of the complaint points (the kernels and sums of "
                       "redline-cli hotspot), computed on the GPU, pale yellow to deep red "
                       "relative to its peak. Gi*: complaints counted in cells, each cell "
                       "compared with its neighbours within the band; click a cell for its z, p "
                       "and class.");
}

} // namespace redline::ui
