#include "render/gl_objects.hpp"

#include "render/render_error.hpp"

#define GL_GLEXT_PROTOTYPES
#include <GL/glcorearb.h>

#include <vector>

namespace redline::render {
namespace detail {

void BufferKind::destroy(unsigned id) {
    glDeleteBuffers(1, &id);
}
void VertexArrayKind::destroy(unsigned id) {
    glDeleteVertexArrays(1, &id);
}
void TextureKind::destroy(unsigned id) {
    glDeleteTextures(1, &id);
}
void FramebufferKind::destroy(unsigned id) {
    glDeleteFramebuffers(1, &id);
}
void RenderbufferKind::destroy(unsigned id) {
    glDeleteRenderbuffers(1, &id);
}
void ProgramKind::destroy(unsigned id) {
    glDeleteProgram(id);
}

} // namespace detail

GlBuffer make_buffer() {
    GLuint id = 0;
    glGenBuffers(1, &id);
    return GlBuffer(id);
}
GlVertexArray make_vertex_array() {
    GLuint id = 0;
    glGenVertexArrays(1, &id);
    return GlVertexArray(id);
}
GlTexture make_texture() {
    GLuint id = 0;
    glGenTextures(1, &id);
    return GlTexture(id);
}
GlFramebuffer make_framebuffer() {
    GLuint id = 0;
    glGenFramebuffers(1, &id);
    return GlFramebuffer(id);
}
GlRenderbuffer make_renderbuffer() {
    GLuint id = 0;
    glGenRenderbuffers(1, &id);
    return GlRenderbuffer(id);
}

namespace {

/// A compiled shader stage, deleted once linked into the program.
struct Stage {
    GLuint id = 0;
    ~Stage() {
        if (id)
            glDeleteShader(id);
    }
};

void compile_stage(Stage& stage, GLenum type, const char* source, const std::string& name,
                   const char* stage_name) {
    stage.id = glCreateShader(type);
    glShaderSource(stage.id, 1, &source, nullptr);
    glCompileShader(stage.id);
    GLint ok = GL_FALSE;
    glGetShaderiv(stage.id, GL_COMPILE_STATUS, &ok);
    if (ok == GL_TRUE)
        return;
    GLint length = 0;
    glGetShaderiv(stage.id, GL_INFO_LOG_LENGTH, &length);
    std::vector<char> log(static_cast<std::size_t>(std::max(length, 1)));
    glGetShaderInfoLog(stage.id, length, nullptr, log.data());
    throw RenderError("shader program '" + name + "': " + stage_name +
                      " shader does not compile: " + std::string(log.data()));
}

} // namespace

GlProgram compile_program(const std::string& name, const char* vertex_source,
                          const char* fragment_source) {
    Stage vs, fs;
    compile_stage(vs, GL_VERTEX_SHADER, vertex_source, name, "vertex");
    compile_stage(fs, GL_FRAGMENT_SHADER, fragment_source, name, "fragment");
    GlProgram program(glCreateProgram());
    glAttachShader(program.id(), vs.id);
    glAttachShader(program.id(), fs.id);
    glLinkProgram(program.id());
    GLint ok = GL_FALSE;
    glGetProgramiv(program.id(), GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
        GLint length = 0;
        glGetProgramiv(program.id(), GL_INFO_LOG_LENGTH, &length);
        std::vector<char> log(static_cast<std::size_t>(std::max(length, 1)));
        glGetProgramInfoLog(program.id(), length, nullptr, log.data());
        throw RenderError("shader program '" + name +
                          "' does not link: " + std::string(log.data()));
    }
    glDetachShader(program.id(), vs.id);
    glDetachShader(program.id(), fs.id);
    return program;
}

} // namespace redline::render
