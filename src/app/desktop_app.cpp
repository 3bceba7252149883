#include "app/desktop_app.hpp"

#include "app/app_state.hpp"
#include "app/basemap_loader.hpp"
#include "app/casework_jobs.hpp"
#include "app/coordinate_readout.hpp"
#include "app/hotspot_tasks.hpp"
#include "app/plan_worker.hpp"
#include "app/workspace_loader.hpp"
#include "render/image.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "render/render_error.hpp"
#include "ui/main_layout.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#define GL_GLEXT_PROTOTYPES
#include <GL/glcorearb.h>

#include <algorithm>
#include <memory>

namespace redline::app {
namespace {

/// GLFW library and window, released in reverse order.
struct Window {
    GLFWwindow* handle = nullptr;
    Window() {
        if (!glfwInit())
            throw render::RenderError("GLFW cannot initialise (no display? use --screenshot)");
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        handle = glfwCreateWindow(1600, 1000, "Redline", nullptr, nullptr);
        if (!handle) {
            glfwTerminate();
            throw render::RenderError("GLFW cannot create an OpenGL 3.3 core window");
        }
        glfwMakeContextCurrent(handle);
        glfwSwapInterval(1);
    }
    ~Window() {
        glfwDestroyWindow(handle);
        glfwTerminate();
    }
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;
};

/// Dear ImGui context with its GLFW and OpenGL3 backends (compiled into Debian's libimgui.a).
struct ImGuiSession {
    explicit ImGuiSession(GLFWwindow* w) {
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr; // a fixed layout: nothing to remember
        ImGui::StyleColorsLight();
        ImGui_ImplGlfw_InitForOpenGL(w, true);
        ImGui_ImplOpenGL3_Init("#version 330 core");
    }
    ~ImGuiSession() {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    ImGuiSession(const ImGuiSession&) = delete;
    ImGuiSession& operator=(const ImGuiSession&) = delete;
};

/// Feed the basemap worker: open what was added, take what it read, ask for what the view lacks.
void update_basemaps(AppState& state, BasemapLoader& loader) {
    for (const std::string& path : state.basemap_open_requests)
        loader.open(path);
    state.basemap_open_requests.clear();
    for (BasemapLoader::Result& r : loader.poll()) {
        if (!r.error.empty()) {
            state.error = r.error;
            continue;
        }
        if (!state.scene)
            state.scene = std::make_unique<scene::Scene>();
        if (r.opened) {
            const bool first = state.scene->layers().empty() && state.scene->basemaps().empty();
            state.scene->add_basemap({r.path, r.opened->extent, r.opened->cell_m});
            if (first)
                state.view.fit(state.scene->extent(), 20);
        } else if (r.key) {
            if (scene::Basemap* b = state.scene->find_basemap(r.path))
                b->add_tile(*r.key, std::move(r.rgba), state.view.centre());
        }
    }
    if (!state.scene)
        return;
    for (const scene::Basemap& b : state.scene->basemaps())
        loader.want(b.path(),
                    b.visible ? b.missing_tiles(state.view) : std::vector<scene::TileKey>{});
}

/// The default framebuffer as an image, rows top to bottom.
render::Image read_window(int width, int height) {
    render::Image img;
    img.width = width;
    img.height = height;
    img.rgba.resize(std::size_t(width) * height * 4);
    std::vector<std::uint8_t> rows(img.rgba.size());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rows.data());
    const std::size_t stride = std::size_t(width) * 4;
    for (int y = 0; y < height; ++y)
        std::copy_n(rows.data() + (height - 1 - y) * stride, stride,
                    img.rgba.data() + std::size_t(y) * stride);
    return img;
}

/// The part of `img` inside `r` (window pixels scaled to framebuffer pixels by `scale`).
render::Image crop(const render::Image& img, const ui::Rect& r, float scale) {
    const int x0 = std::clamp(int(r.x * scale), 0, img.width);
    const int y0 = std::clamp(int(r.y * scale), 0, img.height);
    const int x1 = std::clamp(int((r.x + r.w) * scale), x0, img.width);
    const int y1 = std::clamp(int((r.y + r.h) * scale), y0, img.height);
    render::Image out;
    out.width = x1 - x0;
    out.height = y1 - y0;
    out.rgba.resize(std::size_t(out.width) * out.height * 4);
    for (int y = 0; y < out.height; ++y)
        std::copy_n(img.rgba.data() + (std::size_t(y0 + y) * img.width + x0) * 4,
                    std::size_t(out.width) * 4, out.rgba.data() + std::size_t(y) * out.width * 4);
    return out;
}

} // namespace

int run_desktop(const CommandLine& options) {
    Window window;
    ImGuiSession imgui(window.handle);
    render::MapRenderer renderer;
    render::OffscreenTarget target(800, 600);
    CoordinateReadout readout;
    AppState state;
    std::unique_ptr<BackgroundLoad> loading;
    BasemapLoader basemap_loader;
    std::unique_ptr<CaseworkJob> casework_job;
    PlanWorker plan_worker; // issue #5
    HotspotTasks hotspots;
    int dashboard_export_frames = 0; // frames since the Dashboard tab was asked for
    ui::UiMemory memory;
    if (options.workspace)
        state.open_request = *options.workspace;
    for (const std::string& path : options.basemaps)
        execute(state, ui::AddBasemap{path});
    if (options.tab)
        memory.select_tab = *options.tab;
    if (options.gistar)
        memory.gistar = *options.gistar; // the Hotspots tab shows what --gistar computed
    std::optional<std::string> pending_select = options.select;
    std::optional<std::string> pending_finding = options.finding;
    std::optional<std::string> pending_case = options.select_case;
    std::optional<core::Coord> pending_complaint = options.complaint_at;
    long long pending_plan = options.plan.value_or(0); // issue #5, 0 = none
    int settled_frames = 0; // frames with nothing loading, for --window-screenshot

    while (!glfwWindowShouldClose(window.handle) && !state.quit) {
        if (loading || basemap_loader.busy() || casework_job || plan_worker.busy() ||
            hotspots.busy() || renderer.heat_progress() || options.window_screenshot ||
            options.dashboard_png || state.dashboard_export_request)
            glfwPollEvents();
        else
            glfwWaitEventsTimeout(0.05); // idle: no need to spin at the refresh rate

        start_casework(state, casework_job);
        finish_casework(state, casework_job);
        const bool keep_view =
            state.reload_keeps_view && state.open_request && *state.open_request == state.workspace;
        if (state.open_request) {
            state.reload_keeps_view = keep_view;
            state.workspace = *state.open_request;
            state.error.clear();
            loading = std::make_unique<BackgroundLoad>(*state.open_request);
            state.open_request.reset();
        }
        if (loading && loading->done()) {
            if (auto scene = loading->take()) {
                // Basemaps belong to the session, not the workspace: carry them over.
                if (state.scene)
                    for (scene::Basemap& b : state.scene->basemaps())
                        scene->add_basemap(std::move(b));
                state.scene = std::move(scene);
                state.cases = loading->take_cases();
                CheckRunView run = loading->take_check_run();
                state.findings = std::move(run.findings);
                state.check_run_label = std::move(run.label);
                state.selected_finding = 0;
                state.workload = loading->take_workload();
                if (options.heat_m) {
                    state.scene->heat.enabled = true;
                    state.scene->heat.radius_m = *options.heat_m;
                }
                state.scene->heat.filter = options.heat_filter;
                hotspots.on_loaded(state, loading->workspace(),
                                   options.as_of.value_or(core::Date::today()));
                state.gistar_request = options.gistar;
                // After a casework write the same workspace is read again: the officer stays
                // where they were, with the same case selected.
                if (!state.reload_keeps_view) {
                    state.selected_case.clear();
                    state.view.fit(state.scene->extent(), 20);
                    if (options.centre_e) { // --view: the same framing as --screenshot
                        state.view.set_centre({*options.centre_e, *options.centre_n});
                        state.view.set_scale_denominator(*options.scale);
                    }
                }
                state.reload_keeps_view = false;
                state.search_hits.clear();
                renderer.prune(*state.scene);
            } else {
                state.error = loading->error();
            }
            loading.reset();
        }
        update_basemaps(state, basemap_loader);
        update_plans(state, plan_worker);
        hotspots.update(state);

        // Draw the map first, so that the texture ImGui shows this frame is the one just drawn.
        if (state.scene) {
            target.resize(state.view.width_px(), state.view.height_px());
            target.bind();
            render::DrawOptions frame;
            // A new heat surface is added to in ~30 ms steps, so the window keeps drawing.
            frame.heat_budget_ms = 30;
            renderer.draw(*state.scene, state.view, frame);
            target.resolve();
        }

        ui::ViewState vs = panels_view(state);
        vs.map_texture = state.scene ? target.texture() : 0;
        // issue #5: the Plans and Measure tabs and the plan window
        const ui::PlanToolView plan_view =
            plan_tool_view(state, state.scene ? renderer.plan_texture(*state.scene) : 0);
        const ui::MeasureToolView measure_view = measure_tool_view(state);
        if (state.scene) {
            vs.plan_tool = &plan_view;
            vs.measure_tool = &measure_view;
        }
        vs.gistar_running = hotspots.progress().has_value() || state.gistar_request.has_value();
        if (state.cursor) {
            const CoordinateTexts t = readout.format(*state.cursor);
            vs.cursor_bng = t.bng;
            vs.cursor_gridref = t.gridref;
            vs.cursor_latlon = t.latlon;
        }
        if (loading) {
            auto [fraction, stage] = loading->progress();
            vs.progress = ui::TaskProgress{stage, fraction};
        } else if (casework_job) {
            auto [fraction, stage] = casework_job->progress();
            vs.progress = ui::TaskProgress{stage, fraction};
        } else if (basemap_loader.busy()) {
            vs.progress = ui::TaskProgress{"reading basemap", 0.5};
        } else if (plan_worker.busy()) {
            vs.progress = ui::TaskProgress{"plans: reading or saving", 0.5};
        } else if (auto p = hotspots.progress()) {
            vs.progress = *p;
        } else if (auto h = renderer.heat_progress()) {
            vs.progress = ui::TaskProgress{"heat surface", *h};
        }

        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        ui::Actions actions;
        ui::draw_main_window(vs, memory, actions);
        ImGui::Render();
        int fb_w = 0, fb_h = 0;
        glfwGetFramebufferSize(window.handle, &fb_w, &fb_h);
        glViewport(0, 0, fb_w, fb_h);
        glClearColor(0.9f, 0.9f, 0.9f, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

        const bool loaded = !loading && !state.open_request && !basemap_loader.busy() &&
                            !casework_job && !state.casework_request &&
                            state.basemap_open_requests.empty() && !plan_worker.busy() &&
                            !state.plans.loading && pending_plan == 0 && !hotspots.busy() &&
                            !state.gistar_request && !renderer.heat_progress();
        settled_frames = loaded ? settled_frames + 1 : 0;
        // A few settled frames: the map size the panel asked for has been applied and drawn.
        if (options.window_screenshot && settled_frames >= 4 && !pending_select &&
            !pending_finding && !pending_case && !pending_complaint) {
            render::write_png(read_window(fb_w, fb_h), *options.window_screenshot);
            return 0;
        }
        if (options.dashboard_png && settled_frames >= 4 && !state.dashboard_export_request)
            state.dashboard_export_request = *options.dashboard_png;
        if (state.dashboard_export_request) {
            // Show the Dashboard tab, let it lay out for two frames, then save the sidebar.
            memory.select_tab = "Dashboard";
            if (++dashboard_export_frames > 3) {
                int win_w = 0, win_h = 0;
                glfwGetWindowSize(window.handle, &win_w, &win_h);
                const float scale = win_w > 0 ? float(fb_w) / float(win_w) : 1.0f;
                const ui::Layout layout = ui::compute_layout(float(win_w), float(win_h));
                try {
                    render::write_png(crop(read_window(fb_w, fb_h), layout.sidebar, scale),
                                      *state.dashboard_export_request);
                    state.error = "Dashboard written to " + *state.dashboard_export_request;
                } catch (const std::exception& e) {
                    state.error = e.what();
                }
                state.dashboard_export_request.reset();
                dashboard_export_frames = 0;
                if (options.dashboard_png)
                    return 0;
            }
        }
        glfwSwapBuffers(window.handle);

        for (const ui::Action& a : actions)
            execute(state, a);
        // --select frames once the map panel has told the view its real size.
        if (pending_select && state.scene && !loading && settled_frames >= 1) {
            execute(state, ui::RunSearch{*pending_select});
            pending_select.reset();
            settled_frames = 0;
        }
        if (pending_finding && state.scene && !loading && settled_frames >= 1) {
            for (const scene::Finding& f : state.findings)
                if (f.code == *pending_finding) {
                    execute(state, ui::SelectFinding{f.id});
                    break;
                }
            pending_finding.reset();
            settled_frames = 0;
        }
        if (pending_case && state.scene && !loading && settled_frames >= 1) {
            execute(state, ui::SelectCase{*pending_case});
            if (options.form)
                execute(state, ui::OpenCaseForm{options.form == "stage" ? ui::CaseForm::Stage
                                                                        : ui::CaseForm::Evidence,
                                                *pending_case});
            pending_case.reset();
            settled_frames = 0;
        }
        if (pending_complaint && state.scene && !loading && settled_frames >= 1) {
            execute(state, ui::PlaceComplaint{*pending_complaint});
            if (options.complaint_opens_case) {
                memory.casework.open_case = true;
                memory.casework.join_case = false;
            }
            pending_complaint.reset();
            settled_frames = 0;
        }
        if (pending_plan != 0 && state.scene && !loading) {
            execute(state, ui::OpenPlan{pending_plan});
            execute(state, ui::SetPlanOpacity{options.plan_opacity});
            pending_plan = 0;
            settled_frames = 0;
        }
        if (state.export_request && state.scene) {
            // Errors are shown in the window, never thrown past the frame loop.
            try {
                render::OffscreenTarget shot(state.view.width_px(), state.view.height_px());
                shot.bind();
                renderer.draw(*state.scene, state.view);
                shot.resolve();
                render::write_png(shot.read_image(), *state.export_request);
                state.error = "Map written to " + *state.export_request;
            } catch (const std::exception& e) {
                state.error = e.what();
            }
        }
        state.export_request.reset();
    }
    return 0;
}

} // namespace redline::app
