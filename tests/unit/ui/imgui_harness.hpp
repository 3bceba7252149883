#pragma once

// Drives Dear ImGui 1.86 with no window and no renderer: a display size, a built font atlas and
// input written straight into ImGuiIO (1.86 predates AddMousePosEvent/AddMouseButtonEvent, so
// MousePos, MouseDown and KeysDown are set per frame, as its backends do).

#include "ui/main_layout.hpp"

#include <imgui.h>

#include <string>

namespace redline::test {

class ImGuiHarness {
public:
    static constexpr int k_enter = 257; // GLFW_KEY_ENTER, the index the GLFW backend uses

    ImGuiHarness(float width, float height) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = {width, height};
        io.IniFilename = nullptr;
        io.KeyMap[ImGuiKey_Enter] = k_enter;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~ImGuiHarness() { ImGui::DestroyContext(); }
    ImGuiHarness(const ImGuiHarness&) = delete;
    ImGuiHarness& operator=(const ImGuiHarness&) = delete;

    ui::UiMemory memory;
    ui::WidgetRects rects;

    /// One frame; the actions it emitted are appended to `out`.
    void frame(const ui::ViewState& state, ui::Actions& out) {
        ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        ui::draw_main_window(state, memory, out, &rects);
        ImGui::Render();
    }

    /// Move the pointer to (x, y), press and release the left button: four frames.
    ui::Actions click(const ui::ViewState& state, float x, float y) {
        ui::Actions out;
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = {x, y};
        frame(state, out);
        io.MouseDown[0] = true;
        frame(state, out);
        io.MouseDown[0] = false;
        frame(state, out);
        frame(state, out);
        return out;
    }

    /// Click the centre of a recorded widget.
    ui::Actions click(const ui::ViewState& state, const std::string& widget) {
        // Tables and wrapped text settle over a frame or two: aim at where the widget is now.
        ui::Actions ignored;
        frame(state, ignored);
        frame(state, ignored);
        const ui::Rect r = rects.at(widget);
        return click(state, r.centre_x(), r.centre_y());
    }

    /// Type text into the focused field, then press Enter.
    ui::Actions type_and_enter(const ui::ViewState& state, const std::string& text) {
        ui::Actions out;
        ImGuiIO& io = ImGui::GetIO();
        for (char c : text) {
            io.AddInputCharacter(static_cast<unsigned>(static_cast<unsigned char>(c)));
            frame(state, out);
        }
        io.KeysDown[k_enter] = true;
        frame(state, out);
        io.KeysDown[k_enter] = false;
        frame(state, out);
        return out;
    }
};

template <class T> const T* find_action(const ui::Actions& actions) {
    for (const auto& a : actions)
        if (const T* t = std::get_if<T>(&a))
            return t;
    return nullptr;
}

} // namespace redline::test
