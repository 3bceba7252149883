// Hand adjustments of a plan's transform: nudge, rotate and scale about the plan's centre
// (issue #5 item 3).
#include "scene/plan_adjust.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace redline;

namespace {

/// A raster plan 1000 x 800 px at 0.05 m/px, rotated 12 degrees, with (0,0) at (530000, 180000).
analysis::PlanTransform plan_transform(analysis::TransformKind kind) {
    const double s = 0.05, th = 12 * M_PI / 180;
    analysis::PlanTransform t;
    t.kind = kind;
    // Raster y is down: the plan's +y goes to the map's -n direction.
    t.h = {s * std::cos(th),
           s * std::sin(th),
           530000,
           s * std::sin(th),
           -s * std::cos(th),
           180000,
           0,
           0,
           1};
    if (kind == analysis::TransformKind::Projective) {
        t.h[6] = 1e-6;
        t.h[7] = -2e-6;
    }
    return t;
}

double dist(core::Coord a, core::Coord b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

} // namespace

TEST(PlanAdjust, TranslateMovesEveryPlanPointByTheSameGridVector) {
    const auto t = plan_transform(analysis::TransformKind::Affine);
    const auto moved = scene::translated(t, 0.25, -1.5);
    for (core::Coord p : {core::Coord{0, 0}, core::Coord{1000, 0}, core::Coord{321, 789}}) {
        const core::Coord a = t.to_map(p), b = moved.to_map(p);
        EXPECT_NEAR(b.x - a.x, 0.25, 1e-9);
        EXPECT_NEAR(b.y - a.y, -1.5, 1e-9);
    }
    EXPECT_EQ(moved.kind, analysis::TransformKind::Affine);
}

TEST(PlanAdjust, RotateAboutTheCentreKeepsTheCentreAndTurnsTheAxis) {
    const auto t = plan_transform(analysis::TransformKind::Helmert);
    const core::Coord c = scene::plan_centre_on_map(t, 1000, 800);
    const auto turned =
        scene::apply_adjustment(t, {scene::PlanAdjustment::Kind::Rotate, 1.0, 0}, 1000, 800);
    const core::Coord c2 = turned.to_map({500, 400});
    EXPECT_NEAR(c2.x, c.x, 1e-8);
    EXPECT_NEAR(c2.y, c.y, 1e-8);
    EXPECT_NEAR(turned.rotation_deg({500, 400}), t.rotation_deg({500, 400}) + 1.0, 1e-9);
    EXPECT_NEAR(turned.scale_m_per_unit({500, 400}), 0.05, 1e-12);
    // A corner 32 m from the centre moves along an arc of 1 degree.
    const core::Coord k = t.to_map({0, 0}), k2 = turned.to_map({0, 0});
    EXPECT_NEAR(dist(k2, c), dist(k, c), 1e-8);
    EXPECT_NEAR(dist(k, k2), 2 * dist(k, c) * std::sin(0.5 * M_PI / 180), 1e-8);
    // Still a similarity with the raster's reflection: [a b; b -a].
    EXPECT_NEAR(turned.h[0], -turned.h[4], 1e-15);
    EXPECT_NEAR(turned.h[1], turned.h[3], 1e-15);
}

TEST(PlanAdjust, ScaleAboutTheCentreChangesTheScaleOnly) {
    const auto t = plan_transform(analysis::TransformKind::Helmert);
    const auto bigger =
        scene::apply_adjustment(t, {scene::PlanAdjustment::Kind::Scale, 1.01, 0}, 1000, 800);
    EXPECT_NEAR(bigger.scale_m_per_unit({500, 400}), 0.05 * 1.01, 1e-12);
    EXPECT_NEAR(bigger.rotation_deg({500, 400}), 12.0, 1e-9);
    const core::Coord c = t.to_map({500, 400}), c2 = bigger.to_map({500, 400});
    EXPECT_NEAR(dist(c, c2), 0, 1e-8);
    EXPECT_THROW(scene::scaled_about(t, 0.0, c), core::Error);
}

TEST(PlanAdjust, AProjectiveStaysProjectiveAndStraightLinesStayStraight) {
    const auto t = plan_transform(analysis::TransformKind::Projective);
    const auto adjusted = scene::rotated_about(scene::translated(t, 3, 4), 7, {530010, 179990});
    EXPECT_EQ(adjusted.kind, analysis::TransformKind::Projective);
    // Three collinear plan points stay collinear on the map.
    const core::Coord a = adjusted.to_map({0, 0}), b = adjusted.to_map({500, 400}),
                      c = adjusted.to_map({1000, 800});
    const double cross = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
    EXPECT_NEAR(cross / (dist(a, b) * dist(a, c)), 0, 1e-9);
    // And the adjustment is a rigid motion of the map: distances between mapped points are kept.
    const core::Coord a0 = t.to_map({0, 0}), c0 = t.to_map({1000, 800});
    EXPECT_NEAR(dist(a, c), dist(a0, c0), 1e-7);
}

TEST(PlanAdjust, StepsDescribeThemselves) {
    EXPECT_EQ(scene::describe({scene::PlanAdjustment::Kind::Move, 0.25, -0.5}),
              "move 0.250 m E, -0.500 m N");
    EXPECT_EQ(scene::describe({scene::PlanAdjustment::Kind::Rotate, -0.1, 0}), "rotate -0.10 deg");
    EXPECT_EQ(scene::describe({scene::PlanAdjustment::Kind::Scale, 1.001, 0}), "scale x1.0010");
}
