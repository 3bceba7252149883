// A DXF's line work drawn into pixels: lines land on the pixels the returned affine says, at the
// width asked for, with transparent paper; the affine maps pixel corners to drawing units exactly.
#include "core/error.hpp"
#include "io/plan_drawing_raster.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace redline::io {
namespace {

PlanDrawing drawing(std::vector<core::Path> lines) {
    PlanDrawing d;
    for (const auto& l : lines)
        for (const auto& c : l)
            d.extent.expand(c);
    d.lines = std::move(lines);
    d.units = "mm";
    d.metres_per_unit = 0.001;
    return d;
}

std::uint8_t alpha(const DrawingRaster& r, int x, int y) {
    return r.raster
        .rgba[(std::size_t(y) * std::size_t(r.raster.width_px) + std::size_t(x)) * 4 + 3];
}

core::Coord apply(const std::array<double, 9>& m, core::Coord p) {
    return {m[0] * p.x + m[1] * p.y + m[2], m[3] * p.x + m[4] * p.y + m[5]};
}

double distance_to_segment(core::Coord p, core::Coord a, core::Coord b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double t =
        std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy), 0., 1.);
    return std::hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
}

TEST(PlanDrawingRaster, AxisLinesLandOnThePixelsOfTheAffine) {
    // A 1000 x 500 mm drawing: its bottom edge and left edge. 200 px for 1000 mm: 5 mm a pixel.
    const auto d = drawing({{{0, 0}, {1000, 0}}, {{0, 0}, {0, 500}}});
    DrawingRasterStyle style;
    style.max_side_px = 220;
    style.margin_px = 10;
    style.line_width_px = 2;
    const DrawingRaster r = rasterise_plan_drawing(d, style);
    ASSERT_EQ(r.raster.width_px, 220);
    ASSERT_EQ(r.raster.height_px, 120);
    ASSERT_EQ(r.raster.rgba.size(), std::size_t(220) * 120 * 4);
    // The drawing's origin is the image's bottom-left margin corner, pixel (10, 110); y is flipped.
    EXPECT_EQ(apply(r.pixel_to_drawing, {10, 110}).x, 0.0);
    EXPECT_EQ(apply(r.pixel_to_drawing, {10, 110}).y, 0.0);
    EXPECT_DOUBLE_EQ(apply(r.pixel_to_drawing, {210, 10}).x, 1000.0);
    EXPECT_DOUBLE_EQ(apply(r.pixel_to_drawing, {210, 10}).y, 500.0);
    // A 2 px line centred on y = 110 fills rows 109 and 110 and nothing beyond them.
    for (int x : {15, 100, 200}) {
        EXPECT_EQ(alpha(r, x, 109), 255) << x;
        EXPECT_EQ(alpha(r, x, 110), 255) << x;
        EXPECT_EQ(alpha(r, x, 107), 0) << x;
        EXPECT_EQ(alpha(r, x, 112), 0) << x;
    }
    // The left edge: columns 9 and 10.
    for (int y : {20, 60, 100}) {
        EXPECT_EQ(alpha(r, 9, y), 255) << y;
        EXPECT_EQ(alpha(r, 10, y), 255) << y;
        EXPECT_EQ(alpha(r, 7, y), 0) << y;
        EXPECT_EQ(alpha(r, 12, y), 0) << y;
    }
    EXPECT_EQ(alpha(r, 100, 60), 0); // the paper between the lines is transparent
    // Every pixel has the ink's colour, covered or not (so averaging keeps the colour).
    for (std::size_t i = 0; i < r.raster.rgba.size(); i += 4) {
        ASSERT_EQ(r.raster.rgba[i], style.ink[0]);
        ASSERT_EQ(r.raster.rgba[i + 2], style.ink[2]);
    }
}

