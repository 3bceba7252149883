#pragma once
// Draws the viewer's Scene on paper: the same layers, the same draw lists and the same Style
// values as the screen renderer, converted from screen pixels to millimetres.

#include "print/map_frame.hpp"
#include "print/painter.hpp"
#include "scene/scene.hpp"

namespace redline::print {

/// Style lengths (line widths, dashes, hatch spacing, symbol sizes) are screen pixels. On paper
/// one style pixel is the size of a pixel of the 96 dpi screen the viewer states its scale at,
/// 25.4 / 96 = 0.2646 mm: a map printed at 1:N then looks exactly like the viewer at 1:N (the
/// 2.5 px red line is 0.66 mm, the 10 px conservation-area hatch 2.6 mm apart).
inline constexpr double k_mm_per_style_px = 25.4 / 96.0;

/// Draw every visible layer of `scene` in draw order inside `frame` (clipped to it).
void paint_scene(Painter& painter, const scene::Scene& scene, const MapFrame& frame);

/// Draw one layer: polygon fills (with hatching), then outlines and lines, then point symbols.
/// Fills are drawn from the layer's polygons rather than the screen's triangles so that PDF
/// viewers show no hairline seams between triangles.
void paint_layer(Painter& painter, const scene::MapLayer& layer, const MapFrame& frame);

/// Draw any geometry (EPSG:27700) with a style: polygons filled and outlined, lines stroked,
/// points as symbols. Used for overlays such as findings and measurements.
void paint_geometry(Painter& painter, const core::Geometry& geometry, const scene::Style& style,
                    const MapFrame& frame, double opacity = 1.0);

/// A point symbol centred at `at` (mm), sized by the style in style pixels.
void paint_symbol(Painter& painter, PaperPoint at, const scene::SymbolStyle& style,
                  double opacity = 1.0);

/// A legend swatch of `kind` filling `box` (mm), drawn with the same style conversion.
enum class SwatchShape { Area, Line, Symbol };
void paint_swatch(Painter& painter, const RectMm& box, SwatchShape kind, const scene::Style& style,
                  double opacity = 1.0);

} // namespace redline::print
