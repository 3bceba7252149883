// Kernel density: kernel values by hand, normalisation, mass conservation, grid snapping,
// agreement with a brute-force sum, and thread-count independence.
#include "analysis/kde.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace redline::analysis {
namespace {

const Kernel k_all[] = {Kernel::Quartic, Kernel::Triangular, Kernel::Uniform, Kernel::Triweight,
                        Kernel::Epanechnikov};

TEST(Kde, KernelShapesAtKnownDistances) {
    // t = d / r. quartic (1-t^2)^2, triweight (1-t^2)^3, Epanechnikov 1-t^2, uniform 1,
    // triangular 1-t; all 0 beyond the radius.
    EXPECT_DOUBLE_EQ(kernel_shape(Kernel::Quartic, 0.0), 1.0);
    EXPECT_DOUBLE_EQ(kernel_shape(Kernel::Quartic, 0.5), 0.5625);     // 0.75^2
    EXPECT_DOUBLE_EQ(kernel_shape(Kernel::Triweight, 0.5), 0.421875); // 0.75^3
    EXPECT_DOUBLE_EQ(kernel_shape(Kernel::Epanechnikov, 0.5), 0.75);
    EXPECT_DOUBLE_EQ(kernel_shape(Kernel::Uniform, 0.5), 1.0);
    EXPECT_DOUBLE_EQ(kernel_shape(Kernel::Triangular, 0.25), 0.75);
    EXPECT_DOUBLE_EQ(kernel_shape(Kernel::Uniform, 1.0), 1.0); // the band is inclusive
    for (auto k : k_all)
        EXPECT_EQ(kernel_shape(k, 1.0001), 0.0) << to_string(k);
}

TEST(Kde, RawValuesOnTheGridAtKnownDistances) {
    // One point on a cell centre (cell 25 m, radius 100 m): cells along its row lie 0, 25, 50,
    // 75, 100 m away, so t = 0, 1/4, 1/2, 3/4, 1.
    const WeightedPoint p{{1012.5, 2012.5}, 1.0};
    KdeParams params{100.0, 25.0, Kernel::Quartic, KdeOutput::Raw, 1};
    const auto r = kernel_density({&p, 1}, params);
    // Grid: (1012.5 - 100, 1012.5 + 100) snapped out to 900..1125, i.e. 9 columns; the point's
    // cell is column 4 (1000..1025) and row 4 (2000..2025 from the north edge 2125).
    ASSERT_EQ(r.grid.cols, 9u);
    ASSERT_EQ(r.grid.rows, 9u);
    EXPECT_DOUBLE_EQ(r.grid.min_x, 900.0);
    EXPECT_DOUBLE_EQ(r.grid.max_y(), 2125.0);
    EXPECT_DOUBLE_EQ(r.at(4, 4), 1.0);
    EXPECT_DOUBLE_EQ(r.at(5, 4), 0.87890625); // (1 - 1/16)^2
    EXPECT_DOUBLE_EQ(r.at(6, 4), 0.5625);     // (1 - 1/4)^2
    EXPECT_DOUBLE_EQ(r.at(7, 4), 0.19140625); // (1 - 9/16)^2
    EXPECT_DOUBLE_EQ(r.at(8, 4), 0.0);        // exactly at the radius
    EXPECT_DOUBLE_EQ(r.at(4, 2), 0.5625);     // 50 m north
    EXPECT_DOUBLE_EQ(r.at(5, 5), 0.765625);   // 25 sqrt 2 m: t^2 = 1/8, (7/8)^2
    EXPECT_DOUBLE_EQ(r.at(7, 7), 0.0);        // 106 m away

    params.kernel = Kernel::Uniform;
    const auto u = kernel_density({&p, 1}, params);
    EXPECT_DOUBLE_EQ(u.at(8, 4), 1.0); // d = r counts (d <= r)
    // Lattice points with i^2 + j^2 <= 16: the Gauss circle count N(4) = 49 (OEIS A000328).
    EXPECT_DOUBLE_EQ(u.sum(), 49.0);
    params.kernel = Kernel::Triangular;
    EXPECT_DOUBLE_EQ(kernel_density({&p, 1}, params).at(6, 4), 0.5);
    params.kernel = Kernel::Epanechnikov;
    EXPECT_DOUBLE_EQ(kernel_density({&p, 1}, params).at(7, 4), 0.4375);
    params.kernel = Kernel::Triweight;
    EXPECT_DOUBLE_EQ(kernel_density({&p, 1}, params).at(5, 4), std::pow(15.0 / 16.0, 3));
}

TEST(Kde, DiscIntegralsMatchNumericalQuadrature) {
    // 2 pi int_0^1 K(t) t dt by Simpson's rule, independent of the closed forms in kde.cpp.
    for (auto k : k_all) {
        const int n = 20000;
        double s = 0.0;
        for (int i = 0; i <= n; ++i) {
            const double t = static_cast<double>(i) / n;
            const double f = kernel_shape(k, t) * t;
            s += f * (i == 0 || i == n ? 1 : (i % 2 ? 4 : 2));
        }
        const double integral = 2 * M_PI * s / (3.0 * n);
        EXPECT_NEAR(kernel_disc_integral(k), integral, 1e-9) << to_string(k);
    }
    EXPECT_NEAR(kernel_disc_integral(Kernel::Quartic), M_PI / 3, 1e-15); // 3/(pi r^2) normaliser
}

TEST(Kde, EachDensityKernelIntegratesToOne) {
    // A single point off the cell centres, radius 100 m on a 1 m grid: the density (per km^2)
    // times the cell area (km^2) must sum to one event.
    const WeightedPoint p{{530000.3, 180000.7}, 1.0};
    for (auto k : k_all) {
        const KdeParams params{100.0, 1.0, k, KdeOutput::Density, 2};
        const auto r = kernel_density({&p, 1}, params);
        const double events = r.sum() * r.grid.cell_area_m2() / 1e6;
        // The uniform kernel is a hard-edged disc, so counting lattice points in it carries the
        // Gauss circle error (about r^(2/3) / (pi r^2) ~ 1e-3 here); the others go to 0 smoothly.
        EXPECT_NEAR(events, 1.0, k == Kernel::Uniform ? 3e-3 : 1e-4) << to_string(k);
    }
}

std::vector<WeightedPoint> random_points(std::size_t n, unsigned seed, double x0, double y0,
                                         double size, bool weighted) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0.0, size), w(0.5, 3.0);
    std::vector<WeightedPoint> pts;
    for (std::size_t i = 0; i < n; ++i)
        pts.push_back({{x0 + u(rng), y0 + u(rng)}, weighted ? w(rng) : 1.0});
    return pts;
}

