#include "render/map_furniture.hpp"

#include "scene/scale_text.hpp"

// stb_easy_font is header-only with static helpers this file does not all use.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#include <stb_easy_font.h>
#pragma GCC diagnostic pop

#include <cmath>

namespace redline::render {
namespace {

void quad(std::vector<OverlayVertex>& out, float x0, float y0, float x1, float y1,
          const float c[4]) {
    const OverlayVertex a{x0, y0, c[0], c[1], c[2], c[3]}, b{x1, y0, c[0], c[1], c[2], c[3]},
        d{x1, y1, c[0], c[1], c[2], c[3]}, e{x0, y1, c[0], c[1], c[2], c[3]};
    out.insert(out.end(), {a, b, d, a, d, e});
}

void triangle(std::vector<OverlayVertex>& out, float x0, float y0, float x1, float y1, float x2,
              float y2, const float c[4]) {
    out.push_back({x0, y0, c[0], c[1], c[2], c[3]});
    out.push_back({x1, y1, c[0], c[1], c[2], c[3]});
    out.push_back({x2, y2, c[0], c[1], c[2], c[3]});
}

constexpr float k_black[4] = {0.1f, 0.1f, 0.1f, 1};
constexpr float k_white[4] = {1, 1, 1, 1};
constexpr float k_panel[4] = {1, 1, 1, 0.8f};
constexpr float k_text_scale = 2.0f;

} // namespace

ScaleBarSpec choose_scale_bar(const scene::Viewport& view, double max_px) {
    const scene::ScaleBarLength bar = scene::choose_scale_bar_length(max_px * view.metres_per_px());
    ScaleBarSpec s;
    s.length_m = bar.length_m;
    s.length_px = bar.length_m / view.metres_per_px();
    s.label = bar.label;
    return s;
}

std::string format_scale(double denominator) {
    return scene::format_scale(denominator);
}

float text_width(const std::string& text, float scale) {
    std::string copy = text;
    return static_cast<float>(stb_easy_font_width(copy.data())) * scale;
}

void append_text(std::vector<OverlayVertex>& out, const std::string& text, float x, float y,
                 float scale, const float rgba[4]) {
    // stb_easy_font emits quads of 16-byte vertices (x, y, z, packed colour).
    struct EasyVertex {
        float x, y, z;
        unsigned char c[4];
    };
    std::vector<EasyVertex> buf(text.size() * 70 + 16);
    std::string copy = text;
    const int quads = stb_easy_font_print(0, 0, copy.data(), nullptr, buf.data(),
                                          static_cast<int>(buf.size() * sizeof(EasyVertex)));
    for (int q = 0; q < quads; ++q) {
        const EasyVertex* v = &buf[std::size_t(q) * 4];
        quad(out, x + v[0].x * scale, y + v[0].y * scale, x + v[2].x * scale, y + v[2].y * scale,
             rgba);
    }
}

std::vector<OverlayVertex> build_furniture(const scene::Viewport& view) {
    std::vector<OverlayVertex> out;
    const float h = static_cast<float>(view.height_px());
    const float w = static_cast<float>(view.width_px());

    // Scale bar: four alternating segments, labelled 0 and the length, with 1:N underneath.
    const ScaleBarSpec bar = choose_scale_bar(view, std::min(220.0, w * 0.3));
    const std::string scale_text = format_scale(view.scale_denominator());
    const float bar_px = static_cast<float>(bar.length_px);
    const float x0 = 16, bar_y = h - 44, bar_h = 7;
    const float label_w = text_width(bar.label, k_text_scale);
    const float panel_w =
        std::max(bar_px + label_w / 2 + 16, text_width(scale_text, k_text_scale) + 16);
    quad(out, x0 - 8, bar_y - 26, x0 - 8 + panel_w + 8, h - 6, k_panel);
    for (int i = 0; i < 4; ++i) {
        const float a = x0 + bar_px * float(i) / 4, b = x0 + bar_px * float(i + 1) / 4;
        quad(out, a, bar_y, b, bar_y + bar_h, i % 2 ? k_white : k_black);
    }
    // A thin frame so that the white segments read on a white background.
    quad(out, x0, bar_y - 1, x0 + bar_px, bar_y, k_black);
    quad(out, x0, bar_y + bar_h, x0 + bar_px, bar_y + bar_h + 1, k_black);
    quad(out, x0 - 1, bar_y - 1, x0, bar_y + bar_h + 1, k_black);
    quad(out, x0 + bar_px, bar_y - 1, x0 + bar_px + 1, bar_y + bar_h + 1, k_black);
    append_text(out, "0", x0 - 4, bar_y - 20, k_text_scale, k_black);
    append_text(out, bar.label, x0 + bar_px - label_w / 2, bar_y - 20, k_text_scale, k_black);
    append_text(out, scale_text, x0, bar_y + bar_h + 6, k_text_scale, k_black);

    // North arrow: a split arrowhead (dark west half, light east half) under an "N".
    const float cx = w - 34, top = 40, bottom = 84, half = 12;
    quad(out, cx - 24, 8, cx + 24, bottom + 10, k_panel);
    triangle(out, cx, top, cx - half, bottom, cx, bottom - 10, k_black);
    triangle(out, cx, top, cx, bottom - 10, cx + half, bottom, k_white);
    const float outline_c[4] = {0.1f, 0.1f, 0.1f, 1};
    triangle(out, cx, top, cx + half, bottom, cx + half - 1.5f, bottom, outline_c);
    append_text(out, "N", cx - text_width("N", k_text_scale) / 2, 14, k_text_scale, k_black);
    return out;
}

} // namespace redline::render
