// Plan calibration: synthetic plans at known scale, DPI and rotation; exact cases of each
// transform; the degenerate inputs that must fail.
#include "analysis/calibration.hpp"
#include "core/error.hpp"
#include "crs/scale_factor.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>

namespace redline::analysis {
namespace {

using core::Coord;

constexpr double k_pi = std::numbers::pi;

/// The ground truth of a synthetic raster plan, written from the definition (not from the code):
/// a pixel step (dx, dy) with y down is the vector (dx, -dy) in a y-up frame, rotated
/// counter-clockwise by theta and scaled by s metres per pixel.
struct Truth {
    double s;         // grid metres per pixel
    double theta_deg; // counter-clockwise
    Coord origin_px;
    Coord origin_en;
    Coord operator()(Coord p) const {
        const double t = theta_deg * k_pi / 180, dx = p.x - origin_px.x, dy = -(p.y - origin_px.y);
        return {origin_en.x + s * (std::cos(t) * dx - std::sin(t) * dy),
                origin_en.y + s * (std::sin(t) * dx + std::cos(t) * dy)};
    }
};

/// Uniform in [-a, a] from mt19937, whose output sequence the standard fixes (so the jitter is
/// the same with every standard library).
double jitter(std::mt19937& rng, double a) {
    return (static_cast<double>(rng()) / 4294967295.0 * 2.0 - 1.0) * a;
}

std::vector<ControlPoint> synthetic_points(const Truth& truth, double width, double height,
                                           double jitter_px, std::mt19937& rng) {
    std::vector<ControlPoint> pts;
    // Building corners spread over the sheet, as an officer would pick them.
    const double fx[] = {0.08, 0.93, 0.51, 0.12, 0.88, 0.35, 0.67, 0.22, 0.79};
    const double fy[] = {0.10, 0.07, 0.48, 0.91, 0.86, 0.27, 0.71, 0.55, 0.33};
    for (int i = 0; i < 9; ++i) {
        const Coord exact{fx[i] * width, fy[i] * height};
        const Coord picked{exact.x + jitter(rng, jitter_px), exact.y + jitter(rng, jitter_px)};
        pts.push_back({picked, truth(exact)});
    }
    return pts;
}

struct PlanCase {
    double scale;
    double dpi;
    double rotation;
};

class SyntheticPlan : public ::testing::TestWithParam<PlanCase> {};

TEST_P(SyntheticPlan, RecoversScaleAndRotationFromJitteredControlPoints) {
    const auto c = GetParam();
    const double s = c.scale * 0.0254 / c.dpi; // metres per pixel, from the definition of 1:N
    // An A3 sheet (420 x 297 mm) at this DPI.
    const double width = 420 / 25.4 * c.dpi, height = 297 / 25.4 * c.dpi;
    const Truth truth{s, c.rotation, {width / 2, height / 2}, {532104.25, 179876.5}};
    std::mt19937 rng(20240605u + static_cast<unsigned>(c.scale));
    const auto pts = synthetic_points(truth, width, height, 0.5, rng);

    const auto fit = calibrate_control_points(pts, TransformKind::Helmert);
    const auto h = fit.helmert();
    ASSERT_TRUE(h);
    EXPECT_NEAR(h->scale_m_per_px / s, 1.0, 0.001) << "scale within 0.1%";
    double drot = h->rotation_deg - c.rotation;
    drot = std::remainder(drot, 360.0);
    EXPECT_LT(std::abs(drot), 0.05) << "rotation within 0.05 degrees";
    // Half a pixel of jitter per axis: the RMSE must be of that order, no more.
    EXPECT_LT(fit.rmse_m, 0.6 * s);
    ASSERT_EQ(fit.leave_one_out_m.size(), pts.size());
    for (const auto& e : fit.leave_one_out_m) {
        ASSERT_TRUE(e);
        EXPECT_LT(*e, 2.0 * s);
    }

    // The other transform types fit the same plan as well.
    for (const auto kind : {TransformKind::Affine, TransformKind::Projective}) {
        const auto other = calibrate_control_points(pts, kind);
        const Coord centre{width / 2, height / 2};
        EXPECT_NEAR(other.transform.scale_m_per_unit(centre) / s, 1.0, 0.001) << to_string(kind);
        EXPECT_LT(
            std::abs(std::remainder(other.transform.rotation_deg(centre) - c.rotation, 360.0)),
            0.05)
            << to_string(kind);
    }
}

INSTANTIATE_TEST_SUITE_P(Scales, SyntheticPlan,
                         ::testing::Values(PlanCase{50, 300, 0}, PlanCase{100, 200, 12.5},
                                           PlanCase{200, 150, -37}, PlanCase{500, 300, 90},
                                           PlanCase{1250, 400, 171.25}, PlanCase{2500, 600, -123},
                                           PlanCase{1250, 72, 3.3}));

TEST(Helmert, ExactTwoPointsAndTheirParameters) {
    const Truth truth{0.0254, 30, {0, 0}, {530000, 180000}};
    const std::vector<ControlPoint> pts{{{100, 200}, truth({100, 200})},
                                        {{900, 650}, truth({900, 650})}};
    const auto fit = calibrate_control_points(pts, TransformKind::Helmert);
    const auto h = fit.helmert();
    ASSERT_TRUE(h);
    EXPECT_NEAR(h->scale_m_per_px, 0.0254, 1e-12);
    EXPECT_NEAR(h->rotation_deg, 30, 1e-9);
    EXPECT_NEAR(h->tx, 530000, 1e-7);
    EXPECT_NEAR(h->ty, 180000, 1e-7);
    EXPECT_LT(fit.rmse_m, 1e-8);
    // Two points leave nothing to check one against the other.
    ASSERT_EQ(fit.leave_one_out_m.size(), 2u);
    EXPECT_FALSE(fit.leave_one_out_m[0]);
    const Coord p = fit.transform.to_plan(truth({321, 654}));
    EXPECT_NEAR(p.x, 321, 1e-6);
    EXPECT_NEAR(p.y, 654, 1e-6);
}

TEST(Helmert, VectorPlanWithYUp) {
    // A DXF in millimetres at 1:1: 1 unit = 1 mm, y up, rotated 45 degrees.
    const double t = 45 * k_pi / 180;
    auto to_map = [&](Coord p) {
        return Coord{530000 + 0.001 * (std::cos(t) * p.x - std::sin(t) * p.y),
                     180000 + 0.001 * (std::sin(t) * p.x + std::cos(t) * p.y)};
    };
    const std::vector<ControlPoint> pts{
        {{0, 0}, to_map({0, 0})}, {{12000, 0}, to_map({12000, 0})}, {{0, 8000}, to_map({0, 8000})}};
    const auto fit = calibrate_control_points(pts, TransformKind::Helmert, false);
    EXPECT_NEAR(fit.helmert()->scale_m_per_px, 0.001, 1e-12);
    EXPECT_NEAR(fit.helmert()->rotation_deg, 45, 1e-9);
    EXPECT_LT(fit.rmse_m, 1e-8);
}

TEST(Affine, ReproducesAnExactShearedTransform) {
    // Different x and y scales and a shear: what a scanner with uneven feed produces.
    auto f = [](Coord p) {
        return Coord{531000 + 0.0212 * p.x + 0.0013 * p.y, 181000 + 0.0009 * p.x - 0.0197 * p.y};
    };
    for (const std::size_t n : {3u, 7u}) {
        std::vector<ControlPoint> pts;
        const Coord plan[] = {{10, 20},    {2400, 60}, {300, 1700}, {2000, 1500},
                              {1200, 900}, {50, 1000}, {2300, 800}};
        for (std::size_t i = 0; i < n; ++i)
            pts.push_back({plan[i], f(plan[i])});
        const auto fit = calibrate_control_points(pts, TransformKind::Affine);
        const auto& h = fit.transform.h;
        EXPECT_NEAR(h[0], 0.0212, 1e-12);
        EXPECT_NEAR(h[1], 0.0013, 1e-12);
        EXPECT_NEAR(h[3], 0.0009, 1e-12);
        EXPECT_NEAR(h[4], -0.0197, 1e-12);
        const Coord probe = fit.transform.to_map({1777, 333});
        EXPECT_NEAR(probe.x, f({1777, 333}).x, 1e-6);
        EXPECT_NEAR(probe.y, f({1777, 333}).y, 1e-6);
        EXPECT_LT(fit.rmse_m, 1e-6);
        EXPECT_FALSE(fit.helmert());
    }
}

TEST(Projective, ReproducesAnExactHomography) {
    // A photo of a plan taken at an angle: a genuine perspective (g, h non-zero).
    const double H[9] = {0.02, 0.003, 530500, -0.001, -0.018, 180700, 2e-5, -1e-5, 1};
    auto f = [&](Coord p) {
        const double w = H[6] * p.x + H[7] * p.y + H[8];
        return Coord{(H[0] * p.x + H[1] * p.y + H[2]) / w, (H[3] * p.x + H[4] * p.y + H[5]) / w};
    };
    const Coord plan[] = {{0, 0},      {3000, 0},   {3000, 2000}, {0, 2000},
                          {1500, 700}, {400, 1600}, {2600, 300},  {1000, 100}};
    for (const std::size_t n : {4u, 8u}) {
        std::vector<ControlPoint> pts;
        for (std::size_t i = 0; i < n; ++i)
            pts.push_back({plan[i], f(plan[i])});
        const auto fit = calibrate_control_points(pts, TransformKind::Projective);
        for (const Coord probe : {Coord{1234, 567}, Coord{2900, 1900}, Coord{10, 1990}}) {
            const Coord got = fit.transform.to_map(probe), want = f(probe);
            EXPECT_NEAR(got.x, want.x, 1e-5);
            EXPECT_NEAR(got.y, want.y, 1e-5);
        }
        EXPECT_LT(fit.rmse_m, 1e-5);
        const Coord back = fit.transform.to_plan(f({777, 888}));
        EXPECT_NEAR(back.x, 777, 1e-5);
        EXPECT_NEAR(back.y, 888, 1e-5);
    }
}

TEST(Degenerate, TooFewPointsFailClearly) {
    const Truth truth{0.02, 0, {0, 0}, {530000, 180000}};
    auto pts = [&](std::initializer_list<Coord> plan) {
        std::vector<ControlPoint> out;
        for (const auto& p : plan)
            out.push_back({p, truth(p)});
        return out;
    };
    EXPECT_THROW(calibrate_control_points(pts({{1, 1}}), TransformKind::Helmert), core::UsageError);
    EXPECT_THROW(calibrate_control_points(pts({{1, 1}, {500, 3}}), TransformKind::Affine),
                 core::UsageError);
    EXPECT_THROW(
        calibrate_control_points(pts({{1, 1}, {500, 3}, {20, 400}}), TransformKind::Projective),
        core::UsageError);
    try {
        calibrate_control_points(pts({{1, 1}, {500, 3}}), TransformKind::Affine);
    } catch (const core::UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("at least 3 control points"), std::string::npos);
    }
}

TEST(Degenerate, DuplicateAndCollinearPointsFailClearly) {
    const Truth truth{0.02, 10, {0, 0}, {530000, 180000}};
    auto pts = [&](std::initializer_list<Coord> plan) {
        std::vector<ControlPoint> out;
        for (const auto& p : plan)
            out.push_back({p, truth(p)});
        return out;
    };
    for (const auto kind :
         {TransformKind::Helmert, TransformKind::Affine, TransformKind::Projective}) {
        auto dup = pts({{10, 10}, {900, 40}, {300, 700}, {10, 10}, {800, 650}});
        try {
            calibrate_control_points(dup, kind);
            ADD_FAILURE() << "duplicate accepted by " << to_string(kind);
        } catch (const core::GeometryError& e) {
            EXPECT_NE(std::string(e.what()).find("duplicate"), std::string::npos);
        }
    }
    // The same map position given for two different plan points is a duplicate too.
    auto same_map = pts({{10, 10}, {900, 40}, {300, 700}});
    same_map[2].map = same_map[0].map;
    EXPECT_THROW(calibrate_control_points(same_map, TransformKind::Affine), core::GeometryError);

    const auto line = pts({{0, 0}, {100, 100}, {250, 250}, {400, 400}, {900, 900}});
    for (const auto kind : {TransformKind::Affine, TransformKind::Projective}) {
        try {
            calibrate_control_points(line, kind);
            ADD_FAILURE() << "collinear accepted by " << to_string(kind);
        } catch (const core::GeometryError& e) {
            EXPECT_NE(std::string(e.what()).find("collinear"), std::string::npos);
        }
    }
    // Helmert is determined by points on one line (two suffice).
    EXPECT_NO_THROW(calibrate_control_points(line, TransformKind::Helmert));
    // Four points with three on one line do not determine a homography.
    EXPECT_THROW(calibrate_control_points(pts({{0, 0}, {500, 0}, {1000, 0}, {300, 800}}),
                                          TransformKind::Projective),
                 core::GeometryError);
}

TEST(LeaveOneOut, ExposesABadControlPoint) {
    const Truth truth{0.05, -20, {0, 0}, {530000, 180000}};
    std::vector<ControlPoint> pts;
    for (const Coord p : {Coord{100, 100}, Coord{2000, 150}, Coord{1900, 1400}, Coord{150, 1300},
                          Coord{1000, 700}, Coord{600, 400}})
        pts.push_back({p, truth(p)});
    pts[4].map.x += 3.0; // a 3 m blunder: the wrong corner picked on the map
    const auto fit = calibrate_control_points(pts, TransformKind::Affine);
    ASSERT_TRUE(fit.leave_one_out_m[4]);
    for (std::size_t i = 0; i < pts.size(); ++i) {
        ASSERT_TRUE(fit.leave_one_out_m[i]);
        // Predicted from the others, the bad point is off by its whole blunder; its residual in
        // the joint fit is smaller because it pulled the fit towards itself.
        if (i != 4) {
            EXPECT_LT(*fit.leave_one_out_m[i], *fit.leave_one_out_m[4]);
        }
    }
    EXPECT_NEAR(*fit.leave_one_out_m[4], 3.0, 0.01);
    EXPECT_LT(fit.residuals_m[4], *fit.leave_one_out_m[4]);
}

TEST(StatedScale, OneToHundredAt254DpiIsOneCentimetrePerPixelOnTheGround) {
    EXPECT_DOUBLE_EQ(metres_per_pixel(100, 254), 0.01);
    const ControlPoint anchor{{1000, 500}, {533000, 181000}};
    const double k = crs::grid_scale_factor(anchor.map);
    const auto cal = calibrate_from_scale(metres_per_pixel(100, 254), anchor, 0);
    // The anchor is exact; 500 px to the right is 5 m east on the ground, 5 k on the grid; 100 px
    // down (y down) is 1 m south.
    const Coord a = cal.transform.to_map(anchor.plan);
    EXPECT_NEAR(a.x, 533000, 1e-9);
    EXPECT_NEAR(a.y, 181000, 1e-9);
    const Coord e = cal.transform.to_map({1500, 500});
    EXPECT_NEAR(e.x - 533000, 5 * k, 1e-9);
    EXPECT_NEAR(e.y, 181000, 1e-9);
    const Coord s = cal.transform.to_map({1000, 600});
    EXPECT_NEAR(s.y - 181000, -1 * k, 1e-9);
    // Rotated 90 degrees counter-clockwise, the plan's +x points north and its "down" east.
    const auto rot = calibrate_from_scale(0.01, anchor, 90);
    const Coord n = rot.transform.to_map({1500, 500});
    EXPECT_NEAR(n.x, 533000, 1e-9);
    EXPECT_NEAR(n.y - 181000, 5 * k, 1e-9);
    const Coord d = rot.transform.to_map({1000, 600});
    EXPECT_NEAR(d.x - 533000, 1 * k, 1e-9);
    EXPECT_NEAR(rot.helmert()->rotation_deg, 90, 1e-9);
    EXPECT_THROW(calibrate_from_scale(0, anchor, 0), core::UsageError);
    EXPECT_THROW(metres_per_pixel(100, 0), core::UsageError);
}

TEST(KnownDistance, MatchesTheEquivalentStatedScale) {
    const ControlPoint anchor{{0, 0}, {530000, 180000}};
    // 5.00 m between two points 400 px apart: 12.5 mm a pixel.
    const auto known = calibrate_from_known_distance({100, 100}, {340, 420}, 5.0, anchor, 15);
    const auto stated = calibrate_from_scale(0.0125, anchor, 15);
    for (std::size_t i = 0; i < 9; ++i)
        EXPECT_NEAR(known.transform.h[i], stated.transform.h[i], 1e-9);
    EXPECT_EQ(known.method, "known-distance");
    EXPECT_THROW(calibrate_from_known_distance({5, 5}, {5, 5}, 5.0, anchor, 0),
                 core::GeometryError);
}

TEST(StatedScale, WarnsWhenThePlanIsNotToScale) {
    // A 1:100 A3 plan printed on A4 (70.7%) and scanned at 200 dpi: the fitted ground size of a
    // pixel is 1/0.707 of the stated one.
    const double stated = metres_per_pixel(100, 200);
    const ControlPoint centre{{1650, 1170}, {533000, 181000}};
    const double k = crs::grid_scale_factor(centre.map);
    const Truth a4{stated / 0.707 * k, 5, centre.plan, centre.map};
    std::mt19937 rng(7);
    const auto fit = calibrate_control_points(synthetic_points(a4, 3300, 2340, 0.0, rng),
                                              TransformKind::Helmert);
    const auto warning = check_stated_scale(fit, stated, centre.plan);
    ASSERT_TRUE(warning);
    EXPECT_NE(warning->find("plan may not be to scale - check the paper size it was printed at"),
              std::string::npos);
    // 1% out (a slightly stretched scan) is within tolerance.
    const Truth close{stated * 1.01 * k, 5, centre.plan, centre.map};
    const auto ok = calibrate_control_points(synthetic_points(close, 3300, 2340, 0.0, rng),
                                             TransformKind::Helmert);
    EXPECT_FALSE(check_stated_scale(ok, stated, centre.plan));
}

TEST(PointSigma, CombinesRmseAndHalfAPixel) {
    const auto cal = calibrate_from_scale(0.02, {{0, 0}, {530000, 180000}}, 0);
    const double half = 0.5 * cal.transform.scale_m_per_unit({0, 0});
    EXPECT_NEAR(point_sigma_m(cal, {10, 10}), half, 1e-12);
    auto with_rmse = cal;
    with_rmse.rmse_m = 0.03;
    EXPECT_NEAR(point_sigma_m(with_rmse, {10, 10}), std::sqrt(0.03 * 0.03 + half * half), 1e-12);
}

TEST(TransformKind, ParsesNames) {
    EXPECT_EQ(parse_transform_kind("Helmert"), TransformKind::Helmert);
    EXPECT_EQ(parse_transform_kind("similarity"), TransformKind::Helmert);
    EXPECT_EQ(parse_transform_kind("affine"), TransformKind::Affine);
    EXPECT_EQ(parse_transform_kind("projective"), TransformKind::Projective);
    EXPECT_FALSE(parse_transform_kind("tps"));
}

} // namespace
} // namespace redline::analysis
