#include "print/basemap_painter.hpp"

namespace redline::print {

void paint_basemap(Painter& p, const PackBasemap& basemap, const MapFrame& frame) {
    if (basemap.width_px <= 0 || basemap.height_px <= 0 || basemap.opacity <= 0)
        return;
    const PaintImage image(basemap.rgba, basemap.width_px, basemap.height_px);
    // North-up pixels on a grid-north-up page: a pure scale and translation, like the frame's
    // own map, so the picture is as true to scale as the vectors drawn over it.
    const PaperPoint top_left = frame.to_paper({basemap.west, basemap.north});
    const double mm_per_px = basemap.cell_m * frame.mm_per_metre();
    // Not smoothed: a pixel shows its own ground square; the PDF asks no viewer to blend it.
    // (poppler, for one, enlarges an interpolated image half a source pixel up and left: 0.5 mm
    // for a 0.5 m basemap at 1:500; tests/cli/evidence_basemap_test.cpp then fails.) The
    // picture is read at about 250 dpi where the source allows, so its squares only show where
    // the source itself is that coarse.
    p.image(image, {mm_per_px, 0, top_left.x, 0, mm_per_px, top_left.y}, basemap.opacity, false,
            false);
}

} // namespace redline::print
