#include "render/map_program.hpp"

#define GL_GLEXT_PROTOTYPES
#include <GL/glcorearb.h>

namespace redline::render {

MapProgram::MapProgram(const std::string& name, const char* vertex_source,
                       const char* fragment_source)
    : m_program(compile_program(name, vertex_source, fragment_source)) {
    m_centre = uniform("u_centre");
    m_px_per_m = uniform("u_px_per_m");
    m_viewport = uniform("u_viewport_px");
}

void MapProgram::use(const scene::Viewport& view, core::Coord origin) const {
    glUseProgram(m_program.id());
    // The centre relative to the origin is computed in double, then rounded once: floats hold
    // millimetres only near the origin.
    glUniform2f(m_centre, static_cast<float>(view.centre().x - origin.x),
                static_cast<float>(view.centre().y - origin.y));
    glUniform1f(m_px_per_m, static_cast<float>(1.0 / view.metres_per_px()));
    glUniform2f(m_viewport, float(view.width_px()), float(view.height_px()));
}

int MapProgram::uniform(const char* name) const {
    return glGetUniformLocation(m_program.id(), name);
}

void upload_rgba_texture(const GlTexture& texture, int width, int height, const std::uint8_t* rgba,
                         bool mipmaps) {
    glBindTexture(GL_TEXTURE_2D, texture.id());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    if (mipmaps)
        glGenerateMipmap(GL_TEXTURE_2D);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER,
                    mipmaps ? GL_LINEAR_MIPMAP_LINEAR : GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
}

} // namespace redline::render
