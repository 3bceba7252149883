#include "scene/viewport.hpp"

#include <gtest/gtest.h>

using namespace redline;

TEST(Viewport, ScaleAt96DpiUsesQuarterMillimetrePixels) {
    // 1 px = 0.2645833 mm at 96 dpi, so 1:1250 is 0.330729 m per pixel.
    scene::Viewport v({530000, 180000}, 1.0, 800, 600);
    v.set_scale_denominator(1250);
    EXPECT_NEAR(v.metres_per_px(), 1250 * 0.0254 / 96, 1e-12);
    EXPECT_NEAR(v.metres_per_px(), 0.330729, 1e-6);
    EXPECT_NEAR(v.scale_denominator(), 1250, 1e-9);
}

TEST(Viewport, WorldScreenRoundTripAndNorthUp) {
    scene::Viewport v({530000, 180000}, 0.5, 800, 600);
    const auto c = v.to_screen({530000, 180000});
    EXPECT_DOUBLE_EQ(c.x, 400);
    EXPECT_DOUBLE_EQ(c.y, 300);
    const auto north = v.to_screen({530000, 180010});
    EXPECT_DOUBLE_EQ(north.y, 280); // north is up
    const core::Coord w = v.to_world({123.5, 456.25});
    const auto s = v.to_screen(w);
    EXPECT_NEAR(s.x, 123.5, 1e-9);
    EXPECT_NEAR(s.y, 456.25, 1e-9);
}

TEST(Viewport, ZoomAboutKeepsTheAnchorFixed) {
    scene::Viewport v({530000, 180000}, 1.0, 800, 600);
    const scene::ScreenPoint anchor{100, 50};
    const core::Coord before = v.to_world(anchor);
    v.zoom_about(anchor, 2.0);
    EXPECT_DOUBLE_EQ(v.metres_per_px(), 0.5);
    const core::Coord after = v.to_world(anchor);
    EXPECT_NEAR(after.x, before.x, 1e-9);
    EXPECT_NEAR(after.y, before.y, 1e-9);
}

TEST(Viewport, PanFollowsThePointer) {
    scene::Viewport v({530000, 180000}, 2.0, 800, 600);
    const core::Coord under = v.to_world({400, 300});
    v.pan_px(10, -5); // drag right and up
    const auto s = v.to_screen(under);
    EXPECT_NEAR(s.x, 410, 1e-9);
    EXPECT_NEAR(s.y, 295, 1e-9);
}

TEST(Viewport, FitShowsTheWholeEnvelope) {
    scene::Viewport v({0, 0}, 1.0, 400, 200);
    core::Envelope e;
    e.expand(core::Coord{530000, 180000});
    e.expand(core::Coord{530360, 180080});
    v.fit(e, 20);
    EXPECT_DOUBLE_EQ(v.centre().x, 530180);
    EXPECT_DOUBLE_EQ(v.metres_per_px(), 1.0); // 360 m over 360 usable px
    const auto b = v.world_bounds();
    EXPECT_LE(b.min_x, e.min_x);
    EXPECT_GE(b.max_y, e.max_y);
}
