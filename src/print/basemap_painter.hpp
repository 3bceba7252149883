#pragma once
// Drawing a raster basemap under the printed map's layers.

#include "print/evidence_pack.hpp"
#include "print/map_frame.hpp"
#include "print/painter.hpp"

namespace redline::print {

/// Paint `basemap`'s picture into `frame` (clipped to it by the caller) so that each pixel
/// covers its own ground square: pixel (i, j) spans E west + i cell_m .. west + (i+1) cell_m and
/// N north - (j+1) cell_m .. north - j cell_m, through the frame's exact ground-to-paper map.
/// Painted over what is already on the page at the basemap's opacity, each pixel a sharp square
/// (not interpolated); one image, embedded once in a PDF. Nothing is painted for an empty picture.
/// Throws core::IoError when the picture's size and bytes disagree.
void paint_basemap(Painter& p, const PackBasemap& basemap, const MapFrame& frame);

} // namespace redline::print
