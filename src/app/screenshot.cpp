#include "app/screenshot.hpp"

#include "app/app_state.hpp"
#include "app/basemap_loader.hpp"
#include "app/gistar_worker.hpp"
#include "app/plan_records.hpp"
#include "app/plan_tools.hpp"
#include "app/plan_worker.hpp"
#include "app/workspace_loader.hpp"
#include "core/error.hpp"
#include "render/headless_context.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "render/render_error.hpp"

#include <GLFW/glfw3.h>

#include <cstdlib>
#include <iostream>
#include <optional>

namespace redline::app {
namespace {

/// A GL context for one frame: EGL surfaceless first (no display needed, deterministic), else an
/// invisible GLFW window when an X display is set.
class FrameContext {
public:
    FrameContext() {
        try {
            m_egl.emplace();
            return;
        } catch (const render::RenderError& e) {
            if (!std::getenv("DISPLAY"))
                throw;
            std::cerr << "redline: " << e.what() << "; using the X display instead\n";
        }
        if (!glfwInit())
            throw render::RenderError("GLFW cannot initialise on $DISPLAY");
        glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        m_window = glfwCreateWindow(64, 64, "redline", nullptr, nullptr);
        if (!m_window) {
            glfwTerminate();
            throw render::RenderError("GLFW cannot create an OpenGL 3.3 core context");
        }
        glfwMakeContextCurrent(m_window);
    }
    ~FrameContext() {
        if (m_window) {
            glfwDestroyWindow(m_window);
            glfwTerminate();
        }
    }
    FrameContext(const FrameContext&) = delete;
    FrameContext& operator=(const FrameContext&) = delete;

private:
    std::optional<render::HeadlessContext> m_egl;
    GLFWwindow* m_window = nullptr;
};

} // namespace

void run_screenshot(const CommandLine& options) {
    AppState state;
    state.scene = load_scene(*options.workspace, {}, options.layers);
    state.view.set_size(options.width_px, options.height_px);
    if (options.centre_e) {
        state.view.set_centre({*options.centre_e, *options.centre_n});
        state.view.set_scale_denominator(*options.scale);
    } else {
        state.view.fit(state.scene->extent(), 20);
    }
    if (options.select) {
        execute(state, ui::RunSearch{*options.select});
        if (state.search_hits.empty())
            throw core::UsageError("--select: nothing matches '" + *options.select + "'");
        // An explicit --view wins over the framing the search did.
        if (options.centre_e) {
            state.view.set_centre({*options.centre_e, *options.centre_n});
            state.view.set_scale_denominator(*options.scale);
        }
    }
    // Basemaps read synchronously: this mode renders one frame and may wait for them.
    for (const std::string& path : options.basemaps)
        state.scene->add_basemap(load_basemap_now(path, state.view));
    if (options.heat_m) {
        state.scene->heat.enabled = true;
        state.scene->heat.radius_m = *options.heat_m;
    }
    // issue #5: a plan through its calibration, and a saved measurement with its label.
    if (options.plan) {
        show_loaded_plan(state, load_plan(*options.workspace, *options.plan));
        if (!state.plans.overlay.transform)
            throw core::UsageError("--plan: plan " + std::to_string(*options.plan) +
                                   " is not calibrated yet (redline-cli plan calibrate)");
        state.plans.overlay.opacity = options.plan_opacity;
        sync_plan_scene(state);
        const auto corners = scene::plan_corners_on_map(state.plans.overlay);
        if (corners && !options.centre_e && !options.select) {
            core::Envelope e;
            for (const core::Coord& c : *corners)
                e.expand(c);
            state.view.fit(e, 20);
        }
    }
    if (options.measurement) {
        const store::MeasurementRecord m =
            load_measurement(*options.workspace, *options.measurement);
        state.scene->measure_overlay = measurement_overlay(m);
        if (!options.centre_e && !options.select && !options.plan)
            state.view.fit(m.geometry.envelope(), 120, framing_metres_per_px() / 4);
    }
    state.scene->heat.filter = options.heat_filter;
    if (options.gistar) {
        // Computed before the frame, on this thread: this mode renders one frame and may wait.
        state.gistar_request = options.gistar;
        run_gistar_now(state, state.scene->reference_date);
        if (!state.error.empty())
            throw core::UsageError(state.error);
    }
    FrameContext context;
    render::OffscreenTarget target(options.width_px, options.height_px);
    render::MapRenderer renderer;
    render::DrawOptions draw;
    draw.furniture = options.furniture;
    target.bind();
    renderer.draw(*state.scene, state.view, draw);
    target.resolve();
    render::write_png(target.read_image(), *options.screenshot);
}

} // namespace redline::app
