#pragma once

#include "render/gl_objects.hpp"
#include "render/heat_surface.hpp"
#include "scene/scene.hpp"
#include "scene/viewport.hpp"

namespace redline::render {

/// Draws Scene::heat: the complaint points' kernel density computed on the GPU
/// (compute_heat_surface) whenever the bandwidth, kernel or points change, then coloured by the
/// ramp shader on every frame. Render thread only; throws RenderError.
class HeatLayer {
public:
    HeatLayer();
    void draw(const scene::Scene& scene, const scene::Viewport& view);
    /// How many times the surface was computed (tests check that panning does not recompute).
    std::size_t compute_count() const { return m_computes; }

private:
    GlProgram m_program;
    GlVertexArray m_vao;
    GlBuffer m_vbo;
    GlTexture m_texture;
    HeatGrid m_grid;
    float m_peak = 0;
    scene::HeatSettings m_settings;
    std::uint64_t m_points_revision = 0;
    std::size_t m_computes = 0;
};

} // namespace redline::render
