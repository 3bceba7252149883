#pragma once

#include <string>

namespace redline::render {

/// Move-only owner of one OpenGL object name. `Kind` supplies `static void destroy(unsigned)`.
/// Create and destroy on the thread whose context is current (the render thread).
template <class Kind> class GlHandle {
public:
    GlHandle() = default;
    explicit GlHandle(unsigned id) : m_id(id) {}
    ~GlHandle() { reset(); }
    GlHandle(const GlHandle&) = delete;
    GlHandle& operator=(const GlHandle&) = delete;
    GlHandle(GlHandle&& o) noexcept : m_id(o.m_id) { o.m_id = 0; }
    GlHandle& operator=(GlHandle&& o) noexcept {
        if (this != &o) {
            reset();
            m_id = o.m_id;
            o.m_id = 0;
        }
        return *this;
    }
    unsigned id() const { return m_id; }
    explicit operator bool() const { return m_id != 0; }
    void reset() {
        if (m_id)
            Kind::destroy(m_id);
        m_id = 0;
    }

private:
    unsigned m_id = 0;
};

namespace detail {
struct BufferKind {
    static void destroy(unsigned id);
};
struct VertexArrayKind {
    static void destroy(unsigned id);
};
struct TextureKind {
    static void destroy(unsigned id);
};
struct FramebufferKind {
    static void destroy(unsigned id);
};
struct RenderbufferKind {
    static void destroy(unsigned id);
};
struct ProgramKind {
    static void destroy(unsigned id);
};
} // namespace detail

using GlBuffer = GlHandle<detail::BufferKind>;
using GlVertexArray = GlHandle<detail::VertexArrayKind>;
using GlTexture = GlHandle<detail::TextureKind>;
using GlFramebuffer = GlHandle<detail::FramebufferKind>;
using GlRenderbuffer = GlHandle<detail::RenderbufferKind>;
using GlProgram = GlHandle<detail::ProgramKind>;

GlBuffer make_buffer();
GlVertexArray make_vertex_array();
GlTexture make_texture();
GlFramebuffer make_framebuffer();
GlRenderbuffer make_renderbuffer();

/// Compile and link a program from GLSL sources. Throws RenderError with `name` and the info log
/// when a stage fails to compile or the program fails to link.
GlProgram compile_program(const std::string& name, const char* vertex_source,
                          const char* fragment_source);

} // namespace redline::render
