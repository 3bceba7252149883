// The field widgets every casework form uses, recording their rectangles for the tests.
#include "ui/casework_form_parts.hpp"

#include <imgui.h>

#include <algorithm>

namespace redline::ui::detail {

bool combo(const char* label, const char* id, int& index, const std::vector<std::string>& names,
           WidgetRects* rects) {
    if (names.empty())
        return false;
    index = std::clamp(index, 0, int(names.size()) - 1);
    bool changed = false;
    if (ImGui::BeginCombo(label, names[std::size_t(index)].c_str())) {
        for (int i = 0; i < int(names.size()); ++i) {
            if (ImGui::Selectable(names[std::size_t(i)].c_str(), i == index)) {
                index = i;
                changed = true;
            }
            if (rects)
                record_item(*rects, std::string(id) + "." + names[std::size_t(i)]);
        }
        ImGui::EndCombo();
    }
    if (rects)
        record_item(*rects, id);
    return changed;
}

void text_field(const char* label, const char* id, char* buf, std::size_t size, WidgetRects* rects,
                const char* hint) {
    ImGui::InputTextWithHint(label, hint, buf, size);
    if (rects)
        record_item(*rects, id);
}

} // namespace redline::ui::detail
