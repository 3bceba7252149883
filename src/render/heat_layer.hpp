#pragma once

#include "render/heat_surface.hpp"
#include "render/map_program.hpp"
#include "scene/scene.hpp"
#include "scene/viewport.hpp"

namespace redline::render {

/// Draws Scene::heat: the kernel density of the complaints its filter lets through, computed on
/// the GPU. The filter runs on the CPU and the points are uploaded only when the filter or the
/// complaints change; a new bandwidth or kernel only recomputes the surface on the GPU; the
/// opacity, panning and zooming only redraw it through the ramp shader. Render thread only;
/// throws RenderError.
class HeatLayer {
public:
    HeatLayer();
    void draw(const scene::Scene& scene, const scene::Viewport& view);
    /// How many times the surface was computed (tests check that panning does not recompute).
    std::size_t compute_count() const { return m_computes; }
    /// How many times the points were uploaded (tests check a bandwidth change does not upload).
    std::size_t upload_count() const { return m_splatter.upload_count(); }
    /// Complaints splatted (those the heat filter let through).
    std::size_t point_count() const { return m_splatter.size(); }

private:
    void select_points(const scene::MapLayer& source, const scene::HeatFilter& filter);
    void compute(double radius_m, int kernel);

    MapProgram m_program;
    GlVertexArray m_vao;
    GlBuffer m_vbo;
    GlTexture m_texture;
    HeatSplatter m_splatter;
    HeatGrid m_grid;
    float m_peak = 0;
    core::Envelope m_extent; ///< of the points uploaded
    // What the uploaded points and the computed surface were made from.
    bool m_selected = false;
    scene::HeatFilter m_filter;
    std::uint64_t m_points_revision = 0;
    double m_radius_m = 0;
    int m_kernel = -1;
    std::size_t m_computes = 0;
};

} // namespace redline::render
