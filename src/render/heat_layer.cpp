#include "render/heat_layer.hpp"

#include "render/shader_sources.hpp"

#define GL_GLEXT_PROTOTYPES
#include <GL/glcorearb.h>

#include <algorithm>
#include <cmath>

namespace redline::render {

HeatLayer::HeatLayer()
    : m_program("heat_ramp", shaders::k_heat_ramp_vert, shaders::k_heat_ramp_frag) {
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

void HeatLayer::select_points(const scene::MapLayer& source, const scene::HeatFilter& filter) {
    std::vector<HeatPoint> pts;
    m_extent = {};
    for (const core::Coord& c : scene::select_heat_points(source, filter).points) {
        pts.push_back({c, 1.0f});
        m_extent.expand(c);
    }
    m_splatter.set_points(pts);
    m_filter = filter;
    m_points_revision = source.revision();
    m_selected = true;
    m_kernel = -1; // the surface is stale
}

void HeatLayer::compute(double r, int kernel) {
    m_radius_m = r;
    m_kernel = kernel;
    if (m_splatter.size() == 0) {
        m_texture = {};
        return;
    }
    const core::Envelope& e = m_extent;
    // Ten cells across the radius keep the surface smooth; at most 1024 cells a side.
    const double span = std::max(e.width(), e.height()) + 2 * r;
    const double cell = std::max(r / 10, span / 1024);
    m_grid.cell_m = cell;
    m_grid.min_x = std::floor((e.min_x - r) / cell) * cell;
    m_grid.min_y = std::floor((e.min_y - r) / cell) * cell;
    m_grid.cols = int(std::ceil((e.max_x + r - m_grid.min_x) / cell));
    m_grid.rows = int(std::ceil((e.max_y + r - m_grid.min_y) / cell));
    GLint fbo = 0, vp[4];
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &fbo);
    glGetIntegerv(GL_VIEWPORT, vp);
    const std::vector<float> values =
        m_splatter.compute(m_grid, r, static_cast<HeatKernel>(std::clamp(kernel, 0, 4)));
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(fbo));
    glViewport(vp[0], vp[1], vp[2], vp[3]);
    m_peak = values.empty() ? 0 : *std::max_element(values.begin(), values.end());
    m_texture = make_texture();
    glBindTexture(GL_TEXTURE_2D, m_texture.id());
    // Rows north first, as computed: v = 0 is the north edge below.
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, m_grid.cols, m_grid.rows, 0, GL_RED, GL_FLOAT,
                 values.data());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    ++m_computes;
}

void HeatLayer::draw(const scene::Scene& scene, const scene::Viewport& view) {
    if (!scene.heat.enabled)
        return;
    const scene::MapLayer* source = nullptr;
    for (const auto& l : scene.layers())
        if (l.role() == core::Role::Complaint)
            source = &l;
    if (!source || source->data().features.empty())
        return;
    if (!m_selected || !(m_filter == scene.heat.filter) || m_points_revision != source->revision())
        select_points(*source, scene.heat.filter);
    if (m_kernel != scene.heat.kernel || m_radius_m != scene.heat.radius_m)
        compute(scene.heat.radius_m, scene.heat.kernel);
    if (!m_texture)
        return; // the filter lets no complaint through
    const core::Coord o = scene.origin();
    const float x0 = float(m_grid.min_x - o.x), y0 = float(m_grid.min_y - o.y);
    const float x1 = float(m_grid.min_x + m_grid.cols * m_grid.cell_m - o.x);
    const float y1 = float(m_grid.min_y + m_grid.rows * m_grid.cell_m - o.y);
    const float quad[] = {x0, y1, 0, 0, x1, y1, 1, 0, x1, y0, 1, 1,
                          x0, y1, 0, 0, x1, y0, 1, 1, x0, y0, 0, 1};
    m_program.use(view, o);
    const GLuint p = m_program.id();
    glUniform1f(glGetUniformLocation(p, "u_peak"), m_peak);
    glUniform1f(glGetUniformLocation(p, "u_opacity"), scene.heat.opacity);
    glUniform1i(glGetUniformLocation(p, "u_density"), 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, m_texture.id());
    glBindVertexArray(m_vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, m_vbo.id());
    glBufferData(GL_ARRAY_BUFFER, sizeof quad, quad, GL_STREAM_DRAW);
    glDrawArrays(GL_TRIANGLES, 0, 6);
    glBindVertexArray(0);
    glBindTexture(GL_TEXTURE_2D, 0);
}

} // namespace redline::render
