#include "ui/panels.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace redline::ui {

void draw_status_bar(const ViewState& state, UiMemory& memory, Actions& out, WidgetRects* rects) {
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s", state.cursor_bng.empty() ? "E -  N -" : state.cursor_bng.c_str());
    ImGui::SameLine(0, 16);
    ImGui::TextUnformatted(state.cursor_gridref.c_str());
    ImGui::SameLine(0, 16);
    ImGui::TextUnformatted(state.cursor_latlon.c_str());
    ImGui::SameLine(0, 16);
    ImGui::TextUnformatted("Scale 1:");
    ImGui::SameLine(0, 2);
    // Show the live scale unless the user is typing a new one.
    if (!memory.scale_editing)
        std::snprintf(memory.scale_text, sizeof memory.scale_text, "%.0f",
                      state.view.scale_denominator());
    ImGui::SetNextItemWidth(80);
    if (ImGui::InputText("##scale", memory.scale_text, sizeof memory.scale_text,
                         ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CharsDecimal)) {
        const double n = std::strtod(memory.scale_text, nullptr);
        if (n > 0 && std::isfinite(n))
            out.push_back(SetScale{n});
    }
    memory.scale_editing = ImGui::IsItemActive();
    if (rects)
        record_item(*rects, "status.scale");
    if (state.progress) {
        ImGui::SameLine(0, 16);
        ImGui::SetNextItemWidth(180);
        ImGui::ProgressBar(static_cast<float>(state.progress->fraction), {180, 0},
                           state.progress->stage.c_str());
    }
    if (!state.error.empty()) {
        ImGui::SameLine(0, 16);
        ImGui::TextColored({0.85f, 0.1f, 0.1f, 1}, "%s", state.error.c_str());
    }
    ImGui::SameLine(0, 16);
    ImGui::TextDisabled("%s", state.workspace.c_str());
}

} // namespace redline::ui
