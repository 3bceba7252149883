#include "render/image.hpp"
#include "render/map_furniture.hpp"
#include "render/vertex_builder.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace redline;

TEST(VertexBuilder, LinesAreRelativeToTheOriginAndMitred) {
    std::vector<render::LineVertex> v;
    render::LineStrips strips;
    // A right-angle corner far out in BNG: floats would lose centimetres without the origin.
    render::build_line_vertices(
        {{{533000.25, 179000.5}, {533010.25, 179000.5}, {533010.25, 179010.5}}}, {533000, 179000},
        v, strips);
    ASSERT_EQ(v.size(), 6u);
    ASSERT_EQ(strips.first.size(), 1u);
    EXPECT_EQ(strips.first[0], 0);
    EXPECT_EQ(strips.count[0], 6);
    EXPECT_FLOAT_EQ(v[0].x, 0.25f);
    EXPECT_FLOAT_EQ(v[0].y, 0.5f);
    // The corner's offset is the miter of two unit normals: length sqrt(2).
    EXPECT_NEAR(std::hypot(v[2].ox, v[2].oy), std::sqrt(2.0), 1e-5);
    EXPECT_FLOAT_EQ(v[4].distance_m, 20.0f);
    EXPECT_FLOAT_EQ(v[2].ox, -v[3].ox);
}

TEST(VertexBuilder, ClosedRingJoinsAtItsStart) {
    std::vector<render::LineVertex> v;
    render::LineStrips strips;
    render::build_line_vertices({{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}}, {0, 0}, v, strips);
    ASSERT_EQ(v.size(), 10u);
    EXPECT_FLOAT_EQ(v[0].ox, v[8].ox);
    EXPECT_FLOAT_EQ(v[0].oy, v[8].oy);
    EXPECT_NEAR(std::hypot(v[0].ox, v[0].oy), std::sqrt(2.0), 1e-5);
}

// Paths follow each other in one vertex list; a degenerate path (one distinct vertex) gets no
// strip, so GL never draws a zero-width sliver from it.
TEST(VertexBuilder, EachPathIsItsOwnStrip) {
    std::vector<render::LineVertex> v;
    render::LineStrips strips;
    render::build_line_vertices({{{0, 0}, {10, 0}}, {{5, 5}, {5, 5}}, {{0, 0}, {0, 3}, {4, 3}}},
                                {0, 0}, v, strips);
    ASSERT_EQ(strips.first.size(), 2u);
    EXPECT_EQ(strips.first[0], 0);
    EXPECT_EQ(strips.count[0], 4);
    EXPECT_EQ(strips.first[1], 4);
    EXPECT_EQ(strips.count[1], 6);
    EXPECT_EQ(v.size(), 10u);
    EXPECT_FLOAT_EQ(v[4].x, 0.0f);
    EXPECT_FLOAT_EQ(v[9].distance_m, 7.0f);
}

TEST(VertexBuilder, SymbolsAreSixVerticesEach) {
    std::vector<render::SymbolVertex> v;
    scene::PointSymbol p{{533001, 179002}, 0, {}};
    render::build_symbol_vertices({p, p}, {533000, 179000}, v);
    EXPECT_EQ(v.size(), 12u);
    EXPECT_FLOAT_EQ(v[0].x, 1.0f);
}

TEST(MapFurniture, ScaleBarIsOneTwoOrFive) {
    scene::Viewport v({530000, 180000}, 1.0, 800, 600);
    v.set_scale_denominator(1250); // 0.3307 m/px: 200 px = 66 m -> 50 m
    auto bar = render::choose_scale_bar(v, 200);
    EXPECT_DOUBLE_EQ(bar.length_m, 50);
    EXPECT_EQ(bar.label, "50 m");
    EXPECT_NEAR(bar.length_px, 50 / v.metres_per_px(), 1e-9);
    v.set_metres_per_px(20);
    bar = render::choose_scale_bar(v, 200); // 4000 m -> 2 km
    EXPECT_EQ(bar.label, "2 km");
    EXPECT_EQ(render::format_scale(1250), "1:1,250");
    EXPECT_EQ(render::format_scale(1234567.4), "1:1,234,567");
    EXPECT_FALSE(render::build_furniture(v).empty());
}

TEST(ImageCompare, CountsPixelsBeyondTolerance) {
    render::Image a{2, 2, std::vector<std::uint8_t>(16, 100)};
    render::Image b = a;
    b.pixel(1, 1)[0] = 110;
    b.pixel(0, 1)[2] = 103;
    auto d = render::compare_images(a, b, 5);
    EXPECT_TRUE(d.same_size);
    EXPECT_EQ(d.differing, 1u);
    EXPECT_DOUBLE_EQ(d.fraction, 0.25);
    EXPECT_EQ(d.max_channel_delta, 10);
    EXPECT_EQ(d.diff.pixel(1, 1)[0], 255);
}
