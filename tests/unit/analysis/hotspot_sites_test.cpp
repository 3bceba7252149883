// Aggregation for Gi*: square and hexagonal cells, zones by point-in-polygon, centroids, and the
// complaint filter.
#include "analysis/hex_grid.hpp"
#include "analysis/hotspot_sites.hpp"
#include "analysis/point_selection.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace redline::analysis {
namespace {

core::Polygon square(double x0, double y0, double x1, double y1) {
    return {{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}};
}

TEST(PointInPolygon, EvenOddWithHolesAndBoundaries) {
    auto p = square(0, 0, 10, 10);
    auto hole = square(4, 4, 6, 6).rings[0];
    std::reverse(hole.begin(), hole.end());
    p.rings.push_back(hole);
    EXPECT_TRUE(point_in_polygon({2, 2}, p));
    EXPECT_FALSE(point_in_polygon({5, 5}, p)); // in the hole
    EXPECT_FALSE(point_in_polygon({11, 5}, p));
    EXPECT_FALSE(point_in_polygon({-1, 0}, p)); // on the line of an edge, outside it
    EXPECT_TRUE(point_in_polygon({0, 5}, p));   // boundary counts as inside
    EXPECT_TRUE(point_in_polygon({10, 10}, p)); // a vertex
    EXPECT_TRUE(point_in_polygon({4, 5}, p));   // the hole's edge
    // A concave U: the notch is outside.
    const core::Polygon u{
        {{{0, 0}, {3, 0}, {3, 3}, {2, 3}, {2, 1}, {1, 1}, {1, 3}, {0, 3}, {0, 0}}}};
    EXPECT_FALSE(point_in_polygon({1.5, 2}, u));
    EXPECT_TRUE(point_in_polygon({0.5, 2}, u));
    EXPECT_TRUE(point_in_polygon({1.5, 0.5}, u));
}

TEST(Centroid, PolygonsWithHolesLinesAndPoints) {
    auto g = core::Geometry::polygon(square(530000, 180000, 530010, 180010));
    auto c = centroid(g);
    EXPECT_NEAR(c.x, 530005, 1e-9);
    EXPECT_NEAR(c.y, 180005, 1e-9);
    // A 10 x 10 square with the 5 x 10 east half cut out as a hole (area 50 left, centre x=2.5).
    auto hole = square(530005, 180000, 530010, 180010).rings[0];
    g.polygons[0].rings.push_back(hole); // same winding as the exterior: still a hole
    c = centroid(g);
    EXPECT_NEAR(c.x, 530002.5, 1e-9);
    EXPECT_NEAR(c.y, 180005, 1e-9);
    core::Geometry line;
    line.type = core::GeometryType::LineString;
    line.lines = {{{0, 0}, {10, 0}, {10, 30}}}; // lengths 10 and 30: (5*10 + 10*30)/40 = 8.75
    c = centroid(line);
    EXPECT_NEAR(c.x, 8.75, 1e-12);
    EXPECT_NEAR(c.y, 11.25, 1e-12); // (0*10 + 15*30)/40
    EXPECT_THROW(centroid(core::Geometry{}), core::GeometryError);
}

TEST(HexGrid, NearestCentreAndPolygonAgree) {
    const HexGrid hex(250.0);
    EXPECT_NEAR(hex.area_m2(), 250.0 * 250.0 * std::sqrt(3.0) / 2, 1e-6);
    EXPECT_EQ(hex.centre({0, 0}), (core::Coord{0, 0}));
    // Neighbouring centres are one spacing apart: east, and north-east on the next row.
    const auto a = hex.centre({3, 4}), b = hex.centre({4, 4}), c = hex.centre({3, 5});
    EXPECT_NEAR(std::hypot(b.x - a.x, b.y - a.y), 250.0, 1e-9);
    EXPECT_NEAR(std::hypot(c.x - a.x, c.y - a.y), 250.0, 1e-9);
    // The polygon's area is the hexagon's, and random points fall in the polygon of their index.
    EXPECT_NEAR(std::fabs(core::signed_ring_area(hex.polygon({7, -3}).rings[0])), hex.area_m2(),
                1e-6);
    std::mt19937 rng(1);
    std::uniform_real_distribution<double> ux(520000, 540000), uy(170000, 190000);
    for (int i = 0; i < 2000; ++i) {
        const core::Coord p{ux(rng), uy(rng)};
        const auto idx = hex.index_of(p);
        ASSERT_TRUE(point_in_polygon(p, hex.polygon(idx))) << p.x << "," << p.y;
    }
}

TEST(AggregateToCells, SquareCellsCountPointsAndKeepEmptyCells) {
    // Extent 1010..1090 x 2010..2060 with 50 m cells: columns 1000..1050..1100, rows 2000..2100
    // (row 0 the northern one).
    const std::vector<WeightedPoint> pts{
        {{1010, 2010}, 1}, {{1020, 2020}, 1}, {{1090, 2060}, 1}, {{1060, 2015}, 2}};
    const auto s = aggregate_to_cells(pts, CellShape::Square, 50.0);
    ASSERT_EQ(s.size(), 4u);
    EXPECT_EQ(s.ids[2], "r1c0"); // south-west
    EXPECT_DOUBLE_EQ(s.values[2], 2.0);
    EXPECT_DOUBLE_EQ(s.values[3], 2.0); // south-east: the point weighted 2
    EXPECT_DOUBLE_EQ(s.values[1], 1.0); // north-east
    EXPECT_DOUBLE_EQ(s.values[0], 0.0); // empty, kept
    EXPECT_EQ(s.centres[2], (core::Coord{1025, 2025}));
    EXPECT_EQ(s.points_used, 4u);
}

TEST(AggregateToCells, HexCellsHoldEveryPoint) {
    std::mt19937 rng(2);
    std::uniform_real_distribution<double> u(0, 3000);
    std::vector<WeightedPoint> pts;
    for (int i = 0; i < 500; ++i)
        pts.push_back({{530000 + u(rng), 180000 + u(rng)}, 1.0});
    const auto s = aggregate_to_cells(pts, CellShape::Hex, 250.0);
    double total = 0;
    std::size_t empty = 0;
    for (double v : s.values) {
        total += v;
        empty += v == 0;
    }
    EXPECT_EQ(s.points_used, 500u);
    EXPECT_DOUBLE_EQ(total, 500.0);
    EXPECT_GT(empty, 0u);
    // The hexagons tile about the extent: 9 km^2 over 54,127 m^2 each is ~166, plus a ring.
    EXPECT_GT(s.size(), 166u);
    EXPECT_LT(s.size(), 260u);
}

TEST(AggregateToZones, CountsPointsInEachPolygon) {
    core::LayerData zones;
    zones.name = "wards";
    zones.fields = {{"name", core::FieldType::Text}};
    auto with_hole = square(0, 0, 100, 100);
    with_hole.rings.push_back(square(40, 40, 60, 60).rings[0]);
    zones.features.push_back({1, core::Geometry::polygon(with_hole), {std::string("North")}});
    zones.features.push_back({2, core::Geometry::polygon(square(100, 0, 200, 100)), {{}}});
    const std::vector<WeightedPoint> pts{
        {{10, 10}, 1}, {{50, 50}, 1}, {{150, 50}, 1}, {{100, 50}, 1}, {{300, 300}, 1}};
    const auto s = aggregate_to_zones(pts, zones);
    ASSERT_EQ(s.size(), 2u);
    EXPECT_EQ(s.ids[0], "North");
    EXPECT_EQ(s.ids[1], "fid 2");
    EXPECT_DOUBLE_EQ(s.values[0], 2.0); // (10,10) and the shared edge (100,50); (50,50) is a hole
    EXPECT_DOUBLE_EQ(s.values[1], 2.0); // (150,50) and the shared edge
    EXPECT_EQ(s.points_used, 3u);
    EXPECT_EQ(s.points_outside, 2u);
    EXPECT_NEAR(s.centres[1].x, 150, 1e-9);
}

TEST(ComplaintFilter, DatesCategoriesAndStatus) {
    std::vector<core::Complaint> cs(4);
    cs[0].received_date = "2024-01-01";
    cs[0].category = "extension";
    cs[1].received_date = "2024-06-30";
    cs[1].category = "tree";
    cs[2].received_date = "2025-01-01";
    cs[2].category = "extension";
    cs[2].status = "Closed";
    cs[3].received_date = "not a date";
    ComplaintFilter f;
    f.from = core::Date::parse("2024-01-01");
    f.to = core::Date::parse("2024-12-31");
    auto sel = select_complaints(cs, f);
    EXPECT_EQ(sel.points.size(), 2u);
    EXPECT_EQ(sel.filtered_out, 1u);
    EXPECT_EQ(sel.unusable, 1u);
    f = {};
    f.categories = {"extension"};
    f.statuses = {"closed"};
    sel = select_complaints(cs, f);
    EXPECT_EQ(sel.points.size(), 1u);
    EXPECT_EQ(sel.filtered_out, 3u);
}

TEST(LayerPoints, WeightsFromAField) {
    core::LayerData l;
    l.name = "sites";
    l.fields = {{"w", core::FieldType::Text}};
    l.features.push_back({1, core::Geometry::point({1, 2}), {std::string("2.5")}});
    l.features.push_back({2, core::Geometry::point({3, 4}), {{}}});
    l.features.push_back({3, core::Geometry::polygon(square(0, 0, 2, 2)), {std::string("1")}});
    const auto sel = select_layer_points(l, "w");
    ASSERT_EQ(sel.points.size(), 2u);
    EXPECT_DOUBLE_EQ(sel.points[0].weight, 2.5);
    EXPECT_EQ(sel.points[1].at, (core::Coord{1, 1}));
    EXPECT_EQ(sel.unusable, 1u);
    EXPECT_THROW(select_layer_points(l, "nope"), core::UsageError);
}

} // namespace
} // namespace redline::analysis
