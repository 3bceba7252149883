#include "render/plan_renderer.hpp"

#include "render/shader_sources.hpp"

#include "core/error.hpp"

#define GL_GLEXT_PROTOTYPES
#include <GL/glcorearb.h>

namespace redline::render {

PlanRenderer::PlanRenderer() : m_program("plan", shaders::k_plan_vert, shaders::k_plan_frag) {
    m_opacity = m_program.uniform("u_opacity");
    m_plan = m_program.uniform("u_plan");
    m_map_to_plan = m_program.uniform("u_map_to_plan");
    m_plan_size = m_program.uniform("u_plan_size");
    m_vao = make_vertex_array();
    m_vbo = make_buffer();
    glBindVertexArray(m_vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, m_vbo.id());
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
    glBindVertexArray(0);
}

unsigned PlanRenderer::texture(const scene::PlanOverlay& overlay) {
    if (!overlay.image || overlay.image->width_px <= 0 || overlay.image->height_px <= 0)
        return 0;
    if (m_uploaded != overlay.image) {
        if (!m_texture)
            m_texture = make_texture();
        const scene::PlanImage& img = *overlay.image;
        // Mipmapped: a plan zoomed out to a few hundred screen pixels would otherwise shimmer
        // (thin drawn lines dropping in and out between texels).
        upload_rgba_texture(m_texture, img.width_px, img.height_px, img.rgba.data(), true);
        m_uploaded = overlay.image;
        ++m_uploads;
    }
    return m_texture.id();
}

void PlanRenderer::draw(const scene::PlanOverlay& overlay, const scene::Viewport& view,
                        core::Coord origin) {
    if (!overlay.visible || overlay.opacity <= 0 || !overlay.transform)
        return;
    const auto corners = scene::plan_corners_on_map(overlay);
    if (!corners)
        return;
    const unsigned tex = texture(overlay);
    if (!tex)
        return;
    std::array<double, 9> m;
    try {
        m = scene::local_map_to_plan(*overlay.transform, origin);
    } catch (const core::Error&) {
        return; // a singular transform has no inverse to texture with: nothing to draw
    }
    float mf[9];
    for (int i = 0; i < 9; ++i)
        mf[i] = static_cast<float>(m[i]);
    float quad[12];
    const int order[6] = {0, 1, 2, 0, 2, 3};
    for (int i = 0; i < 6; ++i) {
        const core::Coord& c = (*corners)[std::size_t(order[i])];
        quad[2 * i] = static_cast<float>(c.x - origin.x);
        quad[2 * i + 1] = static_cast<float>(c.y - origin.y);
    }
    m_program.use(view, origin);
    glUniform1f(m_opacity, overlay.opacity);
    // Row-major on the CPU: GL_TRUE transposes into GLSL's column-major mat3.
    glUniformMatrix3fv(m_map_to_plan, 1, GL_TRUE, mf);
    glUniform2f(m_plan_size, float(overlay.width), float(overlay.height));
    glUniform1i(m_plan, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, tex);
    glBindVertexArray(m_vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, m_vbo.id());
    glBufferData(GL_ARRAY_BUFFER, sizeof quad, quad, GL_STREAM_DRAW);
    glDrawArrays(GL_TRIANGLES, 0, 6);
    glBindTexture(GL_TEXTURE_2D, 0);
    glBindVertexArray(0);
}

} // namespace redline::render
