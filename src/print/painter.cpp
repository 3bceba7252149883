#include "print/painter.hpp"

#include "core/error.hpp"

#include <cairo.h>

#include <cmath>
#include <cstddef>

namespace redline::print {

Painter::Painter(_cairo* cr) : m_cr(cr) {}

void Painter::save() {
    cairo_save(m_cr);
}
void Painter::restore() {
    cairo_restore(m_cr);
}
void Painter::translate(double dx_mm, double dy_mm) {
    cairo_translate(m_cr, dx_mm, dy_mm);
}
void Painter::rotate(double degrees) {
    // y points down, so a positive cairo angle turns clockwise on the page.
    cairo_rotate(m_cr, degrees * M_PI / 180.0);
}

void Painter::set_colour(const scene::Rgba& c, double opacity) {
    cairo_set_source_rgba(m_cr, c.r, c.g, c.b, c.a * opacity);
}

void Painter::set_line_width_mm(double width_mm) {
    cairo_set_line_width(m_cr, width_mm);
}

void Painter::set_dash_mm(double dash_mm, double gap_mm) {
    if (dash_mm <= 0) {
        cairo_set_dash(m_cr, nullptr, 0, 0);
        return;
    }
    const double pattern[2] = {dash_mm, gap_mm > 0 ? gap_mm : dash_mm};
    cairo_set_dash(m_cr, pattern, 2, 0);
}

void Painter::set_round_joins(bool round) {
    cairo_set_line_join(m_cr, round ? CAIRO_LINE_JOIN_ROUND : CAIRO_LINE_JOIN_MITER);
    cairo_set_line_cap(m_cr, round ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
}

void Painter::set_even_odd(bool even_odd) {
    cairo_set_fill_rule(m_cr, even_odd ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING);
}

void Painter::new_path() {
    cairo_new_path(m_cr);
}
void Painter::move_to(PaperPoint p) {
    cairo_move_to(m_cr, p.x, p.y);
}
void Painter::line_to(PaperPoint p) {
    cairo_line_to(m_cr, p.x, p.y);
}
void Painter::close_path() {
    cairo_close_path(m_cr);
}
void Painter::rectangle(const RectMm& r) {
    cairo_rectangle(m_cr, r.x, r.y, r.w, r.h);
}
void Painter::circle(PaperPoint c, double radius_mm) {
    cairo_new_sub_path(m_cr);
    cairo_arc(m_cr, c.x, c.y, radius_mm, 0, 2 * M_PI);
    cairo_close_path(m_cr);
}

void Painter::fill(bool preserve) {
    preserve ? cairo_fill_preserve(m_cr) : cairo_fill(m_cr);
}
void Painter::stroke(bool preserve) {
    preserve ? cairo_stroke_preserve(m_cr) : cairo_stroke(m_cr);
}
void Painter::clip() {
    cairo_clip(m_cr);
}

void Painter::set_font(FontFace face, double size_pt) {
    // DejaVu ships with Debian's fontconfig defaults; cairo embeds the subset it uses, so the
    // PDF reads the same on any machine.
    const char* family = face == FontFace::Mono ? "DejaVu Sans Mono" : "DejaVu Sans";
    cairo_select_font_face(m_cr, family, CAIRO_FONT_SLANT_NORMAL,
                           face == FontFace::SansBold ? CAIRO_FONT_WEIGHT_BOLD
                                                      : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(m_cr, size_pt * k_mm_per_pt);
}

double Painter::text_width_mm(const std::string& text) {
    cairo_text_extents_t ext;
    cairo_text_extents(m_cr, text.c_str(), &ext);
    return ext.x_advance;
}

void Painter::text(double x_mm, double baseline_mm, const std::string& s, Align align) {
    if (s.empty())
        return;
    double x = x_mm;
    if (align != Align::Left) {
        const double w = text_width_mm(s);
        x -= align == Align::Centre ? w / 2 : w;
    }
    cairo_move_to(m_cr, x, baseline_mm);
    cairo_show_text(m_cr, s.c_str());
    cairo_new_path(m_cr);
}

std::vector<std::string> Painter::wrap(const std::string& text, double width_mm) {
    std::vector<std::string> lines;
    std::string line, word;
    auto flush_word = [&]() {
        if (word.empty())
            return;
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (text_width_mm(candidate) <= width_mm) {
            line = candidate;
        } else {
            if (!line.empty())
                lines.push_back(line);
            line.clear();
            // A word wider than the column (a hash, a long file name) is broken between bytes
            // that do not split a UTF-8 sequence.
            while (text_width_mm(word) > width_mm && word.size() > 1) {
                std::size_t cut = word.size() - 1;
                while (cut > 1 && text_width_mm(word.substr(0, cut)) > width_mm)
                    --cut;
                while (cut > 1 && (static_cast<unsigned char>(word[cut]) & 0xC0) == 0x80)
                    --cut;
                lines.push_back(word.substr(0, cut));
                word = word.substr(cut);
            }
            line = word;
        }
        word.clear();
    };
    for (char ch : text) {
        if (ch == ' ' || ch == '\n') {
            flush_word();
            if (ch == '\n') {
                lines.push_back(line);
                line.clear();
            }
        } else {
            word += ch;
        }
    }
    flush_word();
    if (!line.empty() || lines.empty())
        lines.push_back(line);
    return lines;
}

PaintImage::PaintImage(const std::vector<std::uint8_t>& rgba, int width, int height)
    : m_width(width), m_height(height) {
    if (width <= 0 || height <= 0 ||
        rgba.size() < static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4)
        throw core::IoError("an image of " + std::to_string(width) + "x" + std::to_string(height) +
                            " pixels has " + std::to_string(rgba.size()) + " bytes of RGBA");
    m_surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
    if (cairo_surface_status(m_surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(m_surface);
        m_surface = nullptr;
        throw core::IoError("cairo cannot hold an image of " + std::to_string(width) + "x" +
                            std::to_string(height) + " pixels");
    }
    // cairo's ARGB32 is premultiplied, one native-endian 32-bit word a pixel.
    cairo_surface_flush(m_surface);
    unsigned char* data = cairo_image_surface_get_data(m_surface);
    const int stride = cairo_image_surface_get_stride(m_surface);
    for (int y = 0; y < height; ++y) {
        auto* row =
            reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < width; ++x) {
            const std::uint8_t* px =
                &rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                       static_cast<std::size_t>(x)) *
                      4];
            const std::uint32_t a = px[3];
            auto pre = [a](std::uint32_t c) { return (c * a + 127) / 255; };
            row[x] = (a << 24) | (pre(px[0]) << 16) | (pre(px[1]) << 8) | pre(px[2]);
        }
    }
    cairo_surface_mark_dirty(m_surface);
}

PaintImage::~PaintImage() {
    if (m_surface)
        cairo_surface_destroy(m_surface);
}

void Painter::image(const PaintImage& image, const std::array<double, 6>& m, double alpha,
                    bool multiply, bool smooth) {
    cairo_matrix_t to_page;
    cairo_matrix_init(&to_page, m[0], m[3], m[1], m[4], m[2], m[5]);
    // A pattern's matrix maps user space (page mm) to pattern space (image pixels).
    if (cairo_matrix_invert(&to_page) != CAIRO_STATUS_SUCCESS)
        return; // a degenerate map covers no area: nothing to paint
    cairo_pattern_t* pattern = cairo_pattern_create_for_surface(image.surface());
    cairo_pattern_set_matrix(pattern, &to_page);
    cairo_pattern_set_filter(pattern, smooth ? CAIRO_FILTER_GOOD : CAIRO_FILTER_NEAREST);
    cairo_save(m_cr);
    if (multiply)
        cairo_set_operator(m_cr, CAIRO_OPERATOR_MULTIPLY);
    cairo_set_source(m_cr, pattern);
    cairo_paint_with_alpha(m_cr, alpha);
    cairo_restore(m_cr);
    cairo_pattern_destroy(pattern);
}

} // namespace redline::print
