#pragma once

#include "core/geometry.hpp"

#include <string>
#include <vector>

namespace redline::print {

/// ISO 216 sheet sizes that councils print evidence on.
enum class Paper { A4, A3 };
enum class Orientation { Portrait, Landscape };

/// "A4", "A3"; parse is case-insensitive and throws core::UsageError for anything else.
const char* to_string(Paper paper);
Paper parse_paper(const std::string& text);
/// "portrait", "landscape"; parse throws core::UsageError for anything else.
const char* to_string(Orientation orientation);
Orientation parse_orientation(const std::string& text);

/// Width and height of a sheet in millimetres (A4 portrait: 210 x 297).
struct PageSize {
    double width_mm = 210;
    double height_mm = 297;
};
PageSize page_size(Paper paper, Orientation orientation);

/// PDF user space is in points: 1 pt = 25.4 / 72 mm exactly.
inline constexpr double k_mm_per_pt = 25.4 / 72.0;
inline constexpr double k_pt_per_mm = 72.0 / 25.4;

/// The scales the pack offers, largest (most detailed) first: 1:200, 1:500, 1:1250, 1:2500.
const std::vector<double>& standard_scales();

/// A rectangle on the page in millimetres from the top-left corner, y down.
struct RectMm {
    double x = 0, y = 0, w = 0, h = 0;
    double right() const { return x + w; }
    double bottom() const { return y + h; }
};

/// The largest standard scale at which a `site` (EPSG:27700 metres) fits inside `frame`, keeping
/// `margin_mm` of paper clear on every side; 1:2500 when it fits at none (`fits` is then false).
struct ScaleChoice {
    double denominator = 2500;
    bool fits = false;
};
ScaleChoice choose_scale(const core::Envelope& site, const RectMm& frame, double margin_mm = 10);

} // namespace redline::print
