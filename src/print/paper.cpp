#include "print/paper.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

namespace redline::print {

const char* to_string(Paper paper) {
    return paper == Paper::A3 ? "A3" : "A4";
}

Paper parse_paper(const std::string& text) {
    const std::string t = core::to_lower(core::trim(text));
    if (t == "a4")
        return Paper::A4;
    if (t == "a3")
        return Paper::A3;
    throw core::UsageError("--paper '" + text + "': expected A4 or A3");
}

const char* to_string(Orientation orientation) {
    return orientation == Orientation::Landscape ? "landscape" : "portrait";
}

Orientation parse_orientation(const std::string& text) {
    const std::string t = core::to_lower(core::trim(text));
    if (t == "portrait")
        return Orientation::Portrait;
    if (t == "landscape")
        return Orientation::Landscape;
    throw core::UsageError("--orientation '" + text + "': expected portrait or landscape");
}

PageSize page_size(Paper paper, Orientation orientation) {
    // ISO 216: A3 is 297 x 420 mm, A4 its half, 210 x 297 mm.
    PageSize s = paper == Paper::A3 ? PageSize{297, 420} : PageSize{210, 297};
    if (orientation == Orientation::Landscape)
        std::swap(s.width_mm, s.height_mm);
    return s;
}

const std::vector<double>& standard_scales() {
    static const std::vector<double> scales = {200, 500, 1250, 2500};
    return scales;
}

ScaleChoice choose_scale(const core::Envelope& site, const RectMm& frame, double margin_mm) {
    const double usable_w = frame.w - 2 * margin_mm;
    const double usable_h = frame.h - 2 * margin_mm;
    for (double n : standard_scales()) {
        // Ground metres to paper millimetres at 1:n: 1000 / n.
        const double w_mm = site.width() * 1000.0 / n;
        const double h_mm = site.height() * 1000.0 / n;
        if (w_mm <= usable_w && h_mm <= usable_h)
            return {n, true};
    }
    return {standard_scales().back(), false};
}

} // namespace redline::print
