#include "render/plan_renderer.hpp"

#include "render/shader_sources.hpp"

#include "core/error.hpp"

#define GL_GLEXT_PROTOTYPES
#include <GL/glcorearb.h>

namespace redline::render {

PlanRenderer::PlanRenderer()
    : m_program(compile_program("plan", shaders::k_plan_vert, shaders::k_plan_frag)) {
    const GLuint p = m_program.id();
    m_centre = glGetUniformLocation(p, "u_centre");
    m_px_per_m = glGetUniformLocation(p, "u_px_per_m");
    m_viewport = glGetUniformLocation(p, "u_viewport_px");
    m_opacity = glGetUniformLocation(p, "u_opacity");
    m_plan = glGetUniformLocation(p, "u_plan");
    m_map_to_plan = glGetUniformLocation(p, "u_map_to_plan");
    m_plan_size = glGetUniformLocation(p, "u_plan_size");
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
        glBindTexture(GL_TEXTURE_2D, m_texture.id());
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, img.width_px, img.height_px, 0, GL_RGBA,
                     GL_UNSIGNED_BYTE, img.rgba.data());
        // Mipmapped: a plan zoomed out to a few hundred screen pixels would otherwise shimmer
        // (thin drawn lines dropping in and out between texels).
        glGenerateMipmap(GL_TEXTURE_2D);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glBindTexture(GL_TEXTURE_2D, 0);
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
    glUseProgram(m_program.id());
    glUniform2f(m_centre, static_cast<float>(view.centre().x - origin.x),
                static_cast<float>(view.centre().y - origin.y));
    glUniform1f(m_px_per_m, static_cast<float>(1.0 / view.metres_per_px()));
    glUniform2f(m_viewport, float(view.width_px()), float(view.height_px()));
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