TEST(Kde, MassIsConservedOnADenseGrid) {
    // The grid is grown by the radius, so no kernel is cut by an edge: sum * area = n (or the sum
    // of the weights), within the discretisation error of a 2 m grid for a 60 m radius.
    const auto pts = random_points(500, 7, 531000, 181000, 1000, false);
    const auto r = kernel_density(pts, {60.0, 2.0, Kernel::Quartic, KdeOutput::Density, 2});
    EXPECT_EQ(r.points_used, 500u);
    EXPECT_NEAR(r.sum() * r.grid.cell_area_m2() / 1e6, 500.0, 500.0 * 2e-4);

    const auto wpts = random_points(300, 8, 531000, 181000, 800, true);
    double total = 0;
    for (const auto& p : wpts)
        total += p.weight;
    const auto rw = kernel_density(wpts, {60.0, 2.0, Kernel::Epanechnikov, KdeOutput::Density, 2});
    EXPECT_NEAR(rw.sum() * rw.grid.cell_area_m2() / 1e6, total, total * 2e-4);
}

TEST(Kde, MatchesABruteForceSumOverAllPoints) {
    const auto pts = random_points(400, 11, 500000, 200000, 600, true);
    for (auto k : k_all) {
        const KdeParams params{47.0, 9.0, k, KdeOutput::Raw, 3};
        const auto r = kernel_density(pts, params);
        double worst = 0;
        for (std::size_t row = 0; row < r.grid.rows; ++row)
            for (std::size_t col = 0; col < r.grid.cols; ++col) {
                const auto c = r.grid.centre(col, row);
                double expect = 0;
                for (const auto& p : pts)
                    expect += p.weight * kernel_shape(k, std::hypot(c.x - p.at.x, c.y - p.at.y) /
                                                             params.radius_m);
                worst = std::max(worst, std::fabs(expect - r.at(col, row)));
            }
        EXPECT_LT(worst, 1e-9) << to_string(k);
    }
}

