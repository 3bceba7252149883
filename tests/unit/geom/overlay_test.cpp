// Overlay, buffer, opening and parts on hand-made shapes whose answers follow from plane geometry.
#include "geom/overlay.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace {

using redline::geom::read_wkt;
namespace geom = redline::geom;

TEST(Overlay, UnionOfTwoOverlappingSquaresHasTheirCombinedArea) {
    std::vector<geom::Shape> parts;
    parts.push_back(read_wkt("POLYGON((0 0,10 0,10 10,0 10,0 0))"));
    parts.push_back(read_wkt("POLYGON((5 0,15 0,15 10,5 10,5 0))"));
    parts.push_back(read_wkt("POLYGON((30 0,31 0,31 1,30 1,30 0))"));
    const auto u = geom::union_all(std::move(parts));
    EXPECT_NEAR(u.area(), 150.0 + 1.0, 1e-9);
    EXPECT_EQ(geom::polygon_parts(u).size(), 2u);
}

TEST(Overlay, DifferenceAndIntersectionSplitASquare) {
    const auto a = read_wkt("POLYGON((0 0,10 0,10 10,0 10,0 0))");
    const auto b = read_wkt("POLYGON((0 0,4 0,4 10,0 10,0 0))");
    EXPECT_NEAR(geom::difference(a, b).area(), 60.0, 1e-9);
    EXPECT_NEAR(geom::intersection(a, b).area(), 40.0, 1e-9);
    EXPECT_NEAR(geom::unite(a, b).area(), 100.0, 1e-9);
    // Touching only along an edge: no area in common, nothing left of b minus a.
    EXPECT_NEAR(geom::intersection(b, read_wkt("POLYGON((4 0,8 0,8 10,4 10,4 0))")).area(), 0.0,
                1e-12);
    EXPECT_TRUE(geom::difference(b, a).empty());
}

TEST(Overlay, MitredBufferOfARectangleIsARectangle) {
    const auto r = read_wkt("POLYGON((0 0,6 0,6 3,0 3,0 0))");
    // (6 + 0.5) x (3 + 0.5): a round join would cut the corners by (4 - pi) * 0.25^2.
    EXPECT_NEAR(geom::buffer(r, 0.25).area(), 6.5 * 3.5, 1e-9);
    EXPECT_NEAR(geom::buffer(r, -0.5).area(), 5.0 * 2.0, 1e-9);
    geom::BufferStyle round{8, geom::Join::Round, 5.0};
    EXPECT_LT(geom::buffer(r, 0.25, round).area(), 6.5 * 3.5 - 0.01);
    EXPECT_GT(geom::buffer(r, 0.25, round).area(), 6.5 * 3.5 - (4 - M_PI) * 0.0625 - 0.01);
}

TEST(Overlay, OpeningRemovesSliversAndSpikesButKeepsAnLShape) {
    // An L-shaped extension (concave corner) with a 5 cm sliver running off it and a zero-width
    // spike: the opening keeps the L exactly and removes both.
    const auto l = read_wkt("POLYGON((0 0,6 0,6 3,3 3,3 6,0 6,0 0))");
    const auto opened = geom::opening(l, 0.3);
    EXPECT_NEAR(opened.area(), 27.0, 1e-9);
    const auto with_sliver =
        read_wkt("POLYGON((0 0,6 0,6 3,10 3,10 3.05,6 3.05,3 3.05,3 6,0 6,0 0))");
    // The 4 m x 5 cm sliver beyond x = 6 goes; the 3 m x 5 cm strip along the inner arm is part
    // of a thick body (a 5 cm thickening of a 3 m arm) and stays.
    EXPECT_NEAR(with_sliver.area(), 27.0 + 0.15 + 0.2, 1e-9);
    EXPECT_NEAR(geom::opening(with_sliver, 0.3).area(), 27.0 + 0.15, 1e-9);
    // A 3 m spike 1 mm wide at its root (area 0.0015) goes; the 1 mm wedge filling the inner
    // corner (also 0.0015) belongs to the body.
    const auto spike = read_wkt("POLYGON((0 0,6 0,6 3,9 3,6 3.001,3 3,3 6,0 6,0 0))");
    EXPECT_NEAR(spike.area(), 27.003, 1e-9);
    EXPECT_NEAR(geom::opening(spike, 0.3).area(), 27.0015, 1e-9);
    // A strip thinner than the width vanishes.
    EXPECT_TRUE(geom::opening(read_wkt("POLYGON((0 0,10 0,10 0.2,0 0.2,0 0))"), 0.3).empty());
}

TEST(Overlay, PolygonPartsAreTheConnectedComponents) {
    const auto m = read_wkt("MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)),((5 5,7 5,7 7,5 7,5 5)))");
    const auto parts = geom::polygon_parts(m);
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_NEAR(parts[0].area() + parts[1].area(), 5.0, 1e-12);
    const auto mixed = read_wkt("GEOMETRYCOLLECTION(POLYGON((0 0,1 0,1 1,0 1,0 0)),LINESTRING(0 0,"
                                "5 5),POINT(3 3))");
    EXPECT_EQ(geom::polygon_parts(mixed).size(), 1u);
    EXPECT_NEAR(geom::polygonal(mixed).area(), 1.0, 1e-12);
}

TEST(Shape, RoundTripsThroughPlainCoordinatesAndWkt) {
    const auto s = read_wkt("POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,3 2,3 3,2 3,2 2))");
    const auto g = s.to_geometry();
    ASSERT_EQ(g.polygons.size(), 1u);
    EXPECT_EQ(g.polygons[0].rings.size(), 2u);
    EXPECT_NEAR(geom::Shape::from(g).area(), 99.0, 1e-12);
    EXPECT_EQ(read_wkt("POINT (1.5 2)").wkt(3), "POINT (1.5 2)");
    const auto e = s.envelope();
    EXPECT_EQ(e.min_x, 0.0);
    EXPECT_EQ(e.max_y, 10.0);
    EXPECT_THROW(read_wkt("POLYGON((0 0,1 0"), redline::core::GeometryError);
    EXPECT_EQ(s.vertices().size(), 10u);
}

} // namespace
