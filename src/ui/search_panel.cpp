#include "ui/panels.hpp"

#include <imgui.h>

namespace redline::ui {

void draw_search_panel(const ViewState& state, UiMemory& memory, Actions& out, WidgetRects* rects) {
    ImGui::TextWrapped("Application reference, UPRN, address or complaint reference:");
    if (memory.focus_search) {
        ImGui::SetKeyboardFocusHere();
        memory.focus_search = false;
    }
    ImGui::SetNextItemWidth(-60);
    const bool enter = ImGui::InputText("##query", memory.search_text, sizeof memory.search_text,
                                        ImGuiInputTextFlags_EnterReturnsTrue);
    if (rects)
        record_item(*rects, "search.input");
    ImGui::SameLine();
    const bool go = ImGui::Button("Find");
    if (rects)
        record_item(*rects, "search.find");
    if ((enter || go) && state.scene)
        out.push_back(RunSearch{memory.search_text});

    if (!state.last_query.empty()) {
        ImGui::Separator();
        if (state.search_hits.empty())
            ImGui::TextDisabled("Nothing matches \"%s\".", state.last_query.c_str());
        for (std::size_t i = 0; i < state.search_hits.size(); ++i) {
            const auto& hit = state.search_hits[i];
            ImGui::PushID(static_cast<int>(i));
            const bool selected = state.scene && state.scene->selection() == hit.ref;
            if (ImGui::Selectable(hit.label.c_str(), selected))
                out.push_back(SelectFeature{hit.ref, true});
            if (rects)
                record_item(*rects, "search.hit." + std::to_string(i));
            ImGui::PopID();
        }
    }
}

} // namespace redline::ui