TEST(Kde, OutputDoesNotDependOnTheThreadCount) {
    const auto pts = random_points(3000, 3, 520000, 170000, 5000, true);
    KdeParams params{300.0, 25.0, Kernel::Quartic, KdeOutput::Density, 1};
    const auto one = kernel_density(pts, params);
    params.threads = 5;
    const auto five = kernel_density(pts, params);
    EXPECT_EQ(one.values, five.values); // bit for bit
}

TEST(Kde, GridIsTheExtentGrownByTheRadiusSnappedToTheCell) {
    const std::vector<WeightedPoint> pts{{{1003, 2017}, 1}, {{1490, 2230}, 1}};
    const auto r = kernel_density(pts, {100.0, 25.0, Kernel::Quartic, KdeOutput::Raw, 1});
    // x: 903 .. 1590 -> 900 .. 1600; y: 1917 .. 2330 -> 1900 .. 2350.
    EXPECT_DOUBLE_EQ(r.grid.min_x, 900.0);
    EXPECT_DOUBLE_EQ(r.grid.min_y, 1900.0);
    EXPECT_DOUBLE_EQ(r.grid.max_x(), 1600.0);
    EXPECT_DOUBLE_EQ(r.grid.max_y(), 2350.0);
    EXPECT_EQ(r.grid.cols, 28u);
    EXPECT_EQ(r.grid.rows, 18u);
}

TEST(Kde, WeightsScaleTheSurfaceAndBadPointsAreIgnored) {
    std::vector<WeightedPoint> pts{{{100, 100}, 2.5}};
    const auto one = kernel_density(pts, {30.0, 5.0, Kernel::Quartic, KdeOutput::Raw, 1});
    pts.push_back({{NAN, 100}, 1.0});
    pts.push_back({{120, 100}, INFINITY});
    const auto r = kernel_density(pts, {30.0, 5.0, Kernel::Quartic, KdeOutput::Raw, 1});
    EXPECT_EQ(r.points_used, 1u);
    EXPECT_DOUBLE_EQ(r.max(), 2.5 * kernel_shape(Kernel::Quartic, std::hypot(2.5, 2.5) / 30.0));
    EXPECT_EQ(r.values, one.values);
}

TEST(Kde, RefusesBadParametersAndStopsWhenCancelled) {
    const std::vector<WeightedPoint> pts{{{100, 100}, 1}};
    EXPECT_THROW(kernel_density(pts, {0.0, 5.0}), core::UsageError);
    EXPECT_THROW(kernel_density(pts, {10.0, -1.0}), core::UsageError);
    EXPECT_THROW(kernel_density({}, {10.0, 1.0}), core::UsageError);
    EXPECT_THROW(kernel_density(pts, {1e6, 0.01}), core::UsageError); // far too many cells
    const auto many = random_points(2000, 5, 0, 0, 20000, false);
    EXPECT_THROW(kernel_density(many, {100.0, 10.0, Kernel::Quartic, KdeOutput::Raw, 2},
                                [](double f, std::string_view) { return f < 0.2; }),
                 core::Cancelled);
}

TEST(Kde, KernelNamesRoundTrip) {
    for (auto k : k_all)
        EXPECT_EQ(parse_kernel(to_string(k)), k);
    EXPECT_EQ(parse_kernel("QUARTIC"), Kernel::Quartic);
    EXPECT_FALSE(parse_kernel("gaussian"));
}

} // namespace
} // namespace redline::analysis
