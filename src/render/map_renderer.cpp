#include "render/map_renderer.hpp"

#include "render/basemap_renderer.hpp"
#include "render/heat_layer.hpp"
#include "render/map_furniture.hpp"
#include "render/map_program.hpp"
#include "render/plan_renderer.hpp"
#include "render/shader_sources.hpp"
#include "render/vertex_builder.hpp"
#include "scene/overlay_style.hpp"

#define GL_GLEXT_PROTOTYPES
#include <GL/glcorearb.h>

#include <cmath>
#include <map>
#include <string>

namespace redline::render {
namespace {

/// GPU copy of one draw list.
struct Mesh {
    GlVertexArray vao;
    GlBuffer vbo, ibo;
    GLsizei count = 0;
    LineStrips strips; ///< outlines only: one triangle strip per path
};

struct LayerBuffers {
    std::uint64_t revision = 0;
    Mesh fill, symbols;
    std::vector<Mesh> lines; ///< in chunks, see upload()
    double typical_feature_m = 0;
};

void attrib(GLuint index, GLint size, GLsizei stride, std::size_t offset) {
    glEnableVertexAttribArray(index);
    glVertexAttribPointer(index, size, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<const void*>(offset));
}

void upload_mesh(Mesh& mesh, const void* vertices, std::size_t bytes,
                 const std::vector<std::uint32_t>* indices) {
    mesh.vao = make_vertex_array();
    mesh.vbo = make_buffer();
    glBindVertexArray(mesh.vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, mesh.vbo.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(bytes), vertices, GL_STATIC_DRAW);
    if (indices) {
        mesh.ibo = make_buffer();
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, mesh.ibo.id());
        glBufferData(GL_ELEMENT_ARRAY_BUFFER,
                     static_cast<GLsizeiptr>(indices->size() * sizeof(std::uint32_t)),
                     indices->data(), GL_STATIC_DRAW);
        mesh.count = static_cast<GLsizei>(indices->size());
    }
}

void upload(LayerBuffers& b, const scene::DrawList& d, core::Coord origin) {
    const std::vector<float> fill = build_fill_vertices(d.fill, origin);
    upload_mesh(b.fill, fill.data(), fill.size() * sizeof(float), &d.fill.indices);
    attrib(0, 2, 2 * sizeof(float), 0);

    // Outlines are the largest buffers (two vertices per ring vertex): built and uploaded a
    // chunk of paths at a time, so the CPU copy of a million buildings' outlines never exists
    // whole next to the driver's.
    constexpr std::size_t k_chunk_paths = 65536;
    b.lines.clear();
    std::vector<LineVertex> lv;
    for (std::size_t start = 0; start < d.lines.size(); start += k_chunk_paths) {
        lv.clear();
        const std::size_t n = std::min(k_chunk_paths, d.lines.size() - start);
        b.lines.emplace_back();
        build_line_vertices(d.lines, start, n, origin, lv, b.lines.back().strips);
        upload_mesh(b.lines.back(), lv.data(), lv.size() * sizeof(LineVertex), nullptr);
        attrib(0, 2, sizeof(LineVertex), offsetof(LineVertex, x));
        attrib(1, 2, sizeof(LineVertex), offsetof(LineVertex, ox));
        attrib(2, 1, sizeof(LineVertex), offsetof(LineVertex, distance_m));
    }
    b.typical_feature_m = d.typical_feature_m;

    std::vector<SymbolVertex> sv;
    build_symbol_vertices(d.points, origin, sv);
    upload_mesh(b.symbols, sv.data(), sv.size() * sizeof(SymbolVertex), nullptr);
    b.symbols.count = static_cast<GLsizei>(sv.size());
    attrib(0, 2, sizeof(SymbolVertex), offsetof(SymbolVertex, x));
    attrib(1, 2, sizeof(SymbolVertex), offsetof(SymbolVertex, cx));
    attrib(2, 4, sizeof(SymbolVertex), offsetof(SymbolVertex, fill));
    attrib(3, 4, sizeof(SymbolVertex), offsetof(SymbolVertex, outline));
    attrib(4, 3, sizeof(SymbolVertex), offsetof(SymbolVertex, size_px));
    glBindVertexArray(0);
}

/// The finding's label in a white box beside the middle of its dimension line (or its point, or
/// its geometry's centre), so the measured value reads on the map itself.
void append_finding_label(std::vector<OverlayVertex>& out, const scene::Finding& f,
                          const scene::Viewport& v) {
    core::Coord at = f.geometry.envelope().centre();
    if (!f.annotation.lines.empty() && f.annotation.lines.front().size() >= 2) {
        const core::Path& l = f.annotation.lines.front();
        at = {(l.front().x + l.back().x) / 2, (l.front().y + l.back().y) / 2};
    } else if (!f.annotation.points.empty()) {
        at = f.annotation.points.front();
    }
    const scene::ScreenPoint p = v.to_screen(at);
    const std::string text = scene::finding_label(f);
    const float scale = 1.5f, pad = 4;
    const float w = text_width(text, scale) + 2 * pad, h = 7 * scale + 2 * pad + 2;
    const float x = float(p.x) + 10, y = float(p.y) - h - 6;
    auto rect = [&](float x0, float y0, float x1, float y1, const float c[4]) {
        const OverlayVertex q[] = {
            {x0, y0, c[0], c[1], c[2], c[3]}, {x1, y0, c[0], c[1], c[2], c[3]},
            {x1, y1, c[0], c[1], c[2], c[3]}, {x0, y0, c[0], c[1], c[2], c[3]},
            {x1, y1, c[0], c[1], c[2], c[3]}, {x0, y1, c[0], c[1], c[2], c[3]}};
        out.insert(out.end(), std::begin(q), std::end(q));
    };
    const float border[4] = {0.80f, 0.0f, 0.60f, 1}, paper[4] = {1, 1, 1, 0.92f},
                ink[4] = {0.25f, 0.0f, 0.2f, 1};
    rect(x - 1, y - 1, x + w + 1, y + h + 1, border);
    rect(x, y, x + w, y + h, paper);
    append_text(out, text, x + pad, y + pad, scale, ink);
}

/// The measurement's value in a white box beside it (teal, the measurement colour).
void append_measure_label(std::vector<OverlayVertex>& out, const scene::MeasureOverlay& m,
                          const scene::Viewport& v) {
    if (m.label.empty() || m.vertices.empty())
        return;
    const scene::ScreenPoint p = v.to_screen(scene::measure_label_anchor(m));
    const float scale = 1.5f, pad = 4;
    const float w = text_width(m.label, scale) + 2 * pad, h = 7 * scale + 2 * pad + 2;
    const float x = float(p.x) + 10, y = float(p.y) + 6;
    const float border[4] = {0.0f, 0.42f, 0.45f, 1}, paper[4] = {1, 1, 1, 0.92f},
                ink[4] = {0.0f, 0.25f, 0.27f, 1};
    auto rect = [&](float x0, float y0, float x1, float y1, const float c[4]) {
        const OverlayVertex q[] = {
            {x0, y0, c[0], c[1], c[2], c[3]}, {x1, y0, c[0], c[1], c[2], c[3]},
            {x1, y1, c[0], c[1], c[2], c[3]}, {x0, y0, c[0], c[1], c[2], c[3]},
            {x1, y1, c[0], c[1], c[2], c[3]}, {x0, y1, c[0], c[1], c[2], c[3]}};
        out.insert(out.end(), std::begin(q), std::end(q));
    };
    rect(x - 1, y - 1, x + w + 1, y + h + 1, border);
    rect(x, y, x + w, y + h, paper);
    append_text(out, m.label, x + pad, y + pad, scale, ink);
}

/// Style of the control-point marks: residual lines in dark orange.
scene::Style control_point_style() {
    scene::Style s;
    s.stroke.enabled = true;
    s.stroke.colour = {0.85f, 0.35f, 0.0f, 1.0f};
    s.stroke.width_px = 2.0f;
    return s;
}

} // namespace