TEST(PlanDrawingRaster, EveryInkedPixelLiesOnALineThroughTheAffine) {
    // A diagonal, a steep line and a closed triangle, in metres far from the origin.
    const std::vector<core::Path> lines = {
        {{500000, 180000}, {500030, 180017}},
        {{500002, 180001}, {500005, 180020}},
        {{500010, 180002}, {500025, 180003}, {500020, 180012}, {500010, 180002}}};
    const auto d = drawing(lines);
    DrawingRasterStyle style;
    style.max_side_px = 640;
    style.line_width_px = 3;
    const DrawingRaster r = rasterise_plan_drawing(d, style);
    EXPECT_EQ(std::max(r.raster.width_px, r.raster.height_px), 640);
    const double unit_per_px = r.pixel_to_drawing[0];
    EXPECT_DOUBLE_EQ(r.pixel_to_drawing[4], -unit_per_px); // uniform scale, y flipped
    // Reach of any ink: half the width plus the half-pixel anti-aliasing ramp, plus the distance
    // from a pixel's centre to its corner.
    const double reach = (style.line_width_px / 2 + 0.5 + 0.71) * unit_per_px;
    int inked = 0;
    for (int y = 0; y < r.raster.height_px; ++y)
        for (int x = 0; x < r.raster.width_px; ++x) {
            if (alpha(r, x, y) == 0)
                continue;
            ++inked;
            const core::Coord p = apply(r.pixel_to_drawing, {x + 0.5, y + 0.5});
            double best = 1e300;
            for (const auto& l : lines)
                for (std::size_t i = 1; i < l.size(); ++i)
                    best = std::min(best, distance_to_segment(p, l[i - 1], l[i]));
            ASSERT_LT(best, reach) << "pixel " << x << "," << y;
        }
    // And every line is inked along its length: each point 1/8 of the way maps to covered ink.
    for (const auto& l : lines)
        for (std::size_t i = 1; i < l.size(); ++i)
            for (int k = 0; k <= 8; ++k) {
                const core::Coord q{l[i - 1].x + (l[i].x - l[i - 1].x) * k / 8,
                                    l[i - 1].y + (l[i].y - l[i - 1].y) * k / 8};
                const auto& m = r.pixel_to_drawing;
                const double px = (q.x - m[2]) / m[0], py = (q.y - m[5]) / m[4];
                EXPECT_GT(alpha(r, int(px), int(py)), 100) << q.x << "," << q.y;
            }
    // Three lines of about 3 px over a 640 px image cover only a small part of it.
    EXPECT_GT(inked, 500);
    EXPECT_LT(inked, 640 * 400 / 10);
}

TEST(PlanDrawingRaster, AffineRoundTripsAndPicturesOfBothKinds) {
    const std::string text = "0\nSECTION\n2\nHEADER\n9\n$INSUNITS\n70\n4\n0\nENDSEC\n"
                             "0\nSECTION\n2\nENTITIES\n"
                             "0\nLINE\n8\n0\n10\n100.0\n20\n200.0\n11\n5100.0\n21\n2200.0\n"
                             "0\nENDSEC\n0\nEOF\n";
    const std::vector<std::uint8_t> bytes(text.begin(), text.end());
    const DrawingRaster r = read_plan_picture(bytes, "wall.dxf");
    EXPECT_EQ(r.raster.width_px, 4096); // the default longest side
    // Image corners -> drawing -> image: the inverse of the affine brings each back.
    const auto& m = r.pixel_to_drawing;
    for (const core::Coord p : {core::Coord{0, 0}, {4096, 0}, {1234.5, 987.25}}) {
        const core::Coord q = apply(m, p);
        EXPECT_NEAR((q.x - m[2]) / m[0], p.x, 1e-9);
        EXPECT_NEAR((q.y - m[5]) / m[4], p.y, 1e-9);
    }
    // The drawing's extent sits exactly inside the margins.
    const core::Coord top_left = apply(m, {16, 16});
    EXPECT_NEAR(top_left.x, 100, 1e-9);
    EXPECT_NEAR(top_left.y, 2200, 1e-9);
    EXPECT_NEAR(apply(m, {4096 - 16, 0}).x, 5100, 1e-9);
    EXPECT_THROW(rasterise_plan_drawing(drawing({{{5, 5}, {5, 5}}})), core::IoError);
    DrawingRasterStyle no_room;
    no_room.max_side_px = 20;
    no_room.margin_px = 10;
    EXPECT_THROW(rasterise_plan_drawing(drawing({{{0, 0}, {1, 1}}}), no_room), core::UsageError);
}

} // namespace
} // namespace redline::io
