#pragma once

#include "app/command_line.hpp"

namespace redline::app {

/// Headless mode: load the workspace, frame the view (or use --view), render one frame off-screen
/// and write the PNG. GL comes from EGL surfaceless, or a hidden GLFW window on $DISPLAY when
/// EGL is not available. Throws core::Error subclasses on failure (render::RenderError for GL).
void run_screenshot(const CommandLine& options);

} // namespace redline::app
