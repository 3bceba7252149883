#include "render/heat_layer.hpp"

#include "render/shader_sources.hpp"

#define GL_GLEXT_PROTOTYPES
#include <GL/glcorearb.h>

#include <algorithm>
#include <chrono>
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

void HeatLayer::start(double r, int kernel) {
    m_radius_m = r;
    m_kernel = kernel;
    m_pending.reset();
    if (m_splatter.size() == 0) {
        m_texture = {};
        return;
    }
    const core::Envelope& e = m_extent;
    // Ten cells across the radius keep the surface smooth; at most 1024 cells a side.
    const double span = std::max(e.width(), e.height()) + 2 * r;
    const double cell = std::max(r / 10, span / 1024);
    HeatGrid grid;
    grid.cell_m = cell;
    grid.min_x = std::floor((e.min_x - r) / cell) * cell;
    grid.min_y = std::floor((e.min_y - r) / cell) * cell;
    grid.cols = int(std::ceil((e.max_x + r - grid.min_x) / cell));
    grid.rows = int(std::ceil((e.max_y + r - grid.min_y) / cell));
    m_pending = m_splatter.begin(grid, r, static_cast<HeatKernel>(std::clamp(kernel, 0, 4)));
    m_step = m_first_step;
}

void HeatLayer::advance(double budget_ms) {
    HeatAccumulation& acc = *m_pending;
    if (budget_ms <= 0) {
        m_splatter.splat(acc, m_splatter.size());
        return;
    }
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    while (acc.splatted < m_splatter.size()) {
        const auto s0 = clock::now();
        m_splatter.splat(acc, m_step);
        glFinish(); // time the GPU's work, not the call's
        const double step_ms = std::chrono::duration<double, std::milli>(clock::now() - s0).count();
        // Size the next step to about a third of the budget, so a frame rarely overruns it.
        const double ideal = double(m_step) * (budget_ms / 3) / std::max(step_ms, 1e-3);
        m_step = std::max(m_min_step, std::size_t(std::min(ideal, 4.0 * double(m_step))));
        if (std::chrono::duration<double, std::milli>(clock::now() - t0).count() >= budget_ms)
            break;
    }
}

void HeatLayer::complete() {
    const std::vector<float> values = m_splatter.finish(*m_pending);
    m_grid = m_pending->grid;
    m_pending.reset();
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
    glBindTexture(GL_TEXTURE_2D, 0);
    ++m_computes;
}

std::optional<double> HeatLayer::progress() const {
    if (!m_pending || m_splatter.size() == 0)
        return std::nullopt;
    return double(m_pending->splatted) / double(m_splatter.size());
}

void HeatLayer::set_step_points(std::size_t first, std::size_t minimum) {
    m_first_step = std::max<std::size_t>(first, 1);
    m_min_step = std::max<std::size_t>(minimum, 1);
}

void HeatLayer::draw(const scene::Scene& scene, const scene::Viewport& view, double budget_ms) {
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
        start(scene.heat.radius_m, scene.heat.kernel);
    if (m_pending) {
        advance(budget_ms);
        if (m_pending->splatted >= m_splatter.size())
            complete();
    }
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
