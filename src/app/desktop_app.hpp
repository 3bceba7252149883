#pragma once

#include "app/command_line.hpp"

namespace redline::app {

/// The viewer window (GLFW + Dear ImGui + OpenGL 3.3 core). Opens the workspace and basemaps of
/// `options` on worker threads. With `window_screenshot`, saves the window once everything has
/// loaded and returns. Returns the process exit code; throws render::RenderError when no window
/// or GL context can be created. Runs on the main thread until the window closes.
int run_desktop(const CommandLine& options);

} // namespace redline::app
