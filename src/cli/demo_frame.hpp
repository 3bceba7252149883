#pragma once
// Local frame and plot table of the demo street (see demo_plots.cpp). Internal to the demo
// generator.

#include "core/feature.hpp"

#include <optional>
#include <string>
#include <vector>

namespace redline::cli::demo::detail {

/// A rectangle in a plot's local frame: `a` metres along the road from the plot's start, `d`
/// metres from the road centreline into the plot.
struct Rect {
    double a0, a1, d0, d1;
};

/// A house plot: `side` +1 north of the road, -1 south.
struct Plot {
    int number;
    int side;
    double width;
    double rear = 40.0;
    std::optional<Rect> house = Rect{0, 0, 10, 19}; ///< the original house (baseline and current)
    std::vector<Rect> extensions;                   ///< new building (current only)
    std::optional<double> eaves_m;                  ///< eaves height of the extensions
    std::vector<Rect> demolished;                   ///< baseline only
    double start = 0.0;                             ///< along-road offset of the plot
};

/// New buildings on land outside every curtilage, south side beyond the last plot (start 0).
inline constexpr Rect k_unpermitted{290, 298, 10, 16}; ///< 48 m2, no permission: breach
inline constexpr Rect k_permitted{310, 318, 10, 16};   ///< 48 m2 in an approved red line
inline constexpr Rect k_permitted_red_line{305, 323, 5, 25};
inline constexpr Rect k_tiny_shed{330, 331.2, 10, 11.5}; ///< 1.8 m2, below the 2 m2 minimum

/// The plots in order, with their starts laid out.
std::vector<Plot> plots();
const Plot& find(const std::vector<Plot>& ps, int number);

/// EPSG:27700 position of a local (a, d) on one side of the road.
core::Coord at(double a, double d, int side);
/// A rectangle (relative to `start`) as a counter-clockwise polygon.
core::Polygon rect(const Rect& r, double start, int side);
core::Geometry poly(const Rect& r, double start, int side);
/// The rectangle spanning plots first..last (same side) between depths d0 and d1.
core::Geometry span(const std::vector<Plot>& ps, int first, int last, double d0, double d1);

core::LayerData layer(const std::string& name,
                      std::vector<std::pair<std::string, core::FieldType>> fields);
void add(core::LayerData& l, core::Geometry g, std::vector<core::FieldValue> values);
std::string address(int number);
std::string uprn(int number);

} // namespace redline::cli::demo::detail
