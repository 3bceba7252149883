// Snapping of map clicks to feature vertices and edges (issue #5 item 4).
#include "scene/snapping.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace redline;

namespace {

core::Path square(double x0, double y0, double side) {
    return {{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}, {x0, y0}};
}

/// A 10 m building at (1000, 2000) and a road line along y = 1980 from x = 900 to 1100.
scene::Scene street() {
    core::LayerData buildings;
    buildings.name = "buildings";
    core::Feature b;
    b.geometry = core::Geometry::polygon({{square(1000, 2000, 10)}});
    buildings.features.push_back(b);
    core::LayerData roads;
    roads.name = "roads";
    core::Feature r;
    r.geometry.type = core::GeometryType::LineString;
    r.geometry.lines.push_back({{900, 1980}, {1100, 1980}});
    roads.features.push_back(r);
    scene::Scene s;
    s.add_layer({buildings, core::Role::Building});
    s.add_layer({roads, core::Role::Highway});
    return s;
}

} // namespace

TEST(Snapping, ClickNearACornerTakesTheCornerExactly) {
    const scene::Scene s = street();
    const auto r = scene::snap(s, {1010.3, 2009.8}, 0.5);
    EXPECT_EQ(r.kind, scene::SnapKind::Vertex);
    EXPECT_DOUBLE_EQ(r.at.x, 1010);
    EXPECT_DOUBLE_EQ(r.at.y, 2010);
    ASSERT_TRUE(r.feature);
    EXPECT_EQ(r.feature->layer, "buildings");
    EXPECT_NEAR(r.distance_px, std::hypot(0.3, 0.2), 1e-9);
}

TEST(Snapping, ClickNearAnEdgeTakesTheFootOfThePerpendicular) {
    const scene::Scene s = street();
    const auto r = scene::snap(s, {1004.0, 2010.4}, 0.5);
    EXPECT_EQ(r.kind, scene::SnapKind::Edge);
    EXPECT_DOUBLE_EQ(r.at.x, 1004.0);
    EXPECT_DOUBLE_EQ(r.at.y, 2010.0);
    const auto road = scene::snap(s, {950.0, 1979.7}, 0.5);
    EXPECT_EQ(road.kind, scene::SnapKind::Edge);
    EXPECT_EQ(road.feature->layer, "roads");
    EXPECT_DOUBLE_EQ(road.at.y, 1980.0);
}

TEST(Snapping, AVertexWithinReachWinsOverACloserEdge) {
    const scene::Scene s = street();
    // 0.1 m from the bottom edge, 0.45 m from the corner (1000, 2000).
    const auto r = scene::snap(s, {1000.44, 2000.1}, 0.5);
    EXPECT_EQ(r.kind, scene::SnapKind::Vertex);
    EXPECT_DOUBLE_EQ(r.at.x, 1000);
    EXPECT_DOUBLE_EQ(r.at.y, 2000);
}

TEST(Snapping, NothingWithinReachKeepsTheClick) {
    const scene::Scene s = street();
    const auto r = scene::snap(s, {1050.0, 2050.0}, 0.5);
    EXPECT_EQ(r.kind, scene::SnapKind::None);
    EXPECT_FALSE(r.feature);
    EXPECT_DOUBLE_EQ(r.at.x, 1050.0);
    EXPECT_DOUBLE_EQ(r.at.y, 2050.0);
}

TEST(Snapping, HiddenLayersAreNotSnappedTo) {
    scene::Scene s = street();
    s.find("buildings")->visible = false;
    EXPECT_EQ(scene::snap(s, {1010.3, 2009.8}, 0.5).kind, scene::SnapKind::None);
    s.find("buildings")->visible = true;
    s.find("buildings")->opacity = 0;
    EXPECT_EQ(scene::snap(s, {1010.3, 2009.8}, 0.5).kind, scene::SnapKind::None);
}

TEST(Snapping, ToleranceIsInScreenPixels) {
    const scene::Scene s = street();
    // 0.1 m per pixel: the corner 0.5 m away is 5 px away.
    scene::Viewport v({1010, 2010}, 0.1, 200, 200);
    const scene::ScreenPoint corner = v.to_screen({1010, 2010});
    const scene::ScreenPoint click{corner.x + 3, corner.y + 4}; // 5 px
    const auto near = scene::snap(s, v, click, 8);
    EXPECT_EQ(near.kind, scene::SnapKind::Vertex);
    EXPECT_NEAR(near.distance_px, 5.0, 1e-6);
    EXPECT_DOUBLE_EQ(near.at.x, 1010);
    // Zoomed out ten times the same 5 px is 5 m: still a snap; zoomed in, 0.01 m/px, 4 px
    // tolerance is 4 cm, and the corner 5 px away is out of reach.
    scene::Viewport fine({1010, 2010}, 0.01, 200, 200);
    const scene::ScreenPoint c2 = fine.to_screen({1010, 2010});
    const auto far = scene::snap(s, fine, {c2.x + 3, c2.y + 4}, 4);
    EXPECT_NE(far.kind, scene::SnapKind::Vertex);
}
