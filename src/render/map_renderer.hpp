#pragma once

#include "scene/scene.hpp"
#include "scene/viewport.hpp"

#include <cstddef>
#include <memory>
#include <optional>

namespace redline::render {

/// Options of one frame.
struct DrawOptions {
    scene::Rgba background{0.965f, 0.961f, 0.941f, 1.0f}; ///< paper white
    bool furniture = true;                                ///< scale bar and north arrow
    /// Milliseconds a new heat surface may take in this frame before it continues in the next
    /// (see HeatLayer); 0 completes it now (screenshots, tests, benchmarks).
    double heat_budget_ms = 0;
};

/// Draws a Scene with OpenGL 3.3 core into the bound framebuffer (a window's or an
/// OffscreenTarget). Each layer's vertex buffers are uploaded once and kept until the layer's
/// revision changes; style, opacity, visibility and the view only change uniforms. Coordinates are
/// made relative to the scene's local origin before they become floats.
///
/// Construct, use and destroy on the thread whose GL context is current. The constructor compiles
/// the shaders and throws RenderError if one fails.
class MapRenderer {
public:
    MapRenderer();
    ~MapRenderer();
    MapRenderer(const MapRenderer&) = delete;
    MapRenderer& operator=(const MapRenderer&) = delete;

    /// Draw one frame of `view` (its size is the framebuffer size in pixels).
    void draw(const scene::Scene& scene, const scene::Viewport& view,
              const DrawOptions& options = {});

    /// Share of a heat surface computed so far while it is computed across frames; nullopt when
    /// none is.
    std::optional<double> heat_progress() const;
    /// How many times layer buffers have been uploaded since construction (tests check caching).
    std::size_t upload_count() const;
    /// GL texture name of the scene's plan overlay image (uploaded now if needed), for the plan
    /// window; 0 when there is none.
    unsigned plan_texture(const scene::Scene& scene);
    /// Free the buffers of layers no longer in the scene.
    void prune(const scene::Scene& scene);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace redline::render
