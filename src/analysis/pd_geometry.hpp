#pragma once
// Permitted-development geometry (breach-rules.md section 3). Private to the analysis module.

#include "analysis/breach_model.hpp"

namespace redline::analysis::detail {

/// The curtilage's context: its original house (the largest baseline building with at least
/// half its area inside), whether that house is detached (no other baseline building within
/// detached_distance_m), and the depth/width axes from the front edge (the outer-ring edge whose
/// midpoint is closest to a highway; the longer on a tie). Without a highway layer, or with no
/// highway within 1 km, has_axes is false and axes_note says why.
Plot make_plot(const Model& m, std::size_t curtilage);

/// Extent of a shape's vertices along an axis, relative to `origin`.
struct Extent {
    double min = 0.0;
    double max = 0.0;
};
Extent extent_along(const geom::Shape& s, core::Coord origin, core::Coord axis);

/// Section 3 measures of an extension against the original house, in metres.
struct PdMeasures {
    double rear_depth = 0.0; ///< max_ext(p.u) - max_house(p.u)
    double forward = 0.0;    ///< min_house(p.u) - min_ext(p.u)
    double side = 0.0;       ///< how far the extension's w-extent passes the house's (larger side)
    bool side_is_max = true; ///< the side passed is the house's max-w side
    double house_width = 0.0;
    Extent house_u, house_w, ext_u, ext_w;
};
PdMeasures pd_measures(const Plot& plot, const geom::Shape& house, const geom::Shape& extension);

/// Map local (u, w) coordinates of a plot back to EPSG:27700.
core::Coord from_local(const Plot& plot, double u, double w);

} // namespace redline::analysis::detail
