// GEOS validity and repair on small hand-made shapes whose answers follow from plane geometry.
#include "geom/validity.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace {

using redline::core::Coord;
using redline::core::Geometry;
using redline::core::GeometryKind;
using redline::core::GeometryType;
using redline::core::Path;
using redline::core::Polygon;

Geometry polygon(std::vector<Path> rings) {
    return Geometry::polygon(Polygon{std::move(rings)});
}

Path square(double x0, double y0, double side) {
    return {{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}, {x0, y0}};
}

// (0,0) -> (10,10) -> (10,0) -> (0,10): two triangles meeting at (5,5), each of area 25.
Geometry bowtie() {
    return polygon({{{0, 0}, {10, 10}, {10, 0}, {0, 10}, {0, 0}}});
}

TEST(Validity, SquareIsValid) {
    const auto v = redline::geom::check_validity(polygon({square(0, 0, 10)}));
    EXPECT_TRUE(v.valid);
    EXPECT_TRUE(v.reason.empty());
}

TEST(Validity, BowtieIsSelfIntersectingAtItsCrossing) {
    const auto v = redline::geom::check_validity(bowtie());
    ASSERT_FALSE(v.valid);
    EXPECT_NE(v.reason.find("Self-intersection"), std::string::npos) << v.reason;
    EXPECT_NEAR(v.location.x, 5.0, 1e-9);
    EXPECT_NEAR(v.location.y, 5.0, 1e-9);
}

TEST(Validity, MakeValidBowtieGivesTwoTrianglesOfTheSameTotalArea) {
    const auto fixed = redline::geom::make_valid(bowtie(), GeometryKind::Polygon);
    EXPECT_EQ(fixed.type, GeometryType::MultiPolygon);
    EXPECT_EQ(fixed.polygons.size(), 2u);
    EXPECT_NEAR(redline::geom::area(fixed), 50.0, 1e-9);
    EXPECT_TRUE(redline::geom::check_validity(fixed).valid);
}

TEST(Validity, HoleIsSubtractedAndHoleOutsideShellIsInvalid) {
    const auto with_hole = polygon({square(0, 0, 10), square(2, 2, 3)});
    EXPECT_TRUE(redline::geom::check_validity(with_hole).valid);
    EXPECT_NEAR(redline::geom::area(with_hole), 100.0 - 9.0, 1e-9);

    const auto hole_outside = polygon({square(0, 0, 10), square(20, 20, 3)});
    const auto v = redline::geom::check_validity(hole_outside);
    EXPECT_FALSE(v.valid);
    EXPECT_NE(v.reason.find("Hole"), std::string::npos) << v.reason;
}

TEST(Validity, OverlappingMultipolygonIsInvalidAndRepairsToItsUnion) {
    Geometry multi;
    multi.type = GeometryType::MultiPolygon;
    multi.polygons = {Polygon{{square(0, 0, 10)}}, Polygon{{square(5, 0, 10)}}};
    EXPECT_FALSE(redline::geom::check_validity(multi).valid);
    const auto fixed = redline::geom::make_valid(multi, GeometryKind::Polygon);
    EXPECT_TRUE(redline::geom::check_validity(fixed).valid);
    // Union of [0,10]x[0,10] and [5,15]x[0,10] is [0,15]x[0,10].
    EXPECT_NEAR(redline::geom::area(fixed), 150.0, 1e-9);
}

TEST(Validity, DisjointMultipolygonIsValidAndAreasAdd) {
    Geometry multi;
    multi.type = GeometryType::MultiPolygon;
    multi.polygons = {Polygon{{square(0, 0, 10)}}, Polygon{{square(20, 0, 5)}}};
    EXPECT_TRUE(redline::geom::check_validity(multi).valid);
    EXPECT_NEAR(redline::geom::area(multi), 125.0, 1e-9);
}

TEST(Validity, CollapsedPolygonKeepsNothingOfPolygonKind) {
    // All vertices on one line: no area survives the repair.
    const auto flat = polygon({{{0, 0}, {10, 0}, {5, 0}, {0, 0}}});
    EXPECT_FALSE(redline::geom::check_validity(flat).valid);
    EXPECT_TRUE(redline::geom::make_valid(flat, GeometryKind::Polygon).empty());
    // ... but the line it collapsed to is there for a line layer.
    const auto as_line = redline::geom::make_valid(flat, GeometryKind::Line);
    EXPECT_FALSE(as_line.empty());
    EXPECT_EQ(redline::core::kind_of(as_line.type), GeometryKind::Line);
}

TEST(Validity, EachThreadHasItsOwnContext) {
    double other_thread_area = 0;
    std::thread t([&] { other_thread_area = redline::geom::area(polygon({square(0, 0, 3)})); });
    t.join();
    EXPECT_NEAR(other_thread_area, 9.0, 1e-12);
    EXPECT_NEAR(redline::geom::area(polygon({square(0, 0, 4)})), 16.0, 1e-12);
}

TEST(Validity, EmptyGeometryIsValidWithZeroArea) {
    EXPECT_TRUE(redline::geom::check_validity(Geometry{}).valid);
    EXPECT_EQ(redline::geom::area(Geometry{}), 0.0);
}

} // namespace
