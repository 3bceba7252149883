#pragma once

// One headless OpenGL context for a whole test program, and drawing a scene into an image with
// it. A test that needs GL fails (never skips) without one: `make deps` installs Mesa.

#include "render/headless_context.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "render/render_error.hpp"

#include <optional>

namespace redline::test {

/// Whether the process-wide EGL surfaceless context could be made (made on first call).
inline bool have_gl() {
    static std::optional<render::HeadlessContext> ctx;
    static bool tried = false;
    if (!tried) {
        tried = true;
        try {
            ctx.emplace();
        } catch (const render::RenderError&) {
        }
    }
    return ctx.has_value();
}

/// `scene` drawn at `view` into an offscreen image (needs have_gl()).
inline render::Image draw_offscreen(const scene::Scene& scene, const scene::Viewport& view,
                                    const render::DrawOptions& options = {}) {
    render::OffscreenTarget target(view.width_px(), view.height_px());
    render::MapRenderer renderer;
    target.bind();
    renderer.draw(scene, view, options);
    target.resolve();
    return target.read_image();
}

} // namespace redline::test

#define REQUIRE_GL()                                                                               \
    if (!redline::test::have_gl())                                                                 \
    FAIL() << "no EGL surfaceless OpenGL context (Mesa libegl-mesa0 + libgl1-mesa-dri are "        \
              "required; make deps installs them)"
