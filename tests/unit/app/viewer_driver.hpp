#pragma once

// The viewer with no window, driven like a user: ImGui frames from the app state, the actions
// they emit carried out by the app's executor, clicks on widgets or on map coordinates. Shared by
// the UI flow tests so that each says only what it checks.

#include "app/app_state.hpp"
#include "unit/ui/imgui_harness.hpp"

#include <functional>
#include <string>

namespace redline::test {

struct ViewerDriver {
    ImGuiHarness imgui;
    app::AppState state;
    /// Fields a test adds to each frame's view beyond app::panels_view (the plan tools' views).
    std::function<void(ui::ViewState&)> extend_view;

    ViewerDriver(float width, float height) : imgui(width, height) {}

    ui::ViewState view_state() {
        ui::ViewState vs = app::panels_view(state);
        if (extend_view)
            extend_view(vs);
        return vs;
    }
    void execute(const ui::Actions& actions) {
        for (const auto& a : actions)
            app::execute(state, a);
    }
    /// One frame, its actions carried out.
    void run() {
        ui::Actions out;
        imgui.frame(view_state(), out);
        execute(out);
    }
    /// Click the centre of a recorded widget.
    void click(const std::string& widget) { execute(imgui.click(view_state(), widget)); }
    /// Click the window at (x, y), pixels from its top left.
    void click_at(float x, float y) { execute(imgui.click(view_state(), x, y)); }
    /// Click the map where `world` (EPSG:27700) is drawn.
    void click_map_at(core::Coord world) {
        const auto p = state.view.to_screen(world);
        const ui::Rect map = imgui.rects.at("map");
        click_at(map.x + float(p.x), map.y + float(p.y));
    }
    /// Focus a text field, select what is in it (Ctrl+A) and type over it.
    void type_into(const std::string& widget, const std::string& text) {
        click(widget);
        ImGuiIO& io = ImGui::GetIO();
        io.KeyMap[ImGuiKey_A] = 'A';
        io.KeyCtrl = true;
        io.KeysDown['A'] = true;
        run();
        io.KeysDown['A'] = false;
        io.KeyCtrl = false;
        run();
        for (char c : text) {
            io.AddInputCharacter(static_cast<unsigned>(static_cast<unsigned char>(c)));
            run();
        }
    }
};

} // namespace redline::test
