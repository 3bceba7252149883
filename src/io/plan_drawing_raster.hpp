#pragma once
// A DXF plan's line work drawn into an image, so that the viewer and the evidence pack can show a
// CAD drawing the way they show a scan: as pixels, placed on the map through the plan's
// calibration composed with the exact map from image pixels to drawing units returned here.
//
// Image pixels follow analysis/calibration.hpp: x right, y DOWN, (0, 0) the top-left corner of
// the image, (0.5, 0.5) the centre of the first pixel. Drawing units are the DXF's own ($INSUNITS),
// y UP.

#include "io/plan_reader.hpp"

#include <array>
#include <cstdint>
#include <span>
#include <string>

namespace redline::io {

/// How a drawing is drawn into pixels.
struct DrawingRasterStyle {
    int max_side_px = 4096;     ///< the image's longer side, margins included (>= 2 x margin + 1)
    int margin_px = 16;         ///< blank border on every side, so lines on the extent are whole
    double line_width_px = 2.0; ///< stroke width in image pixels, anti-aliased, round caps
    std::uint8_t ink[3] = {20, 40, 120}; ///< RGB of the line work (dark blue: not the map's black)
};

/// A drawing as an image, with the map from its pixels to drawing units.
struct DrawingRaster {
    /// RGBA8, rows top to bottom. Every pixel has the ink's RGB; alpha is the line's coverage, so
    /// the paper is transparent and averaging (mipmaps, print resampling) keeps the ink's colour.
    PlanRaster raster;
    /// Image pixel -> drawing units, row-major 3x3 affine: [X, Y, 1]^T = m [x, y, 1]^T. A uniform
    /// scale with y flipped: the drawing's extent lies margin_px inside the image's edges.
    std::array<double, 9> pixel_to_drawing{1, 0, 0, 0, 1, 0, 0, 0, 1};
};

/// Draw `drawing`'s lines at a uniform scale that makes the longer side of the image
/// `style.max_side_px`. Throws UsageError for a style that leaves no room, IoError for a drawing
/// without extent (no lines, or every point in one place).
DrawingRaster rasterise_plan_drawing(const PlanDrawing& drawing,
                                     const DrawingRasterStyle& style = {});

/// Any plan as pixels with the map from its pixels to the plan's own coordinates (plan units):
/// a scan or PDF page as read_plan_raster gives it (identity: its pixels are its plan units), a
/// DXF drawn by rasterise_plan_drawing with `style`. Blocking; throws as those functions do.
DrawingRaster read_plan_picture(std::span<const std::uint8_t> bytes, const std::string& file_name,
                                int page = 1, double dpi = 0, const DrawingRasterStyle& style = {});

} // namespace redline::io
