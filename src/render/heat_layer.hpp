#pragma once

#include "render/heat_surface.hpp"
#include "render/map_program.hpp"
#include "scene/scene.hpp"
#include "scene/viewport.hpp"

#include <optional>

namespace redline::render {

/// Draws Scene::heat: the kernel density of the complaints its filter lets through, computed on
/// the GPU. The filter runs on the CPU and the points are uploaded only when the filter or the
/// complaints change; a new bandwidth or kernel only recomputes the surface on the GPU; the
/// opacity, panning and zooming only redraw it through the ramp shader. Render thread only;
/// throws RenderError.
///
/// A new surface can be computed in steps across frames (a time budget per draw), so that a
/// window on a slow GL (llvmpipe, ~8 s for a million points) keeps drawing and shows progress;
/// the previous surface stays on the map until the new one is complete.
class HeatLayer {
public:
    HeatLayer();
    /// Draw the heat surface for `view`, first adding to a surface being computed for about
    /// `budget_ms` milliseconds; `budget_ms` <= 0 completes it in this call (screenshots, tests,
    /// benchmarks).
    void draw(const scene::Scene& scene, const scene::Viewport& view, double budget_ms = 0);
    /// Share of the points added to the surface being computed; nullopt when none is.
    std::optional<double> progress() const;
    /// Points added in the first step of a new surface and at least in each later one (the steps
    /// in between are sized to the budget); tests make them small to see several steps.
    void set_step_points(std::size_t first, std::size_t minimum);
    /// How many times the surface was computed (tests check that panning does not recompute).
    std::size_t compute_count() const { return m_computes; }
    /// How many times the points were uploaded (tests check a bandwidth change does not upload).
    std::size_t upload_count() const { return m_splatter.upload_count(); }
    /// Complaints splatted (those the heat filter let through).
    std::size_t point_count() const { return m_splatter.size(); }

private:
    void select_points(const scene::MapLayer& source, const scene::HeatFilter& filter);
    void start(double radius_m, int kernel);
    void advance(double budget_ms);
    void complete();

    MapProgram m_program;
    GlVertexArray m_vao;
    GlBuffer m_vbo;
    GlTexture m_texture;
    HeatSplatter m_splatter;
    HeatGrid m_grid; ///< of the complete surface in m_texture
    float m_peak = 0;
    std::optional<HeatAccumulation> m_pending; ///< the surface being computed
    std::size_t m_step = 4096, m_first_step = 4096, m_min_step = 256;
    core::Envelope m_extent; ///< of the points uploaded
    // What the uploaded points and the computed surface were made from.
    bool m_selected = false;
    scene::HeatFilter m_filter;
    std::uint64_t m_points_revision = 0;
    // The surface asked for last (being computed or complete).
    double m_radius_m = 0;
    int m_kernel = -1;
    std::size_t m_computes = 0;
};

} // namespace redline::render