struct MapRenderer::Impl {
    MapProgram fill{"fill", shaders::k_fill_vert, shaders::k_fill_frag};
    MapProgram line{"line", shaders::k_line_vert, shaders::k_line_frag};
    MapProgram symbol{"symbol", shaders::k_symbol_vert, shaders::k_symbol_frag};
    MapProgram overlay{"overlay", shaders::k_overlay_vert, shaders::k_overlay_frag};
    BasemapRenderer basemaps;
    HeatLayer heat;
    PlanRenderer plan;
    LayerBuffers plan_marks, measure; // rebuilt every frame: a handful of vertices
    std::map<std::string, LayerBuffers> layers;
    LayerBuffers selection;
    std::uint64_t selection_revision = ~std::uint64_t{0};
    std::string selection_layer;
    LayerBuffers finding;
    std::uint64_t finding_revision = ~std::uint64_t{0};
    Mesh furniture;
    std::size_t uploads = 0;

    void draw_layer(const LayerBuffers& b, const scene::Style& style, float opacity,
                    const scene::Viewport& v, core::Coord origin) {
        if (style.fill.enabled && b.fill.count > 0) {
            fill.use(v, origin);
            const auto& f = style.fill;
            glUniform4f(fill.uniform("u_colour"), f.colour.r, f.colour.g, f.colour.b,
                        f.colour.a * opacity);
            glUniform4f(fill.uniform("u_hatch_colour"), f.hatch_colour.r, f.hatch_colour.g,
                        f.hatch_colour.b, f.hatch_colour.a * opacity);
            glUniform1f(fill.uniform("u_hatch_spacing_px"), f.hatch_spacing_px);
            glUniform1f(fill.uniform("u_hatch_width_px"), f.hatch_width_px);
            const double a = (f.hatch_angle_deg + 90.0) * M_PI / 180.0;
            glUniform2f(fill.uniform("u_hatch_normal"), float(std::cos(a)), float(std::sin(a)));
            glBindVertexArray(b.fill.vao.id());
            glDrawElements(GL_TRIANGLES, b.fill.count, GL_UNSIGNED_INT, nullptr);
        }
        // Outlines of features under ~2 px would only blur the fill into a grey mesh (and cost
        // most of the frame): a zoomed-out city shows its fill.
        const bool outlines_visible =
            b.typical_feature_m <= 0 || b.typical_feature_m / v.metres_per_px() >= 2.0;
        if (style.stroke.enabled && !b.lines.empty() && outlines_visible) {
            line.use(v, origin);
            const auto& s = style.stroke;
            glUniform4f(line.uniform("u_colour"), s.colour.r, s.colour.g, s.colour.b,
                        s.colour.a * opacity);
            glUniform1f(line.uniform("u_width_px"), s.width_px);
            glUniform1f(line.uniform("u_dash_px"), s.dash_px);
            glUniform1f(line.uniform("u_gap_px"), s.gap_px);
            for (const Mesh& m : b.lines) {
                glBindVertexArray(m.vao.id());
                glMultiDrawArrays(GL_TRIANGLE_STRIP, m.strips.first.data(), m.strips.count.data(),
                                  static_cast<GLsizei>(m.strips.first.size()));
            }
        }
        if (b.symbols.count > 0) {
            symbol.use(v, origin);
            glUniform1f(symbol.uniform("u_opacity"), opacity);
            glBindVertexArray(b.symbols.vao.id());
            glDrawArrays(GL_TRIANGLES, 0, b.symbols.count);
        }
    }

