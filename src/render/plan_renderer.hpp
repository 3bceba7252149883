#pragma once

#include "render/map_program.hpp"
#include "scene/plan_overlay.hpp"
#include "scene/viewport.hpp"

#include <cstddef>
#include <memory>

namespace redline::render {

/// Draws a calibrated plan over the map through its full transform (Helmert, affine or
/// projective): the quadrilateral of its corners on the map, each fragment mapped back to the
/// plan by the inverse homography (shaders/plan.frag). The plan's texture (mipmapped; line art
/// with levels that keep its lines) is uploaded once per image and kept. Render thread only; the
/// constructor compiles the shaders (throws RenderError).
class PlanRenderer {
public:
    PlanRenderer();
    /// Draw `overlay` for `view` (nothing when it is hidden, has no transform or no image).
    /// `origin` is the scene's local origin (EPSG:27700).
    void draw(const scene::PlanOverlay& overlay, const scene::Viewport& view, core::Coord origin);
    /// The GL texture name holding `overlay`'s image (uploaded now if needed), for the plan
    /// window's ImGui image; 0 when it has no image.
    unsigned texture(const scene::PlanOverlay& overlay);
    /// Textures uploaded since construction (tests check the cache).
    std::size_t upload_count() const { return m_uploads; }

private:
    MapProgram m_program;
    int m_opacity = -1, m_plan = -1, m_map_to_plan = -1, m_plan_size = -1;
    GlVertexArray m_vao;
    GlBuffer m_vbo;
    GlTexture m_texture;
    std::shared_ptr<const scene::PlanImage> m_uploaded; ///< the image now in m_texture
    std::size_t m_uploads = 0;
};

} // namespace redline::render
