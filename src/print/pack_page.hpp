#pragma once
// Internals of the evidence pack layout shared by its page files: the page chrome (header and
// footer) and a paginating text writer. Not part of the module's public interface.

#include "print/evidence_pack.hpp"
#include "print/painter.hpp"
#include "print/pdf_document.hpp"

#include <string>
#include <utility>
#include <vector>

namespace redline::print::detail {

/// Page margin in mm on every side.
inline constexpr double k_margin_mm = 12;
/// Body text size in points.
inline constexpr double k_body_pt = 8.5;
inline constexpr scene::Rgba k_ink{0.08f, 0.08f, 0.08f, 1};
inline constexpr scene::Rgba k_rule{0.55f, 0.55f, 0.55f, 1};
inline constexpr scene::Rgba k_shade{0.92f, 0.92f, 0.92f, 1};

/// Where a page sits in the pack. `page_count` is 0 during the first (measuring) pass.
struct PageContext {
    const EvidencePack& pack;
    PageSize size;
    int page_number = 1;
    int page_count = 0;
    /// Section titles and their first pages, known in the second pass (for the cover).
    std::vector<std::pair<std::string, int>> contents;
};

/// Header (case, exhibit) and footer (date, "print at 100%", page n of N) of every page; returns
/// the body area between them.
RectMm draw_page_chrome(Painter& p, const PageContext& ctx, const std::string& title);

void draw_cover_page(Painter& p, const PageContext& ctx);
void draw_map_page(Painter& p, const PageContext& ctx);

/// Map furniture on the map page (map_decorations.cpp).
void draw_grid_ticks(Painter& p, const MapFrame& frame);
/// Scale bar with its 0 and end labels, the bar's top-left at `origin`; returns its height (mm).
double draw_scale_bar(Painter& p, PaperPoint origin, const PrintScaleBar& bar);
void draw_north_arrow(Painter& p, PaperPoint centre, double height_mm);
/// The legend of the drawn layers and overlays inside `box`.
void draw_legend(Painter& p, const EvidencePack& pack, const RectMm& box);

/// A writer that flows headings, paragraphs and tables down pages, starting a new page (with its
/// chrome) when the body is full.
class TextFlow {
public:
    TextFlow(PdfDocument& doc, const EvidencePack& pack, PageSize size, int first_page,
             int page_count, std::string title);

    void heading(const std::string& text);
    void paragraph(const std::string& text, FontFace face = FontFace::Sans,
                   double size_pt = k_body_pt);
    /// A table with columns of the given relative widths; rows wrap within their cells and the
    /// header repeats on each new page.
    void table(const std::vector<double>& widths, const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows, double size_pt = 7.5,
               const std::vector<FontFace>& faces = {});
    void space(double mm);
    /// The page number the flow is on.
    int page() const { return m_page; }
    /// Close the current page.
    void finish();

private:
    void ensure(double height_mm);
    void new_page();

    PdfDocument& m_doc;
    const EvidencePack& m_pack;
    PageSize m_size;
    int m_page;
    int m_page_count;
    std::string m_title;
    Painter* m_painter = nullptr;
    RectMm m_body;
    double m_y = 0;
};

void write_findings_pages(TextFlow& flow, const EvidencePack& pack);
void write_chronology_pages(TextFlow& flow, const EvidencePack& pack);
void write_provenance_pages(TextFlow& flow, const EvidencePack& pack);

} // namespace redline::print::detail