    void draw_furniture(const scene::Viewport& v, const scene::Scene& s, bool with_furniture) {
        std::vector<OverlayVertex> verts;
        if (with_furniture)
            verts = build_furniture(v);
        if (s.highlighted_finding())
            append_finding_label(verts, *s.highlighted_finding(), v);
        if (s.measure_overlay)
            append_measure_label(verts, *s.measure_overlay, v);
        if (verts.empty())
            return;
        if (!furniture.vao) {
            furniture.vao = make_vertex_array();
            furniture.vbo = make_buffer();
            glBindVertexArray(furniture.vao.id());
            glBindBuffer(GL_ARRAY_BUFFER, furniture.vbo.id());
            attrib(0, 2, sizeof(OverlayVertex), offsetof(OverlayVertex, x));
            attrib(1, 4, sizeof(OverlayVertex), offsetof(OverlayVertex, r));
        }
        glBindVertexArray(furniture.vao.id());
        glBindBuffer(GL_ARRAY_BUFFER, furniture.vbo.id());
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(verts.size() * sizeof(OverlayVertex)),
                     verts.data(), GL_STREAM_DRAW);
        // Screen-space furniture: only the viewport size matters.
        glUseProgram(overlay.id());
        glUniform2f(overlay.uniform("u_viewport_px"), float(v.width_px()), float(v.height_px()));
        glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(verts.size()));
    }
};

