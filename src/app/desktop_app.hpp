#pragma once

#include <optional>
#include <string>

namespace redline::app {

/// The viewer window (GLFW + Dear ImGui + OpenGL 3.3 core). Opens `workspace` on a worker thread
/// if given. Returns the process exit code; throws render::RenderError when no window or GL
/// context can be created. Runs on the main thread until the window closes.
int run_desktop(const std::optional<std::string>& workspace);

} // namespace redline::app
