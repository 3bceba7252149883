#include "print/evidence_pack.hpp"

#include "print/pack_page.hpp"
#include "print/scene_painter.hpp"

namespace redline::print {
namespace {

struct Pass {
    std::string bytes;
    int page_count = 0;
    std::vector<std::pair<std::string, int>> contents;
};

/// One complete drawing of the pack. The first pass learns the page count and where each
/// section starts; the second draws the same pages with those numbers filled in.
Pass draw_pack(const EvidencePack& pack, int page_count,
               const std::vector<std::pair<std::string, int>>& contents) {
    const PageSize size = page_size(pack.paper, pack.orientation);
    PdfMetadata meta;
    meta.title = "Evidence pack " + pack.exhibit + " - case " + pack.case_reference;
    meta.author = pack.officer;
    meta.subject = "Map exhibit at " + format_scale_text(pack.scale) + " at " +
                   to_string(pack.paper) + "; findings; chronology; provenance";
    meta.creator = "Redline " + pack.software_version;
    meta.date_time = pack.date_time;
    PdfDocument doc(size, meta);
    Pass pass;
    detail::PageContext cover{pack, size, 1, page_count, contents};
    detail::draw_cover_page(doc.begin_page(), cover);
    doc.end_page();
    pass.contents.push_back({"Map exhibit at " + format_scale_text(pack.scale), 2});
    detail::PageContext map{pack, size, 2, page_count, {}};
    detail::draw_map_page(doc.begin_page(), map);
    doc.end_page();

    {
        detail::TextFlow flow(doc, pack, size, doc.page_count() + 1, page_count,
                              "Findings and measurements");
        pass.contents.push_back({"Findings and measurements", flow.page()});
        detail::write_findings_pages(flow, pack);
        flow.finish();
    }
    {
        detail::TextFlow flow(doc, pack, size, doc.page_count() + 1, page_count, "Case chronology");
        pass.contents.push_back({"Case chronology", flow.page()});
        detail::write_chronology_pages(flow, pack);
        flow.finish();
    }
    {
        detail::TextFlow flow(doc, pack, size, doc.page_count() + 1, page_count,
                              "Provenance appendix");
        pass.contents.push_back({"Provenance appendix", flow.page()});
        detail::write_provenance_pages(flow, pack);
        flow.finish();
    }
    pass.page_count = doc.page_count();
    pass.bytes = doc.finish();
    return pass;
}

} // namespace

std::string render_evidence_pack(const EvidencePack& pack) {
    const Pass first = draw_pack(pack, 0, {});
    return draw_pack(pack, first.page_count, first.contents).bytes;
}

void render_map_png(const EvidencePack& pack, double dpi, const std::string& path) {
    const PageSize size = page_size(pack.paper, pack.orientation);
    RasterCanvas canvas(size.width_mm, size.height_mm, dpi);
    detail::PageContext ctx{pack, size, 2, 0, {}};
    detail::draw_map_page(canvas.painter(), ctx);
    canvas.write_png(path);
}

} // namespace redline::print
