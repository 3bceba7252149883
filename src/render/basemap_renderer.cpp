#include "render/basemap_renderer.hpp"

#include "render/shader_sources.hpp"

#define GL_GLEXT_PROTOTYPES
#include <GL/glcorearb.h>

#include <set>

namespace redline::render {

BasemapRenderer::BasemapRenderer()
    : m_program("raster", shaders::k_raster_vert, shaders::k_raster_frag) {
    m_opacity = m_program.uniform("u_opacity");
    m_tile = m_program.uniform("u_tile");
    m_vao = make_vertex_array();
    m_vbo = make_buffer();
    glBindVertexArray(m_vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, m_vbo.id());
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(float), nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(float),
                          reinterpret_cast<const void*>(2 * sizeof(float)));
    glBindVertexArray(0);
}

void BasemapRenderer::draw(const std::vector<scene::Basemap>& basemaps, const scene::Viewport& view,
                           core::Coord origin) {
    std::set<std::uint64_t> alive;
    for (const auto& b : basemaps)
        for (const auto& [key, tile] : b.tiles())
            alive.insert(tile.id);
    std::erase_if(m_textures, [&](const auto& kv) { return !alive.count(kv.first); });

    m_program.use(view, origin);
    glUniform1i(m_tile, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(m_vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, m_vbo.id());
    for (const auto& b : basemaps) {
        if (!b.visible || b.opacity <= 0)
            continue;
        glUniform1f(m_opacity, b.opacity);
        for (const scene::BasemapTile* t : b.tiles_to_draw(view)) {
            auto it = m_textures.find(t->id);
            if (it == m_textures.end()) {
                GlTexture tex = make_texture();
                // Not mipmapped: the tile grid already has a level for every zoom.
                upload_rgba_texture(tex, scene::k_tile_px, scene::k_tile_px, t->rgba.data(), false);
                it = m_textures.emplace(t->id, std::move(tex)).first;
                ++m_uploads;
            }
            const core::Envelope e = scene::tile_extent(t->key);
            const float x0 = float(e.min_x - origin.x), x1 = float(e.max_x - origin.x);
            const float y0 = float(e.min_y - origin.y), y1 = float(e.max_y - origin.y);
            // Row 0 of the tile is its northern edge: v = 0 at max_y.
            const float quad[] = {x0, y1, 0, 0, x1, y1, 1, 0, x1, y0, 1, 1,
                                  x0, y1, 0, 0, x1, y0, 1, 1, x0, y0, 0, 1};
            glBufferData(GL_ARRAY_BUFFER, sizeof quad, quad, GL_STREAM_DRAW);
            glBindTexture(GL_TEXTURE_2D, it->second.id());
            glDrawArrays(GL_TRIANGLES, 0, 6);
        }
    }
    glBindTexture(GL_TEXTURE_2D, 0);
    glBindVertexArray(0);
}

} // namespace redline::render
