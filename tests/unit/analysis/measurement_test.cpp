// Measurement: grid and ground values (checked against an independent geodesic), propagated
// uncertainty (checked by simulation), offsets, and measuring through a calibrated plan.
#include "analysis/measurement.hpp"
#include "core/error.hpp"
#include "crs/scale_factor.hpp"
#include "crs/transformer.hpp"

#include <geodesic.h>
#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace redline::analysis {
namespace {

using core::Coord;

/// Geodesic distance on the Airy 1830 ellipsoid (OSGB36's) between two BNG points, by Karney's
/// algorithm (PROJ's geodesic.h, the code behind `geod -I`): independent of the projection's scale
/// factor that the measurement uses.
double airy_geodesic(Coord a, Coord b) {
    crs::Transformer to_ll("EPSG:27700", "EPSG:4277");
    const Coord la = to_ll.transform(a), lb = to_ll.transform(b);
    geod_geodesic g;
    geod_init(&g, 6377563.396, 1 / 299.3249646);
    double s12 = 0, az1 = 0, az2 = 0;
    geod_inverse(&g, la.y, la.x, lb.y, lb.x, &s12, &az1, &az2);
    return s12;
}

TEST(Measure, GroundLengthMatchesTheGeodesicWithinOnePpm) {
    // Lines across England: near the central meridian (k < 1), far east and far west (k > 1).
    const std::pair<Coord, Coord> lines[] = {
        {{400000, 300000}, {400800, 300600}},       // 1 km on the central meridian
        {{651000, 290000}, {651700, 290710}},       // East Anglia
        {{152000, 40000}, {152900, 40350}},         // Cornwall
        {{530120, 179950}, {530131.5, 179962.25}}}; // a London site, a few metres
    for (const auto& [a, b] : lines) {
        const Coord pts[] = {a, b};
        const auto m = measure(MeasureKind::Length, pts);
        EXPECT_DOUBLE_EQ(m.grid_value, std::hypot(b.x - a.x, b.y - a.y));
        const double geodesic = airy_geodesic(a, b);
        EXPECT_NEAR(m.ground_value / geodesic, 1.0, 1e-6) << a.x << "," << a.y;
        // The grid and ground values genuinely differ by the scale factor (up to 400 ppm): the
        // ratio is the scale factor at the line's middle.
        EXPECT_NEAR(m.grid_value / m.ground_value,
                    crs::grid_scale_factor({(a.x + b.x) / 2, (a.y + b.y) / 2}), 1e-6);
        EXPECT_FALSE(m.uncertainty);
    }
}

TEST(Measure, PolylineAndAreaGridAndGround) {
    const Coord o{530000, 180000};
    const Coord path[] = {o, {o.x + 3, o.y + 4}, {o.x + 3, o.y + 10}};
    const auto len = measure(MeasureKind::Length, path);
    EXPECT_NEAR(len.grid_value, 11.0, 1e-9);
    const double k = crs::grid_scale_factor(o);
    EXPECT_NEAR(len.ground_value, 11.0 / k, 1e-6);

    const Coord square[] = {o, {o.x + 10, o.y}, {o.x + 10, o.y + 10}, {o.x, o.y + 10}, o};
    const auto area = measure(MeasureKind::Area, square);
    EXPECT_NEAR(area.grid_value, 100.0, 1e-6);
    const double kc = crs::grid_scale_factor({o.x + 5, o.y + 5});
    EXPECT_NEAR(area.ground_value, 100.0 / (kc * kc), 1e-6);
    EXPECT_EQ(area.vertices.size(), 4u) << "the closing vertex is not counted twice";
}

TEST(Measure, OffsetOfAPointFromAWall) {
    const Coord o{530000, 180000};
    // Wall along grid east; the extension's corner 3 m north of it, 4 m along.
    const Coord pts[] = {o, {o.x + 10, o.y}, {o.x + 4, o.y + 3}};
    const auto m = measure(MeasureKind::Offset, pts, 0.01);
    EXPECT_NEAR(m.grid_value, 3.0, 1e-9);
    EXPECT_NEAR(m.signed_grid_value, 3.0, 1e-9) << "left of the wall's direction is positive";
    EXPECT_NEAR(m.foot.x, o.x + 4, 1e-9);
    EXPECT_NEAR(m.foot.y, o.y, 1e-9);
    EXPECT_NEAR(m.ground_value, 3.0 / crs::grid_scale_factor({o.x + 4, o.y + 1.5}), 1e-7);
    // d/dp = 1, d/da = 1 - t, d/db = t with t = 0.4 along the wall.
    EXPECT_NEAR(*m.uncertainty, 0.01 * std::sqrt(1 + 0.36 + 0.16), 1e-12);
    const Coord right[] = {o, {o.x + 10, o.y}, {o.x + 4, o.y - 2}};
    EXPECT_NEAR(measure(MeasureKind::Offset, right).signed_grid_value, -2.0, 1e-9);
}

/// Standard deviation of f over many perturbations of the vertices (per axis sigma).
template <class F>
double simulated_sigma(std::vector<Coord> v, double sigma, F&& f, std::mt19937& rng) {
    std::normal_distribution<double> noise(0.0, sigma);
    const int n = 20000;
    double sum = 0, sum2 = 0;
    for (int i = 0; i < n; ++i) {
        auto p = v;
        for (auto& c : p)
            c = {c.x + noise(rng), c.y + noise(rng)};
        const double x = f(p);
        sum += x;
        sum2 += x * x;
    }
    const double mean = sum / n;
    return std::sqrt(sum2 / n - mean * mean);
}

TEST(Measure, PropagatedUncertaintyAgreesWithSimulation) {
    const Coord o{530000, 180000};
    const double sigma = 0.02;
    std::mt19937 rng(11);
    const std::vector<Coord> line{o, {o.x + 6, o.y + 1}, {o.x + 9, o.y + 7}, {o.x + 2, o.y + 12}};
    const auto len = measure(MeasureKind::Length, line, sigma);
    // One segment: sigma x sqrt(2), the two ends independent.
    const Coord seg[] = {o, {o.x + 5, o.y}};
    EXPECT_NEAR(*measure(MeasureKind::Length, seg, sigma).uncertainty, sigma * std::sqrt(2.0),
                1e-12);
    const double sim_len = simulated_sigma(
        line, sigma,
        [](const std::vector<Coord>& p) {
            double l = 0;
            for (std::size_t i = 0; i + 1 < p.size(); ++i)
                l += std::hypot(p[i + 1].x - p[i].x, p[i + 1].y - p[i].y);
            return l;
        },
        rng);
    EXPECT_NEAR(*len.uncertainty / sim_len, 1.0, 0.05);

    const std::vector<Coord> poly{o, {o.x + 8, o.y}, {o.x + 8, o.y + 5}, {o.x + 3, o.y + 9}};
    const auto area = measure(MeasureKind::Area, poly, sigma);
    const double sim_area = simulated_sigma(
        poly, sigma,
        [](const std::vector<Coord>& p) {
            double a = 0;
            for (std::size_t i = 0; i < p.size(); ++i) {
                const auto& q = p[i];
                const auto& r = p[(i + 1) % p.size()];
                a += (q.x - p[0].x) * (r.y - p[0].y) - (r.x - p[0].x) * (q.y - p[0].y);
            }
            return std::abs(a) / 2;
        },
        rng);
    EXPECT_NEAR(*area.uncertainty / sim_area, 1.0, 0.05);
}

TEST(Measure, BadInputFailsClearly) {
    const Coord o{530000, 180000};
    const Coord one[] = {o};
    EXPECT_THROW(measure(MeasureKind::Length, one), core::UsageError);
    const Coord same[] = {o, o};
    EXPECT_THROW(measure(MeasureKind::Length, same), core::GeometryError);
    const Coord line3[] = {o, {o.x + 1, o.y + 1}, {o.x + 2, o.y + 2}};
    EXPECT_THROW(measure(MeasureKind::Area, line3), core::GeometryError);
    const Coord two[] = {o, {o.x + 1, o.y}};
    EXPECT_THROW(measure(MeasureKind::Offset, two), core::UsageError);
    const Coord wall0[] = {o, o, {o.x + 1, o.y}};
    EXPECT_THROW(measure(MeasureKind::Offset, wall0), core::GeometryError);
}

TEST(MeasureOnPlan, AWallDrawnAtOneToHundredMeasuresItsTrueLength) {
    // 1:100 at 254 dpi: 1 cm a pixel. A wall 500 px long is 5.00 m on the ground whatever the
    // rotation, and its grid length is k times that.
    for (const double rotation : {0.0, 33.0, -120.0}) {
        const auto cal = calibrate_from_scale(metres_per_pixel(100, 254),
                                              {{200, 300}, {533210, 181420}}, rotation);
        const Coord wall[] = {{400, 900}, {700, 500}};
        const auto m = measure_on_plan(MeasureKind::Length, wall, cal);
        EXPECT_NEAR(m.ground_value, 5.0, 1e-6);
        EXPECT_NEAR(m.grid_value, 5.0 * crs::grid_scale_factor({533210, 181420}), 1e-6);
        // No RMSE (a stated scale): half a pixel per axis at each end, sqrt(2) for the pair.
        ASSERT_TRUE(m.uncertainty);
        EXPECT_NEAR(*m.uncertainty, 0.5 * cal.transform.scale_m_per_unit({0, 0}) * std::sqrt(2.0),
                    1e-12);
    }
}

} // namespace
} // namespace redline::analysis
