#include "render/offscreen_target.hpp"

#include "render/render_error.hpp"

#define GL_GLEXT_PROTOTYPES
#include <GL/glcorearb.h>

#include <algorithm>
#include <cstring>

namespace redline::render {

namespace {
constexpr int k_samples = 4;
}

OffscreenTarget::OffscreenTarget(int width_px, int height_px)
    : m_width(std::max(1, width_px)), m_height(std::max(1, height_px)) {
    create();
}

void OffscreenTarget::create() {
    m_msaa_fbo = make_framebuffer();
    m_msaa_colour = make_renderbuffer();
    glBindRenderbuffer(GL_RENDERBUFFER, m_msaa_colour.id());
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, k_samples, GL_RGBA8, m_width, m_height);
    glBindFramebuffer(GL_FRAMEBUFFER, m_msaa_fbo.id());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER,
                              m_msaa_colour.id());
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
        throw RenderError("multisampled map framebuffer is incomplete");

    m_texture = make_texture();
    glBindTexture(GL_TEXTURE_2D, m_texture.id());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, m_width, m_height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                 nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    m_resolve_fbo = make_framebuffer();
    glBindFramebuffer(GL_FRAMEBUFFER, m_resolve_fbo.id());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, m_texture.id(), 0);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
        throw RenderError("map resolve framebuffer is incomplete");
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void OffscreenTarget::resize(int width_px, int height_px) {
    width_px = std::max(1, width_px);
    height_px = std::max(1, height_px);
    if (width_px == m_width && height_px == m_height)
        return;
    m_width = width_px;
    m_height = height_px;
    create();
}

void OffscreenTarget::bind() {
    glBindFramebuffer(GL_FRAMEBUFFER, m_msaa_fbo.id());
    glViewport(0, 0, m_width, m_height);
}

void OffscreenTarget::clear(float r, float g, float b, float a) {
    bind();
    glClearColor(r, g, b, a);
    glClear(GL_COLOR_BUFFER_BIT);
}

void OffscreenTarget::resolve() {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_msaa_fbo.id());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, m_resolve_fbo.id());
    glBlitFramebuffer(0, 0, m_width, m_height, 0, 0, m_width, m_height, GL_COLOR_BUFFER_BIT,
                      GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

Image OffscreenTarget::read_image() {
    Image img{m_width, m_height, std::vector<std::uint8_t>(std::size_t(m_width) * m_height * 4)};
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_resolve_fbo.id());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, m_width, m_height, GL_RGBA, GL_UNSIGNED_BYTE, img.rgba.data());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    // GL rows run bottom to top; images top to bottom.
    const std::size_t row = std::size_t(m_width) * 4;
    std::vector<std::uint8_t> tmp(row);
    for (int y = 0; y < m_height / 2; ++y) {
        auto* a = img.rgba.data() + std::size_t(y) * row;
        auto* b = img.rgba.data() + std::size_t(m_height - 1 - y) * row;
        std::memcpy(tmp.data(), a, row);
        std::memcpy(a, b, row);
        std::memcpy(b, tmp.data(), row);
    }
    return img;
}

} // namespace redline::render