MapRenderer::MapRenderer() : m_impl(std::make_unique<Impl>()) {}
MapRenderer::~MapRenderer() = default;

std::size_t MapRenderer::upload_count() const {
    return m_impl->uploads;
}

std::optional<double> MapRenderer::heat_progress() const {
    return m_impl->heat.progress();
}

unsigned MapRenderer::plan_texture(const scene::Scene& scene) {
    return scene.plan_overlay ? m_impl->plan.texture(*scene.plan_overlay) : 0;
}

void MapRenderer::prune(const scene::Scene& scene) {
    std::erase_if(m_impl->layers, [&](const auto& kv) { return !scene.find(kv.first); });
}

void MapRenderer::draw(const scene::Scene& scene, const scene::Viewport& view,
                       const DrawOptions& options) {
    Impl& d = *m_impl;
    const core::Coord origin = scene.origin();
    glViewport(0, 0, view.width_px(), view.height_px());
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    const auto& bg = options.background;
    glClearColor(bg.r, bg.g, bg.b, bg.a);
    glClear(GL_COLOR_BUFFER_BIT);

    if (!scene.basemaps().empty())
        d.basemaps.draw(scene.basemaps(), view, origin);
    for (const scene::MapLayer& layer : scene.layers()) {
        if (!layer.built())
            continue;
        LayerBuffers& b = d.layers[layer.name()];
        if (b.revision != layer.revision()) {
            upload(b, layer.draw_list(), origin);
            b.revision = layer.revision();
            ++d.uploads;
        }
        if (layer.visible && layer.opacity > 0)
            d.draw_layer(b, layer.style, layer.opacity, view, origin);
    }
    // The plan over the layers it is compared with, at its own transparency (issue #5).
    if (scene.plan_overlay)
        d.plan.draw(*scene.plan_overlay, view, origin);
    // Over every layer (the complaints are what it summarises), under the selection and finding.
    d.heat.draw(scene, view, options.heat_budget_ms);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    if (scene.selection()) {
        if (d.selection_revision != scene.selection_revision()) {
            upload(d.selection, scene.selection_draw_list(), origin);
            d.selection_revision = scene.selection_revision();
        }
        d.draw_layer(d.selection, scene::selection_style(), 1.0f, view, origin);
    }
    if (const auto& f = scene.highlighted_finding()) {
        if (d.finding_revision != scene.finding_revision()) {
            upload(d.finding, scene::finding_draw_list(*f), origin);
            d.finding_revision = scene.finding_revision();
        }
        d.draw_layer(d.finding, scene::finding_style(), 1.0f, view, origin);
    }
    if (scene.plan_overlay && !scene.plan_overlay->control_points.empty()) {
        upload(d.plan_marks, scene::control_point_draw_list(*scene.plan_overlay), origin);
        d.draw_layer(d.plan_marks, control_point_style(), 1.0f, view, origin);
    }
    if (scene.measure_overlay && !scene.measure_overlay->vertices.empty()) {
        upload(d.measure, scene::measure_draw_list(*scene.measure_overlay), origin);
        scene::Style style = scene::measurement_style();
        style.fill.enabled = true;
        style.fill.colour = {0.0f, 0.42f, 0.45f, 0.18f};
        d.draw_layer(d.measure, style, 1.0f, view, origin);
    }
    d.draw_furniture(view, scene, options.furniture);
    glBindVertexArray(0);
    glUseProgram(0);
}

} // namespace redline::render
