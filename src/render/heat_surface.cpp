#include "render/heat_surface.hpp"

#include "render/render_error.hpp"
#include "render/shader_sources.hpp"

#define GL_GLEXT_PROTOTYPES
#include <GL/glcorearb.h>

#include <algorithm>

namespace redline::render {

HeatSplatter::HeatSplatter()
    : m_program(
          compile_program("heat_splat", shaders::k_heat_splat_vert, shaders::k_heat_splat_frag)) {
    const float corners[] = {-1, -1, 1, -1, 1, 1, -1, -1, 1, 1, -1, 1};
    m_vao = make_vertex_array();
    m_quad = make_buffer();
    m_points = make_buffer();
    glBindVertexArray(m_vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, m_quad.id());
    glBufferData(GL_ARRAY_BUFFER, sizeof corners, corners, GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    glBindBuffer(GL_ARRAY_BUFFER, m_points.id());
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, 3 * sizeof(float), nullptr);
    glVertexAttribDivisor(1, 1);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, 3 * sizeof(float),
                          reinterpret_cast<const void*>(2 * sizeof(float)));
    glVertexAttribDivisor(2, 1);
    glBindVertexArray(0);
}

void HeatSplatter::set_points(std::span<const HeatPoint> points) {
    m_origin = points.empty() ? core::Coord{} : points.front().at;
    std::vector<float> inst;
    inst.reserve(points.size() * 3);
    for (const HeatPoint& p : points) {
        inst.push_back(static_cast<float>(p.at.x - m_origin.x));
        inst.push_back(static_cast<float>(p.at.y - m_origin.y));
        inst.push_back(p.weight);
    }
    glBindBuffer(GL_ARRAY_BUFFER, m_points.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(inst.size() * sizeof(float)), inst.data(),
                 GL_STATIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    m_count = points.size();
    ++m_uploads;
}

namespace {

/// The caller's framebuffer, viewport and blend function, put back when a step ends.
class SavedTarget {
public:
    SavedTarget() {
        glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &m_fbo);
        glGetIntegerv(GL_VIEWPORT, m_viewport);
    }
    ~SavedTarget() {
        glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(m_fbo));
        glViewport(m_viewport[0], m_viewport[1], m_viewport[2], m_viewport[3]);
        glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    }
    SavedTarget(const SavedTarget&) = delete;
    SavedTarget& operator=(const SavedTarget&) = delete;

private:
    GLint m_fbo = 0;
    GLint m_viewport[4] = {};
};

} // namespace

HeatAccumulation HeatSplatter::begin(const HeatGrid& grid, double radius_m,
                                     HeatKernel kernel) const {
    if (grid.cols <= 0 || grid.rows <= 0 || radius_m <= 0 || grid.cell_m <= 0)
        throw RenderError("heat surface: empty grid or non-positive radius");
    const SavedTarget saved;
    HeatAccumulation acc;
    acc.grid = grid;
    acc.radius_m = radius_m;
    acc.kernel = kernel;
    acc.texture = make_texture();
    glBindTexture(GL_TEXTURE_2D, acc.texture.id());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, grid.cols, grid.rows, 0, GL_RED, GL_FLOAT, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glBindTexture(GL_TEXTURE_2D, 0);
    acc.framebuffer = make_framebuffer();
    glBindFramebuffer(GL_FRAMEBUFFER, acc.framebuffer.id());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, acc.texture.id(),
                           0);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
        throw RenderError("heat surface: float framebuffer incomplete");
    glViewport(0, 0, grid.cols, grid.rows);
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
    return acc;
}

void HeatSplatter::splat(HeatAccumulation& acc, std::size_t count) const {
    count = std::min(count, m_count - std::min(acc.splatted, m_count));
    if (count == 0)
        return;
    const SavedTarget saved;
    const HeatGrid& grid = acc.grid;
    glBindFramebuffer(GL_FRAMEBUFFER, acc.framebuffer.id());
    glViewport(0, 0, grid.cols, grid.rows);
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE);
    glBlendEquation(GL_FUNC_ADD);
    const GLuint p = m_program.id();
    glUseProgram(p);
    glUniform1f(glGetUniformLocation(p, "u_radius_m"), static_cast<float>(acc.radius_m));
    glUniform1f(glGetUniformLocation(p, "u_cell_m"), static_cast<float>(grid.cell_m));
    glUniform2f(glGetUniformLocation(p, "u_grid_m"), static_cast<float>(grid.cols * grid.cell_m),
                static_cast<float>(grid.rows * grid.cell_m));
    // The offset in double first, then one rounding: the positions stay relative and small.
    glUniform2f(glGetUniformLocation(p, "u_offset_m"), static_cast<float>(grid.min_x - m_origin.x),
                static_cast<float>(grid.min_y - m_origin.y));
    glUniform1i(glGetUniformLocation(p, "u_kernel"), static_cast<int>(acc.kernel));
    glBindVertexArray(m_vao.id());
    // GL 3.3 has no base instance: start the per-instance attributes at the first point of this
    // step instead.
    const std::size_t stride = 3 * sizeof(float);
    glBindBuffer(GL_ARRAY_BUFFER, m_points.id());
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<const void*>(acc.splatted * stride));
    glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<const void*>(acc.splatted * stride + 2 * sizeof(float)));
    glDrawArraysInstanced(GL_TRIANGLES, 0, 6, static_cast<GLsizei>(count));
    glBindVertexArray(0);
    acc.splatted += count;
}

std::vector<float> HeatSplatter::finish(const HeatAccumulation& acc) const {
    const SavedTarget saved;
    const HeatGrid& grid = acc.grid;
    glBindFramebuffer(GL_FRAMEBUFFER, acc.framebuffer.id());
    std::vector<float> bottom_up(std::size_t(grid.cols) * grid.rows);
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glReadPixels(0, 0, grid.cols, grid.rows, GL_RED, GL_FLOAT, bottom_up.data());
    // Framebuffer row 0 is the south; the density raster's row 0 is the north.
    std::vector<float> out(bottom_up.size());
    for (int r = 0; r < grid.rows; ++r)
        std::copy_n(bottom_up.data() + std::size_t(grid.rows - 1 - r) * grid.cols, grid.cols,
                    out.data() + std::size_t(r) * grid.cols);
    return out;
}

std::vector<float> HeatSplatter::compute(const HeatGrid& grid, double radius_m,
                                         HeatKernel kernel) const {
    HeatAccumulation acc = begin(grid, radius_m, kernel);
    splat(acc, m_count);
    return finish(acc);
}

std::vector<float> compute_heat_surface(std::span<const HeatPoint> points, const HeatGrid& grid,
                                        double radius_m, HeatKernel kernel) {
    HeatSplatter splatter;
    splatter.set_points(points);
    return splatter.compute(grid, radius_m, kernel);
}

} // namespace redline::render
