// What the measure tool draws: the figure, its vertices, the offset's dimension line and the
// label with the value and its uncertainty (issue #5 item 5).
#include "scene/measure_overlay.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace redline;

namespace {

analysis::Measurement measured(analysis::MeasureKind kind, std::vector<core::Coord> v,
                               double ground, std::optional<double> sigma) {
    analysis::Measurement m;
    m.kind = kind;
    m.vertices = std::move(v);
    m.grid_value = ground * 0.9998;
    m.ground_value = ground;
    m.uncertainty = sigma;
    return m;
}

} // namespace

TEST(MeasureOverlay, LabelIsTheGroundValueWithItsUncertainty) {
    EXPECT_EQ(scene::measurement_label(measured(analysis::MeasureKind::Length, {}, 5.0012, 0.0094)),
              "5.00 m +/- 0.01 m");
    EXPECT_EQ(scene::measurement_label(measured(analysis::MeasureKind::Area, {}, 48.204, 0.413)),
              "48.20 m2 +/- 0.41 m2");
    EXPECT_EQ(
        scene::measurement_label(measured(analysis::MeasureKind::Offset, {}, 2.314, std::nullopt)),
        "offset 2.31 m");
}

TEST(MeasureOverlay, PolylineIsOneLineWithAMarkOnEveryVertex) {
    const auto o = scene::measure_overlay(
        measured(analysis::MeasureKind::Length, {{0, 0}, {3, 4}, {3, 10}}, 11, std::nullopt));
    const scene::DrawList d = scene::measure_draw_list(o);
    ASSERT_EQ(d.lines.size(), 1u);
    EXPECT_EQ(d.lines[0].size(), 3u);
    EXPECT_EQ(d.points.size(), 3u);
    EXPECT_TRUE(d.fill.indices.empty());
    // The label sits on the longest segment (6 m from (3,4) to (3,10)).
    const core::Coord a = scene::measure_label_anchor(o);
    EXPECT_DOUBLE_EQ(a.x, 3);
    EXPECT_DOUBLE_EQ(a.y, 7);
}

TEST(MeasureOverlay, AreaIsAClosedRingWithAFillOfTheSameArea) {
    const auto o = scene::measure_overlay(
        measured(analysis::MeasureKind::Area, {{0, 0}, {0, 6}, {8, 6}, {8, 0}}, 48, 0.2));
    const scene::DrawList d = scene::measure_draw_list(o);
    ASSERT_EQ(d.lines.size(), 1u);
    EXPECT_EQ(d.lines[0].size(), 5u);
    EXPECT_EQ(d.lines[0].front(), d.lines[0].back());
    EXPECT_NEAR(scene::mesh_area(d.fill), 48.0, 1e-9); // clicked clockwise: filled all the same
    EXPECT_EQ(d.points.size(), 4u);
    const core::Coord a = scene::measure_label_anchor(o);
    EXPECT_DOUBLE_EQ(a.x, 4);
    EXPECT_DOUBLE_EQ(a.y, 3);
}

TEST(MeasureOverlay, OffsetDrawsTheWallTheDimensionLineAndItsTicks) {
    analysis::Measurement m =
        measured(analysis::MeasureKind::Offset, {{0, 0}, {10, 0}, {4, 3}}, 3, std::nullopt);
    m.foot = {4, 0};
    const auto o = scene::measure_overlay(m);
    ASSERT_TRUE(o.foot);
    const scene::DrawList d = scene::measure_draw_list(o);
    // Wall A-B, dimension P -> foot, and a tick across each end of the dimension line.
    ASSERT_EQ(d.lines.size(), 4u);
    EXPECT_EQ(d.lines[0], (core::Path{{0, 0}, {10, 0}}));
    EXPECT_EQ(d.lines[1], (core::Path{{4, 3}, {4, 0}}));
    for (std::size_t i = 2; i < 4; ++i) {
        // Across the line; outlines are kept as floats from the list's origin (scene::PathList).
        EXPECT_NEAR(std::abs(d.lines[i][1].x - d.lines[i][0].x), 0.6, 1e-6);
        EXPECT_NEAR(d.lines[i][1].y - d.lines[i][0].y, 0, 1e-6);
    }
    const core::Coord a = scene::measure_label_anchor(o);
    EXPECT_DOUBLE_EQ(a.x, 4);
    EXPECT_DOUBLE_EQ(a.y, 1.5);
}

TEST(MeasureOverlay, AnUnfinishedFigureDrawsWhatThereIs) {
    scene::MeasureOverlay o;
    o.kind = analysis::MeasureKind::Area;
    o.vertices = {{0, 0}, {5, 0}};
    const scene::DrawList d = scene::measure_draw_list(o);
    EXPECT_EQ(d.lines.size(), 1u); // a line so far, no fill
    EXPECT_TRUE(d.fill.indices.empty());
    EXPECT_EQ(d.points.size(), 2u);
    o.vertices.resize(1);
    EXPECT_TRUE(scene::measure_draw_list(o).lines.empty());
}
