#pragma once

#include "render/gl_objects.hpp"
#include "render/image.hpp"

namespace redline::render {

/// A framebuffer to draw the map into: 4x multisampled colour (smooth edges on every driver),
/// resolved into an RGBA8 texture that ImGui can show and that can be read back as an Image.
/// Needs a current GL 3.3 context; render thread only. Throws RenderError when incomplete.
class OffscreenTarget {
public:
    OffscreenTarget(int width_px, int height_px);

    int width_px() const { return m_width; }
    int height_px() const { return m_height; }
    /// Recreate the buffers when the size changes (no-op otherwise).
    void resize(int width_px, int height_px);
    /// Bind for drawing and set the GL viewport to the whole target.
    void bind();
    /// Bind and fill with one colour (components 0..1).
    void clear(float r, float g, float b, float a);
    /// Resolve the multisampled image into the texture; binds framebuffer 0 afterwards.
    void resolve();
    /// The resolved colour texture (GL name), valid after resolve().
    unsigned texture() const { return m_texture.id(); }
    /// Read the resolved texture back, rows top to bottom.
    Image read_image();

private:
    void create();
    int m_width;
    int m_height;
    GlFramebuffer m_msaa_fbo;
    GlRenderbuffer m_msaa_colour;
    GlFramebuffer m_resolve_fbo;
    GlTexture m_texture;
};

} // namespace redline::render
