// A basemap picture on the printed map: each pixel covers its own ground square through the
// frame's ground-to-paper map, unblended, at the basemap's opacity.
#include "print/basemap_painter.hpp"
#include "print/pdf_document.hpp"

#include <gtest/gtest.h>

namespace redline::print {
namespace {

/// 20 x 20 pixels of 1 m from (990, 2010): white, with black pixels 5-9 (E 995-1000,
/// N 2000-2005) in both directions.
PackBasemap square_basemap() {
    PackBasemap b;
    b.width_px = b.height_px = 20;
    b.west = 990;
    b.north = 2010;
    b.cell_m = 1;
    b.rgba.assign(20 * 20 * 4, 255);
    for (int y = 5; y < 10; ++y)
        for (int x = 5; x < 10; ++x)
            for (int c = 0; c < 3; ++c)
                b.rgba[(std::size_t(y) * 20 + x) * 4 + c] = 0;
    return b;
}

// A 100 mm frame from (10, 10) mm centred on (1000, 2000) at 1:1000: 1 m of ground is 1 mm, so
// the black square spans 55-60 mm on the page both ways; at 254 dpi that is pixels 550-599.
const MapFrame k_frame({10, 10, 100, 100}, {1000, 2000}, 1000);

TEST(BasemapPainter, EachPixelCoversItsGroundSquare) {
    RasterCanvas canvas(120, 120, 254);
    paint_basemap(canvas.painter(), square_basemap(), k_frame);
    EXPECT_EQ(canvas.grey(575, 575), 0);
    // Sharp edges exactly where the ground-to-paper map puts them: no blending into neighbours.
    for (int at : {550, 599}) {
        EXPECT_EQ(canvas.grey(at, 575), 0) << at;
        EXPECT_EQ(canvas.grey(575, at), 0) << at;
    }
    for (int at : {549, 600}) {
        EXPECT_EQ(canvas.grey(at, 575), 255) << at;
        EXPECT_EQ(canvas.grey(575, at), 255) << at;
    }
}

TEST(BasemapPainter, OpacityLetsThePageShowThrough) {
    RasterCanvas canvas(120, 120, 254);
    PackBasemap b = square_basemap();
    b.opacity = 0.5;
    paint_basemap(canvas.painter(), b, k_frame);
    EXPECT_NEAR(canvas.grey(575, 575), 128, 2);
}

TEST(BasemapPainter, EmptyPictureDrawsNothing) {
    RasterCanvas canvas(120, 120, 254);
    PackBasemap b; // does not reach the frame
    paint_basemap(canvas.painter(), b, k_frame);
    EXPECT_EQ(canvas.grey(575, 575), 255);
}

} // namespace
} // namespace redline::print
