#include "ui/view_state.hpp"

#include <imgui.h>

namespace redline::ui {

void record_item(WidgetRects& rects, const std::string& id) {
    const ImVec2 a = ImGui::GetItemRectMin();
    const ImVec2 b = ImGui::GetItemRectMax();
    rects[id] = {a.x, a.y, b.x - a.x, b.y - a.y};
}

} // namespace redline::ui
