#include "core/error.hpp"
#include "core/wkb.hpp"

#include <gtest/gtest.h>

using namespace redline::core;

namespace {
Polygon square(double x, double y, double s) {
    return Polygon{{{{x, y}, {x + s, y}, {x + s, y + s}, {x, y + s}, {x, y}}}};
}
} // namespace

TEST(Wkb, RoundTripsEveryType) {
    Geometry mp;
    mp.type = GeometryType::MultiPolygon;
    Polygon with_hole = square(531000, 179000, 10);
    with_hole.rings.push_back(
        {{531002, 179002}, {531002, 179004}, {531004, 179004}, {531002, 179002}});
    mp.polygons = {with_hole, square(531020, 179000, 5)};
    Geometry line;
    line.type = GeometryType::LineString;
    line.lines = {{{1, 2}, {3, 4}, {5, 6.5}}};
    for (const Geometry& g : {mp, line, Geometry::point({531234.5, 179456.25})}) {
        const Geometry back = from_wkb(to_wkb(g));
        EXPECT_EQ(back.type, g.type);
        EXPECT_EQ(back.points, g.points);
        EXPECT_EQ(back.lines, g.lines);
        ASSERT_EQ(back.polygons.size(), g.polygons.size());
        for (std::size_t i = 0; i < g.polygons.size(); ++i)
            EXPECT_EQ(back.polygons[i].rings, g.polygons[i].rings);
    }
    EXPECT_NEAR(planar_area(mp), 100 - 2 + 25, 1e-9);
}

TEST(Wkb, ReadsBigEndianAndDropsZ) {
    // POINT Z (1 2 3) in big-endian ISO WKB: type 1001.
    const std::vector<std::uint8_t> be = {0x00, 0x00, 0x00, 0x03, 0xe9, 0x3f, 0xf0, 0, 0, 0,
                                          0,    0,    0,    0x40, 0,    0,    0,    0, 0, 0,
                                          0,    0x40, 0x08, 0,    0,    0,    0,    0, 0};
    const Geometry g = from_wkb(be);
    ASSERT_EQ(g.type, GeometryType::Point);
    EXPECT_EQ(g.points[0], (Coord{1, 2}));
}

TEST(Wkb, RejectsTruncatedAndCurves) {
    auto bytes = to_wkb(Geometry::polygon(square(0, 0, 1)));
    bytes.resize(bytes.size() - 3);
    EXPECT_THROW(from_wkb(bytes), GeometryError);
    const std::vector<std::uint8_t> circular = {0x01, 8, 0, 0, 0, 0, 0, 0, 0};
    EXPECT_THROW(from_wkb(circular), GeometryError);
}
