// Grid scale factor of the British National Grid, checked against the Transverse Mercator point
// scale factor series written out here independently of PROJ (Snyder, "Map Projections - A Working
// Manual", USGS PP 1395, eq. 8-11):
//   k = k0 [1 + (1 + C) A^2 / 2 + (5 - 4T + 42C + 13C^2 - 28e'^2) A^4 / 24
//             + (61 - 148T + 16T^2) A^6 / 720]
// with A = (lon - lon0) cos(lat), T = tan^2(lat), C = e'^2 cos^2(lat), on the Airy 1830 ellipsoid.
// Latitude and longitude (OSGB36) come from the Transformer (EPSG:27700 -> EPSG:4277, a pure
// inverse projection, no datum shift).
#include "core/error.hpp"
#include "crs/scale_factor.hpp"
#include "crs/transformer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

using redline::core::Coord;
using redline::crs::grid_scale_factor;
using redline::crs::ground_distance;

namespace {

// National Grid constants published by OS ("A Guide to Coordinate Systems in Great Britain").
constexpr double k_k0 = 0.9996012717;
constexpr double k_lon0_deg = -2.0;
constexpr double k_airy_a = 6377563.396;
constexpr double k_airy_b = 6356256.909;

double snyder_k(Coord en) {
    static const redline::crs::Transformer to_latlon("EPSG:27700", "EPSG:4277");
    const Coord ll = to_latlon.transform(en);
    const double deg = std::numbers::pi / 180.0;
    const double lat = ll.y * deg;
    const double e2 = 1 - (k_airy_b * k_airy_b) / (k_airy_a * k_airy_a);
    const double ep2 = e2 / (1 - e2);
    const double a = (ll.x - k_lon0_deg) * deg * std::cos(lat);
    const double t = std::pow(std::tan(lat), 2);
    const double c = ep2 * std::pow(std::cos(lat), 2);
    return k_k0 * (1 + (1 + c) * a * a / 2 +
                   (5 - 4 * t + 42 * c + 13 * c * c - 28 * ep2) * std::pow(a, 4) / 24 +
                   (61 - 148 * t + 16 * t * t) * std::pow(a, 6) / 720);
}

} // namespace

TEST(ScaleFactor, CentralMeridianIsK0) {
    for (double n : {0.0, 300000.0, 1200000.0})
        EXPECT_NEAR(grid_scale_factor({400000, n}), k_k0, 1e-9) << n;
}

TEST(ScaleFactor, MatchesTheTransverseMercatorFormulaFarEastAndWest) {
    const Coord points[] = {
        {651409.903, 313177.270}, // Norfolk coast (OS guide Annex C point)
        {100000, 800000},         // far west, Western Isles
        {9587.909, 899448.996},   // OS test point TP31, St Kilda area
        {639821.835, 169565.858}, // OS test point TP07, Kent
        {530624.974, 178388.464}, // London
        {200000, 1000000},
    };
    for (const auto& p : points) {
        const double k = grid_scale_factor(p);
        EXPECT_NEAR(k, snyder_k(p), 1e-8) << p.x << " " << p.y;
    }
    // Sanity of the magnitudes the domain brief quotes: above 1 at the edges, below on the CM.
    EXPECT_GT(grid_scale_factor({9587.909, 899448.996}), 1.0003);
    EXPECT_LT(grid_scale_factor({400000, 500000}), 0.9997);
}

TEST(ScaleFactor, NonFinitePositionThrows) {
    EXPECT_THROW(grid_scale_factor({std::nan(""), 1}), redline::core::CrsError);
}

TEST(GroundDistance, OnTheCentralMeridianIsGridOverK0) {
    const Coord a{400000, 300000}, b{400000, 310000};
    EXPECT_NEAR(ground_distance(a, b), 10000 / k_k0, 10000 * 1e-6);
}

TEST(GroundDistance, AgreesWithIntegratingTheFormulaWithin1ppm) {
    // Ground length = integral of ds / k along the grid line; 400 midpoint steps of the independent
    // formula are far more accurate than the 1 ppm we ask for.
    const Coord lines[][2] = {
        {{600000, 300000}, {640000, 330000}}, // 50 km in the east
        {{90000, 820000}, {130000, 790000}},  // 50 km in the far west
        {{380000, 400000}, {420000, 400000}}, // across the central meridian
        {{530000, 178000}, {530150, 178020}}, // a site-sized line in London
    };
    for (const auto& l : lines) {
        const Coord a = l[0], b = l[1];
        const double grid = std::hypot(b.x - a.x, b.y - a.y);
        const int steps = 400;
        double sum = 0;
        for (int i = 0; i < steps; ++i) {
            const double f = (i + 0.5) / steps;
            sum += 1.0 / snyder_k({a.x + f * (b.x - a.x), a.y + f * (b.y - a.y)});
        }
        const double expected = grid * sum / steps;
        EXPECT_NEAR(ground_distance(a, b), expected, expected * 1e-6) << a.x << " " << a.y;
        // And ground differs from grid by the scale factor, not by nothing.
        EXPECT_GT(std::abs(ground_distance(a, b) - grid), grid * 1e-5);
    }
    EXPECT_EQ(ground_distance({1, 2}, {1, 2}), 0.0);
}
