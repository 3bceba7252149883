#include "render/headless_context.hpp"

#include "render/render_error.hpp"

#include <EGL/egl.h>
#include <EGL/eglext.h>
#define GL_GLEXT_PROTOTYPES
#include <GL/glcorearb.h>

namespace redline::render {

struct HeadlessContext::Impl {
    EGLDisplay display = EGL_NO_DISPLAY;
    EGLContext context = EGL_NO_CONTEXT;
    ~Impl() {
        if (display == EGL_NO_DISPLAY)
            return;
        eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        if (context != EGL_NO_CONTEXT)
            eglDestroyContext(display, context);
        eglTerminate(display);
    }
};

HeadlessContext::HeadlessContext() : m_impl(std::make_unique<Impl>()) {
    // The surfaceless platform needs no display server; it comes through the EXT entry point.
    auto get_platform_display = reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(
        eglGetProcAddress("eglGetPlatformDisplayEXT"));
    if (!get_platform_display)
        throw RenderError("EGL: eglGetPlatformDisplayEXT is not available");
    m_impl->display =
        get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    EGLint major = 0, minor = 0;
    if (m_impl->display == EGL_NO_DISPLAY || !eglInitialize(m_impl->display, &major, &minor)) {
        m_impl->display = EGL_NO_DISPLAY;
        throw RenderError("EGL: cannot initialise the surfaceless Mesa display");
    }
    if (!eglBindAPI(EGL_OPENGL_API))
        throw RenderError("EGL: desktop OpenGL is not available");
    // Mesa offers no config without a surface type; ask for pbuffer and render into an FBO.
    const EGLint config_attribs[] = {EGL_SURFACE_TYPE,
                                     EGL_PBUFFER_BIT,
                                     EGL_RENDERABLE_TYPE,
                                     EGL_OPENGL_BIT,
                                     EGL_RED_SIZE,
                                     8,
                                     EGL_GREEN_SIZE,
                                     8,
                                     EGL_BLUE_SIZE,
                                     8,
                                     EGL_ALPHA_SIZE,
                                     8,
                                     EGL_NONE};
    EGLConfig config = nullptr;
    EGLint count = 0;
    if (!eglChooseConfig(m_impl->display, config_attribs, &config, 1, &count) || count < 1)
        throw RenderError("EGL: no pbuffer-capable RGBA8 OpenGL config");
    const EGLint context_attribs[] = {EGL_CONTEXT_MAJOR_VERSION,
                                      3,
                                      EGL_CONTEXT_MINOR_VERSION,
                                      3,
                                      EGL_CONTEXT_OPENGL_PROFILE_MASK,
                                      EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                      EGL_NONE};
    m_impl->context = eglCreateContext(m_impl->display, config, EGL_NO_CONTEXT, context_attribs);
    if (m_impl->context == EGL_NO_CONTEXT)
        throw RenderError("EGL: cannot create an OpenGL 3.3 core context");
    if (!eglMakeCurrent(m_impl->display, EGL_NO_SURFACE, EGL_NO_SURFACE, m_impl->context))
        throw RenderError("EGL: cannot make the surfaceless context current");
}

HeadlessContext::~HeadlessContext() = default;
HeadlessContext::HeadlessContext(HeadlessContext&&) noexcept = default;
HeadlessContext& HeadlessContext::operator=(HeadlessContext&&) noexcept = default;

std::string HeadlessContext::description() const {
    const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    const auto* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
    return std::string(renderer ? renderer : "?") + "; " + (version ? version : "?");
}

} // namespace redline::render
