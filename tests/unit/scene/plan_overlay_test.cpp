// The plan overlay's geometry: corners on the map, the inverse matrix the shader uses, and the
// control-point marks (issue #5 item 1).
#include "scene/plan_overlay.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace redline;

namespace {

scene::PlanOverlay overlay_with(analysis::PlanTransform t) {
    scene::PlanOverlay o;
    o.width = 1000;
    o.height = 800;
    o.transform = t;
    return o;
}

analysis::PlanTransform projective() {
    analysis::PlanTransform t;
    t.kind = analysis::TransformKind::Projective;
    t.h = {0.05, 0.01, 530000, 0.012, -0.048, 180000, 2e-5, -1e-5, 1};
    return t;
}

} // namespace

TEST(PlanOverlay, CornersAreThePlanCornersThroughTheTransform) {
    const auto o = overlay_with(projective());
    const auto corners = scene::plan_corners_on_map(o);
    ASSERT_TRUE(corners);
    const core::Coord plan[4] = {{0, 0}, {1000, 0}, {1000, 800}, {0, 800}};
    for (int i = 0; i < 4; ++i) {
        const core::Coord m = o.transform->to_map(plan[i]);
        EXPECT_DOUBLE_EQ((*corners)[std::size_t(i)].x, m.x);
        EXPECT_DOUBLE_EQ((*corners)[std::size_t(i)].y, m.y);
    }
}

TEST(PlanOverlay, NoTransformOrAVanishingLineAcrossThePlanDrawsNothing) {
    scene::PlanOverlay none;
    none.width = 100;
    none.height = 100;
    EXPECT_FALSE(scene::plan_corners_on_map(none));
    // w = 1 - x/500: the line x = 500 goes to infinity, right through the plan.
    analysis::PlanTransform t;
    t.kind = analysis::TransformKind::Projective;
    t.h = {1, 0, 0, 0, 1, 0, -1.0 / 500, 0, 1};
    EXPECT_FALSE(scene::plan_corners_on_map(overlay_with(t)));
}

TEST(PlanOverlay, LocalInverseMapsBackToThePlanRelativeToTheOrigin) {
    const auto t = projective();
    const core::Coord origin{530000, 179000};
    const auto m = scene::local_map_to_plan(t, origin);
    for (core::Coord p : {core::Coord{0, 0}, core::Coord{1000, 800}, core::Coord{250.5, 610.25}}) {
        const core::Coord en = t.to_map(p);
        const double lx = en.x - origin.x, ly = en.y - origin.y;
        const double x = m[0] * lx + m[1] * ly + m[2], y = m[3] * lx + m[4] * ly + m[5],
                     w = m[6] * lx + m[7] * ly + m[8];
        EXPECT_NEAR(x / w, p.x, 1e-6);
        EXPECT_NEAR(y / w, p.y, 1e-6);
    }
    analysis::PlanTransform singular;
    singular.h = {1, 2, 0, 2, 4, 0, 0, 0, 1};
    EXPECT_THROW(scene::local_map_to_plan(singular, origin), core::Error);
}

TEST(PlanOverlay, ControlPointMarksShowEachResidual) {
    analysis::PlanTransform t; // identity: plan (x, y) lands at map (x, y)
    auto o = overlay_with(t);
    o.control_points = {{{10, 20}, {10.5, 20}}, {{30, 40}, {30, 40}}};
    const scene::DrawList d = scene::control_point_draw_list(o);
    ASSERT_EQ(d.points.size(), 2u);
    EXPECT_DOUBLE_EQ(d.points[0].at.x, 10.5);
    ASSERT_EQ(d.lines.size(), 2u);
    // From where the officer put it to where the transform puts its plan point.
    EXPECT_DOUBLE_EQ(d.lines[0][0].x, 10.5);
    EXPECT_DOUBLE_EQ(d.lines[0][1].x, 10.0);
    EXPECT_DOUBLE_EQ(
        std::hypot(d.lines[1][1].x - d.lines[1][0].x, d.lines[1][1].y - d.lines[1][0].y), 0.0);
    o.transform.reset();
    EXPECT_TRUE(scene::control_point_draw_list(o).lines.empty());
}
