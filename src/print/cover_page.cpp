// The cover: what the exhibit is, for which case and site, by whom and when, and what is in it.
#include "core/version.hpp"
#include "print/pack_page.hpp"

namespace redline::print::detail {
namespace {

/// A label and its value on one line; the value wraps under itself. Returns the next baseline.
double field(Painter& p, double x, double y, double width, const std::string& label,
             const std::string& value) {
    p.set_colour(k_ink);
    p.set_font(FontFace::SansBold, 10);
    p.text(x, y, label);
    p.set_font(FontFace::Sans, 10);
    const double indent = 45;
    for (const auto& line : p.wrap(value.empty() ? "-" : value, width - indent)) {
        p.text(x + indent, y, line);
        y += 5;
    }
    return y + 1.5;
}

} // namespace

void draw_cover_page(Painter& p, const PageContext& ctx) {
    const EvidencePack& pack = ctx.pack;
    const RectMm body = draw_page_chrome(p, ctx, "Evidence pack");
    const double x = body.x + 4, w = body.w - 8;
    double y = body.y + 22;
    p.set_colour(k_ink);
    p.set_font(FontFace::SansBold, 22);
    p.text(x, y, "Exhibit " + pack.exhibit);
    y += 11;
    p.set_font(FontFace::Sans, 14);
    p.text(x, y, "Enforcement case " + pack.case_reference);
    y += 14;

    y = field(p, x, y, w, "Case reference", pack.case_reference);
    y = field(p, x, y, w, "Exhibit reference", pack.exhibit);
    y = field(p, x, y, w, "Site address", pack.site_address);
    y = field(p, x, y, w, "Site", pack.site_description);
    y = field(p, x, y, w, "Alleged breach", pack.alleged_breach);
    y = field(p, x, y, w, "Case status", pack.case_status);
    y = field(p, x, y, w, "Officer", pack.officer);
    y = field(p, x, y, w, "Date", pack.date + " (" + pack.date_basis + ")");
    const std::string pages = ctx.page_count > 0 ? std::to_string(ctx.page_count) : "-";
    y = field(p, x, y, w, "Pages", pages + " including this cover");
    y = field(p, x, y, w, "Map",
              format_scale_text(pack.scale) + " at " + to_string(pack.paper) + " " +
                  to_string(pack.orientation));
    y += 6;

    p.set_font(FontFace::SansBold, 11);
    p.text(x, y, "Contents");
    y += 6;
    p.set_font(FontFace::Sans, 10);
    for (const auto& [title, page] : ctx.contents) {
        p.text(x, y, title);
        p.text(x + w, y, page > 0 ? std::to_string(page) : "", Align::Right);
        y += 5;
    }
    y += 8;

    p.set_font(FontFace::Sans, 8.5);
    const std::string notes[] = {
        "The map exhibit is drawn at the stated scale: printed at 100% (actual size, no fit to "
        "page) on the stated paper, 1 mm on paper is exactly the stated number of millimetres on "
        "the ground. The scale bar and the British National Grid ticks allow the scale to be "
        "checked on the printed sheet.",
        "Every input is listed in the provenance appendix with the SHA-256 of its source file, so "
        "that it can be shown to be unaltered. The SHA-256 of this PDF file is recorded in the "
        "workspace's audit log when it is exported.",
        "Complainants' identities are confidential and are not included in this pack: complaints "
        "appear only by reference, location and category.",
        std::string("Produced by Redline ") + core::k_version + " (source commit " +
            core::k_source_commit + ").",
    };
    for (const auto& note : notes) {
        for (const auto& line : p.wrap(note, w)) {
            p.text(x, y, line);
            y += 4;
        }
        y += 2;
    }
}

} // namespace redline::print::detail
