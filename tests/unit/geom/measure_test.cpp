// Distances, predicates, prepared geometry and the STRtree on shapes with known answers.
#include "geom/measure.hpp"
#include "geom/overlay.hpp"
#include "geom/prepared.hpp"
#include "geom/strtree.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include <thread>

namespace {

using redline::geom::read_wkt;
namespace geom = redline::geom;

TEST(Measure, DistanceAndNearestPointsBetweenSquares) {
    const auto a = read_wkt("POLYGON((0 0,1 0,1 1,0 1,0 0))");
    const auto b = read_wkt("POLYGON((4 5,6 5,6 6,4 6,4 5))");
    EXPECT_NEAR(geom::distance(a, b), 5.0, 1e-12); // (1,1) to (4,5): 3-4-5
    const auto np = geom::nearest_points(a, b);
    EXPECT_NEAR(np.on_a.x, 1.0, 1e-12);
    EXPECT_NEAR(np.on_a.y, 1.0, 1e-12);
    EXPECT_NEAR(np.on_b.x, 4.0, 1e-12);
    EXPECT_NEAR(np.on_b.y, 5.0, 1e-12);
    EXPECT_EQ(geom::distance(a, read_wkt("POLYGON((1 0,2 0,2 1,1 1,1 0))")), 0.0);
}

TEST(Measure, MaxVertexDistanceIsHowFarAPartReachesBeyond) {
    const auto red_line = read_wkt("POLYGON((0 0,10 0,10 21,0 21,0 0))");
    const auto outside = read_wkt("POLYGON((2 21,8 21,8 24,2 24,2 21))");
    EXPECT_NEAR(geom::max_vertex_distance(outside, red_line), 3.0, 1e-12);
    const auto fv = geom::farthest_vertex(outside, red_line);
    EXPECT_NEAR(fv.on_a.y, 24.0, 1e-12);
    EXPECT_NEAR(fv.on_b.y, 21.0, 1e-12);
    EXPECT_EQ(geom::max_vertex_distance(geom::Shape(), red_line), 0.0);
}

TEST(Measure, PredicatesAndPointInPolygon) {
    const auto sq = read_wkt("POLYGON((0 0,10 0,10 10,0 10,0 0))");
    EXPECT_TRUE(geom::covers_point(sq, {5, 5}));
    EXPECT_TRUE(geom::covers_point(sq, {10, 5})); // the boundary counts
    EXPECT_FALSE(geom::covers_point(sq, {10.01, 5}));
    EXPECT_TRUE(geom::intersects(sq, read_wkt("LINESTRING(10 0,20 0)")));
    EXPECT_NEAR(geom::intersection_area(sq, read_wkt("POLYGON((5 5,15 5,15 15,5 15,5 5))")), 25.0,
                1e-12);
    const geom::PreparedShape p(sq);
    EXPECT_TRUE(p.contains(read_wkt("POLYGON((1 1,2 1,2 2,1 1))")));
    EXPECT_TRUE(p.covers(read_wkt("POLYGON((0 0,2 0,2 2,0 0))")));
    EXPECT_FALSE(p.contains(read_wkt("POLYGON((9 9,11 9,11 11,9 9))")));
    EXPECT_TRUE(p.intersects(read_wkt("POLYGON((9 9,11 9,11 11,9 9))")));
    EXPECT_TRUE(p.covers_point({0, 0}));
    EXPECT_FALSE(p.intersects(read_wkt("POINT(20 20)")));
}

TEST(StrTree, QueriesMatchABruteForceScanFromSeveralThreads) {
    geom::StrTree tree;
    std::vector<redline::core::Envelope> boxes;
    for (int i = 0; i < 400; ++i) {
        const double x = (i * 37) % 200, y = (i * 91) % 170;
        boxes.push_back({x, y, x + 3 + i % 5, y + 2 + i % 7});
        tree.insert(boxes.back(), static_cast<std::size_t>(i));
    }
    tree.finish();
    EXPECT_EQ(tree.size(), 400u);
    auto check = [&](int seed, int& failures) {
        for (int q = 0; q < 50; ++q) {
            const double x = (q * 13 + seed) % 200, y = (q * 29 + seed) % 170;
            const redline::core::Envelope e{x, y, x + 10, y + 10};
            std::vector<std::size_t> expected;
            for (std::size_t i = 0; i < boxes.size(); ++i)
                if (boxes[i].intersects(e))
                    expected.push_back(i);
            if (tree.query(e) != expected)
                ++failures;
        }
    };
    int f1 = 0, f2 = 0, f3 = 0;
    std::thread t1(check, 1, std::ref(f1));
    std::thread t2(check, 2, std::ref(f2));
    check(3, f3);
    t1.join();
    t2.join();
    EXPECT_EQ(f1 + f2 + f3, 0);
    EXPECT_TRUE(tree.query({1000, 1000, 1001, 1001}).empty());
    EXPECT_THROW(tree.insert({0, 0, 1, 1}, 1), redline::core::GeometryError);
}

} // namespace
