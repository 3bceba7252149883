#pragma once

#include "scene/scene.hpp"

#include <string>
#include <vector>

namespace redline::scene {

/// How a legend swatch is drawn: an area (fill + outline), a line or a point symbol.
enum class SwatchKind { Area, Line, Symbol };

/// One line of the legend: a layer, or (indented) a class within a layer.
struct LegendEntry {
    std::string label;
    std::string layer; ///< the layer it belongs to
    SwatchKind kind = SwatchKind::Area;
    Style style;
    float opacity = 1.0f;
    int indent = 0; ///< 1 for the status/age classes of complaints
};

/// The legend of the visible layers, top of the map first (reverse draw order), as the Layers panel
/// and the printed page show it.
std::vector<LegendEntry> build_legend(const Scene& scene);

} // namespace redline::scene
