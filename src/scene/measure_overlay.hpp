#pragma once
// A measurement drawn over the map: the measured line, polygon or offset with its vertices and a
// label giving the value and, for plan measurements, its uncertainty. Used by the measure tool
// while the officer clicks, and to show a saved measurement.

#include "analysis/measurement.hpp"
#include "scene/map_layer.hpp"

#include <optional>
#include <string>
#include <vector>

namespace redline::scene {

/// What the measure overlay shows.
struct MeasureOverlay {
    analysis::MeasureKind kind = analysis::MeasureKind::Length;
    std::vector<core::Coord> vertices; ///< EPSG:27700, as clicked (offset: A, B, P)
    std::optional<core::Coord> foot;   ///< offset: foot of the perpendicular from P on A-B
    std::string label;                 ///< drawn beside the figure; empty: no label
};

/// The overlay of a finished measurement (vertices, foot, label).
MeasureOverlay measure_overlay(const analysis::Measurement& m);

/// "12.35 m +/- 0.03 m", "48.20 m2 +/- 0.41 m2", "offset 2.31 m": the ground value (what a tape
/// on site would read), with the 1-sigma uncertainty when there is one. ASCII only (the map's
/// bitmap font has no plus-minus sign).
std::string measurement_label(const analysis::Measurement& m);

/// Draw list: the polyline (length), the closed ring with a fill (area), or the wall line A-B
/// with the dimension line P -> foot and ticks at its ends (offset); a symbol on every vertex.
DrawList measure_draw_list(const MeasureOverlay& overlay);

/// Where the label goes: the middle of the dimension line (offset), the centroid of the vertices
/// (area) or the middle of the polyline's longest segment (length). EPSG:27700.
core::Coord measure_label_anchor(const MeasureOverlay& overlay);

} // namespace redline::scene
