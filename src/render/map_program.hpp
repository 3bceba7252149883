#pragma once

#include "core/geometry.hpp"
#include "render/gl_objects.hpp"
#include "scene/viewport.hpp"

#include <cstdint>
#include <string>

namespace redline::render {

/// A shader program that draws in map coordinates: its vertex shader takes positions in metres
/// relative to the scene's local origin and the uniforms u_centre (view centre, same frame),
/// u_px_per_m and u_viewport_px. Every map layer (fills, lines, symbols, rasters, plans, heat)
/// is drawn through one, so the view is set in one way only. Render thread only.
class MapProgram {
public:
    /// Compile and link (throws RenderError naming `name`).
    MapProgram(const std::string& name, const char* vertex_source, const char* fragment_source);

    /// Make the program current and set the view uniforms for `view` around `origin`
    /// (EPSG:27700 metres).
    void use(const scene::Viewport& view, core::Coord origin) const;
    /// Location of another uniform (-1 when the shader has none of that name).
    int uniform(const char* name) const;
    unsigned id() const { return m_program.id(); }

private:
    GlProgram m_program;
    int m_centre = -1, m_px_per_m = -1, m_viewport = -1;
};

/// Fill `texture` with an RGBA8 image (`rgba`: `width` x `height`, rows top first), filtered
/// linearly and clamped at the edges (so linear filtering never blends in the opposite edge);
/// with `mipmaps`, mipmapped, for images shown much smaller than their size.
void upload_rgba_texture(const GlTexture& texture, int width, int height, const std::uint8_t* rgba,
                         bool mipmaps);

} // namespace redline::render
