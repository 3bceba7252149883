#pragma once

#include "render/map_program.hpp"
#include "scene/basemap.hpp"
#include "scene/viewport.hpp"

#include <cstdint>
#include <map>
#include <vector>

namespace redline::render {

/// Draws a scene's raster basemaps as textured tiles. Each tile's texture is uploaded once (by
/// tile id) and freed when the tile leaves the scene. Render thread only; the constructor
/// compiles the raster shaders (throws RenderError).
class BasemapRenderer {
public:
    BasemapRenderer();
    /// Draw the visible basemaps' tiles for `view`, coarse levels first. `origin` is the scene's
    /// local origin (coordinates become floats only after it is subtracted).
    void draw(const std::vector<scene::Basemap>& basemaps, const scene::Viewport& view,
              core::Coord origin);
    /// Textures uploaded since construction (tests check the cache).
    std::size_t upload_count() const { return m_uploads; }

private:
    MapProgram m_program;
    int m_opacity = -1, m_tile = -1;
    GlVertexArray m_vao;
    GlBuffer m_vbo;
    std::map<std::uint64_t, GlTexture> m_textures;
    std::size_t m_uploads = 0;
};

} // namespace redline::render
