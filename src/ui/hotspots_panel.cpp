#include "ui/panels.hpp"

#include <imgui.h>

namespace redline::ui {

void draw_hotspots_panel(const ViewState& state, Actions& out, WidgetRects* rects) {
    if (!state.scene) {
        ImGui::TextDisabled(state.progress ? "Loading..." : "No workspace open.");
        return;
    }
    // Every change emits the whole setting: the GPU recomputes the surface in the next frame, so
    // dragging the bandwidth redraws live.
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
    if (changed)
        out.push_back(SetHeat{heat});
    ImGui::Separator();
    ImGui::TextWrapped("Raw kernel density of the complaint points (the kernels and sums of "
                       "redline-cli hotspot), computed on the GPU and coloured from pale yellow "
                       "to deep red relative to its peak.");
}

} // namespace redline::ui
