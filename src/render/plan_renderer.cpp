#include "render/plan_renderer.hpp"

#include "render/shader_sources.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#define GL_GLEXT_PROTOTYPES
#include <GL/glcorearb.h>

namespace redline::render {
namespace {

/// Upload line art with mip levels built by keeping each block's most opaque texel, where
/// glGenerateMipmap averages: a line two or three texels wide in a 4096 px drawing shown a few
/// hundred screen pixels across is sampled at level 3 or 4, where the average leaves an eighth
/// of its ink or less, and the drawing all but vanishes. Kept, it stays a line about a texel of
/// that level (a screen pixel or so) wide, whatever the zoom.
void upload_line_art(const GlTexture& texture, const scene::PlanImage& img) {
    glBindTexture(GL_TEXTURE_2D, texture.id());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    int w = img.width_px, h = img.height_px;
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, img.rgba.data());
    std::vector<std::uint8_t> level = img.rgba;
    for (int n = 1; w > 1 || h > 1; ++n) {
        // GL's level sizes halve rounding down; an odd last row or column joins its neighbour's
        // block, so every texel of the finer level is seen.
        const int nw = std::max(1, w / 2), nh = std::max(1, h / 2);
        std::vector<std::uint8_t> next(std::size_t(nw) * std::size_t(nh) * 4);
        for (int y = 0; y < nh; ++y)
            for (int x = 0; x < nw; ++x) {
                const std::uint8_t* best = nullptr;
                for (int sy = y * h / nh; sy < (y + 1) * h / nh; ++sy)
                    for (int sx = x * w / nw; sx < (x + 1) * w / nw; ++sx) {
                        const std::uint8_t* t = &level[(std::size_t(sy) * std::size_t(w) + sx) * 4];
                        if (!best || t[3] > best[3])
                            best = t;
                    }
                std::copy_n(best, 4, &next[(std::size_t(y) * std::size_t(nw) + x) * 4]);
            }
        level = std::move(next);
        w = nw;
        h = nh;
        glTexImage2D(GL_TEXTURE_2D, n, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, level.data());
    }
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
}

} // namespace

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
        if (img.line_art)
            upload_line_art(m_texture, img);
        else
            upload_rgba_texture(m_texture, img.width_px, img.height_px, img.rgba.data(), true);
        m_uploaded = overlay.image;
        ++m_uploads;
    }
    return m_texture.id();
}

void PlanRenderer::draw(const scene::PlanOverlay& overlay, const scene::Viewport& view,
                        core::Coord origin) {
    // The texture is addressed in image units: the plan's transform composed with its image's
    // map to plan units (identity for rasters, the rasteriser's affine for a DXF).
    const auto image_to_map = scene::image_to_map(overlay);
    if (!overlay.visible || overlay.opacity <= 0 || !image_to_map)
        return;
    const auto corners = scene::plan_corners_on_map(overlay);
    if (!corners)
        return;
    const unsigned tex = texture(overlay);
    if (!tex)
        return;
    std::array<double, 9> m;
    try {
        m = scene::local_map_to_plan(*image_to_map, origin);
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
