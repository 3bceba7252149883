// Getis-Ord Gi*: a published PySAL value, hand-computed lattice values, the Benjamini-Hochberg
// worked example, p-values and classes.
#include "analysis/gistar.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace redline::analysis {
namespace {

TEST(GiStar, ReproducesPySALEsdaStarBinaryDistanceBand) {
    // PySAL esda (BSD-3-Clause), esda/tests/test_getisord.py, TestGLocal.test_star_binary:
    // six points, DistanceBand(threshold=15), y = [2, 3, 3.2, 5, 8, 7],
    // G_Local(y, w, transform="B", star=True).Zs[0] == -1.39727626.
    const std::vector<core::Coord> pts{{10, 10}, {20, 10}, {40, 10}, {15, 20}, {30, 20}, {30, 30}};
    const std::vector<double> y{2, 3, 3.2, 5, 8, 7};
    const auto r = getis_ord_gistar(pts, y, {15.0, false});
    EXPECT_NEAR(r[0].z, -1.39727626, 1e-8);
    // Site 0 sees itself, (20,10) at 10 and (15,20) at 11.18.
    EXPECT_EQ(r[0].neighbours, 3u);
}

TEST(GiStar, ThreeByThreeLatticeByHand) {
    // Unit lattice, values 1 everywhere but 9 in the centre, band 1 (rook neighbours + self).
    // n = 9, sum = 17, xbar = 17/9, sum x^2 = 89, S^2 = 89/9 - 289/81 = 512/81, S = 16 sqrt2 / 9.
    // Centre: W = 5, lag = 13: num = 13 - 85/9 = 32/9, sqrt((9*5 - 25)/8) = sqrt(5/2);
    //   z = (32/9) / (16 sqrt2/9 * sqrt(5/2)) = 2 / sqrt5.
    // Edge:   W = 4, lag = 12: num = 40/9, sqrt((36 - 16)/8) = sqrt(5/2); z = sqrt5 / 2.
    // Corner: W = 3, lag = 3:  num = -24/9, sqrt((27 - 9)/8) = 3/2;      z = -1 / sqrt2.
    std::vector<core::Coord> pts;
    std::vector<double> v;
    for (int row = 0; row < 3; ++row)
        for (int col = 0; col < 3; ++col) {
            pts.push_back({530000.0 + col, 180000.0 + row});
            v.push_back(row == 1 && col == 1 ? 9.0 : 1.0);
        }
    const auto r = getis_ord_gistar(pts, v, {1.0, false});
    EXPECT_NEAR(r[4].z, 2 / std::sqrt(5.0), 1e-12);
    EXPECT_NEAR(r[1].z, std::sqrt(5.0) / 2, 1e-12);
    EXPECT_NEAR(r[0].z, -1 / std::sqrt(2.0), 1e-12);
    EXPECT_EQ(r[4].neighbours, 5u);
    EXPECT_EQ(r[1].neighbours, 4u);
    EXPECT_EQ(r[0].neighbours, 3u);
    EXPECT_DOUBLE_EQ(r[4].value, 9.0);
    // Band sqrt2 adds the diagonals: the centre then sees everything (W = n), where Gi* is
    // undefined and reported as z = 0, p = 1.
    const auto all = getis_ord_gistar(pts, v, {std::sqrt(2.0), false});
    EXPECT_EQ(all[4].neighbours, 9u);
    EXPECT_EQ(all[4].z, 0.0);
    EXPECT_EQ(all[4].p, 1.0);
}

TEST(GiStar, ConstantValuesGiveZeroZ) {
    const std::vector<core::Coord> pts{{0, 0}, {1, 0}, {2, 0}};
    const std::vector<double> v{4, 4, 4};
    for (const auto& r : getis_ord_gistar(pts, v, {1.0, true})) {
        EXPECT_EQ(r.z, 0.0);
        EXPECT_EQ(r.p, 1.0);
        EXPECT_EQ(r.confidence_class, 0);
    }
}

TEST(GiStar, RefusesBadInput) {
    const std::vector<core::Coord> pts{{0, 0}, {1, 0}};
    EXPECT_THROW(getis_ord_gistar(pts, std::vector<double>{1.0}, {1.0}), core::UsageError);
    EXPECT_THROW(getis_ord_gistar(pts, std::vector<double>{1.0, 2.0}, {0.0}), core::UsageError);
    EXPECT_THROW(getis_ord_gistar(pts, std::vector<double>{1.0, NAN}, {1.0}), core::UsageError);
}

TEST(GiStar, TwoSidedPFromPublishedNormalQuantiles) {
    // z_{0.975} = 1.959963985, z_{0.995} = 2.575829304, z_{0.95} = 1.644853627 (any normal table).
    EXPECT_NEAR(two_sided_p(1.959963985), 0.05, 1e-9);
    EXPECT_NEAR(two_sided_p(-2.575829304), 0.01, 1e-9);
    EXPECT_NEAR(two_sided_p(1.644853627), 0.10, 1e-9);
    EXPECT_DOUBLE_EQ(two_sided_p(0.0), 1.0);
}

TEST(GiStar, ConfidenceClasses) {
    EXPECT_EQ(confidence_class(3.0, 0.005), 3);
    EXPECT_EQ(confidence_class(2.0, 0.04), 2);
    EXPECT_EQ(confidence_class(1.7, 0.09), 1);
    EXPECT_EQ(confidence_class(1.0, 0.3), 0);
    EXPECT_EQ(confidence_class(-3.0, 0.005), -3);
    EXPECT_EQ(confidence_class(-2.0, 0.04), -2);
    EXPECT_EQ(confidence_class(-1.7, 0.09), -1);
    EXPECT_EQ(confidence_class(2.0, 0.05), 1); // 0.05 is not < 0.05
}

TEST(GiStar, BenjaminiHochbergWorkedExample) {
    // Benjamini & Hochberg (1995), J. R. Statist. Soc. B 57(1), section 4.1: the 15 p-values of
    // a multiple-endpoint trial. At q = 0.05 the step-up procedure rejects the four smallest
    // (p_(4) = 0.0095 <= 4/15 * 0.05 = 0.0133, while p_(5) = 0.0201 > 0.0167 and no later p_(k)
    // is below k/15 * 0.05); Bonferroni rejects only three.
    const std::vector<double> p{0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344,
                                0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.0000};
    // Shuffle the order to show the result comes back in input order.
    const std::vector<std::size_t> perm{7, 2, 14, 0, 9, 4, 12, 1, 5, 11, 3, 8, 13, 6, 10};
    std::vector<double> shuffled;
    for (auto i : perm)
        shuffled.push_back(p[i]);
    const auto adj_shuffled = benjamini_hochberg(shuffled);
    std::vector<double> adj(p.size());
    for (std::size_t k = 0; k < perm.size(); ++k)
        adj[perm[k]] = adj_shuffled[k];
    int rejected = 0;
    for (std::size_t i = 0; i < p.size(); ++i)
        rejected += adj[i] <= 0.05;
    EXPECT_EQ(rejected, 4);
    // By hand: p_(i) * 15 / i, then the running minimum from the top.
    EXPECT_NEAR(adj[0], 0.0015, 1e-12);          // 0.0001 * 15
    EXPECT_NEAR(adj[1], 0.003, 1e-12);           // 0.0004 * 15 / 2
    EXPECT_NEAR(adj[2], 0.0095, 1e-12);          // 0.0019 * 5
    EXPECT_NEAR(adj[3], 0.035625, 1e-12);        // 0.0095 * 15 / 4
    EXPECT_NEAR(adj[4], 0.0603, 1e-12);          // 0.0201 * 3 (below 0.0278 * 2.5 = 0.0695)
    EXPECT_NEAR(adj[5], 0.0298 * 15 / 7, 1e-12); // min(0.0695, 0.06386, 0.0645, ...)
    EXPECT_NEAR(adj[6], 0.0298 * 15 / 7, 1e-12);
    EXPECT_NEAR(adj[8], 0.0459 * 15 / 9, 1e-12);
    EXPECT_NEAR(adj[14], 1.0, 1e-12);
}

TEST(GiStar, FdrChangesTheClassOnly) {
    // A 10 x 10 lattice with one hot corner block: with --fdr fewer (never more) cells are
    // significant, and z and p are the same.
    std::vector<core::Coord> pts;
    std::vector<double> v;
    for (int r = 0; r < 10; ++r)
        for (int c = 0; c < 10; ++c) {
            pts.push_back({100.0 * c, 100.0 * r});
            v.push_back(r < 3 && c < 3 ? 10.0 : ((r * 7 + c * 3) % 5));
        }
    const auto raw = getis_ord_gistar(pts, v, {150.0, false});
    const auto fdr = getis_ord_gistar(pts, v, {150.0, true});
    int sig_raw = 0, sig_fdr = 0;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        EXPECT_EQ(raw[i].z, fdr[i].z);
        EXPECT_GE(fdr[i].p_fdr, fdr[i].p);
        EXPECT_LE(std::abs(fdr[i].confidence_class), std::abs(raw[i].confidence_class));
        sig_raw += raw[i].confidence_class != 0;
        sig_fdr += fdr[i].confidence_class != 0;
    }
    EXPECT_GT(sig_raw, 0);
    EXPECT_GT(raw[11].z, 3.0); // inside the hot block
    EXPECT_EQ(raw[11].confidence_class, 3);
    EXPECT_LE(sig_fdr, sig_raw);
}

} // namespace
} // namespace redline::analysis
