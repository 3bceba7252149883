#include "print/pack_page.hpp"

#include <algorithm>

namespace redline::print::detail {
namespace {

constexpr double k_line_factor = 1.35; ///< line height as a multiple of the font size

double line_height_mm(double size_pt) {
    return size_pt * k_mm_per_pt * k_line_factor;
}

} // namespace

RectMm draw_page_chrome(Painter& p, const PageContext& ctx, const std::string& title) {
    const double w = ctx.size.width_mm, h = ctx.size.height_mm, m = k_margin_mm;
    const EvidencePack& pack = ctx.pack;
    p.set_colour(k_ink);
    p.set_font(FontFace::SansBold, 10);
    p.text(m, m + 4, title);
    p.set_font(FontFace::Sans, 8);
    p.text(w - m, m + 4, "Case " + pack.case_reference + "   Exhibit " + pack.exhibit,
           Align::Right);
    p.set_colour(k_rule);
    p.set_line_width_mm(0.25);
    p.set_dash_mm(0, 0);
    p.new_path();
    p.move_to({m, m + 6});
    p.line_to({w - m, m + 6});
    p.move_to({m, h - m - 5});
    p.line_to({w - m, h - m - 5});
    p.stroke();
    p.set_colour(k_ink);
    p.set_font(FontFace::Sans, 7);
    p.text(m, h - m - 1, pack.date + "   " + pack.officer);
    p.text(w / 2, h - m - 1, "Print at 100% (actual size), never \"fit to page\"", Align::Centre);
    const std::string page = ctx.page_count > 0 ? "Page " + std::to_string(ctx.page_number) +
                                                      " of " + std::to_string(ctx.page_count)
                                                : "Page " + std::to_string(ctx.page_number);
    p.text(w - m, h - m - 1, page, Align::Right);
    return {m, m + 9, w - 2 * m, h - 2 * m - 9 - 8};
}

TextFlow::TextFlow(PdfDocument& doc, const EvidencePack& pack, PageSize size, int first_page,
                   int page_count, std::string title)
    : m_doc(doc), m_pack(pack), m_size(size), m_page(first_page - 1), m_page_count(page_count),
      m_title(std::move(title)) {
    new_page();
}

void TextFlow::new_page() {
    m_painter = &m_doc.begin_page();
    ++m_page;
    const PageContext ctx{m_pack, m_size, m_page, m_page_count};
    m_body = draw_page_chrome(*m_painter, ctx, m_title);
    m_y = m_body.y;
}

void TextFlow::ensure(double height_mm) {
    if (m_y + height_mm > m_body.bottom() && m_y > m_body.y)
        new_page();
}

void TextFlow::space(double mm) {
    m_y += mm;
}

void TextFlow::heading(const std::string& text) {
    ensure(12);
    Painter& p = *m_painter;
    p.set_colour(k_ink);
    p.set_font(FontFace::SansBold, 11);
    m_y += 5;
    p.text(m_body.x, m_y, text);
    m_y += 3;
}

void TextFlow::paragraph(const std::string& text, FontFace face, double size_pt) {
    Painter& p0 = *m_painter;
    p0.set_font(face, size_pt);
    const auto lines = p0.wrap(text, m_body.w);
    const double lh = line_height_mm(size_pt);
    for (const auto& line : lines) {
        ensure(lh);
        Painter& p = *m_painter;
        p.set_colour(k_ink);
        p.set_font(face, size_pt);
        m_y += lh;
        p.text(m_body.x, m_y, line);
    }
    m_y += lh * 0.3;
}

void TextFlow::table(const std::vector<double>& widths, const std::vector<std::string>& header,
                     const std::vector<std::vector<std::string>>& rows, double size_pt,
                     const std::vector<FontFace>& faces) {
    double total = 0;
    for (double w : widths)
        total += w;
    std::vector<double> col_w, col_x;
    double x = m_body.x;
    for (double w : widths) {
        col_x.push_back(x);
        col_w.push_back(w / total * m_body.w);
        x += col_w.back();
    }
    const double lh = line_height_mm(size_pt), pad = 1.0;
    auto face_of = [&](std::size_t i, bool bold) {
        return bold ? FontFace::SansBold : i < faces.size() ? faces[i] : FontFace::Sans;
    };
    auto cells_of = [&](const std::vector<std::string>& row, bool bold) {
        std::vector<std::vector<std::string>> cells;
        for (std::size_t i = 0; i < col_w.size(); ++i) {
            m_painter->set_font(face_of(i, bold), size_pt);
            cells.push_back(m_painter->wrap(i < row.size() ? row[i] : "", col_w[i] - 2 * pad));
        }
        return cells;
    };
    auto draw_row = [&](const std::vector<std::string>& row, bool bold) {
        const auto cells = cells_of(row, bold);
        std::size_t n = 1;
        for (const auto& c : cells)
            n = std::max(n, c.size());
        const double row_h = double(n) * lh + pad;
        Painter& p = *m_painter;
        if (bold) {
            p.set_colour(k_shade);
            p.new_path();
            p.rectangle({m_body.x, m_y, m_body.w, row_h});
            p.fill();
        }
        p.set_colour(k_ink);
        for (std::size_t i = 0; i < col_w.size(); ++i) {
            p.set_font(face_of(i, bold), size_pt);
            for (std::size_t l = 0; l < cells[i].size(); ++l)
                p.text(col_x[i] + pad, m_y + double(l + 1) * lh - 0.3, cells[i][l]);
        }
        m_y += row_h;
        p.set_colour(k_rule);
        p.set_line_width_mm(0.15);
        p.set_dash_mm(0, 0);
        p.new_path();
        p.move_to({m_body.x, m_y});
        p.line_to({m_body.right(), m_y});
        p.stroke();
    };
    auto row_height = [&](const std::vector<std::string>& row, bool bold) {
        std::size_t n = 1;
        for (const auto& c : cells_of(row, bold))
            n = std::max(n, c.size());
        return double(n) * lh + pad;
    };
    const double header_h = row_height(header, true);
    ensure(header_h + lh * 2);
    draw_row(header, true);
    for (const auto& row : rows) {
        const double h = row_height(row, false);
        if (m_y + h > m_body.bottom()) {
            // The header repeats on every page a table runs onto.
            new_page();
            draw_row(header, true);
        }
        draw_row(row, false);
    }
    m_y += 2;
}

void TextFlow::finish() {
    m_doc.end_page();
}

} // namespace redline::print::detail
