// The plan overlay drawn through a projective transform (golden image, and pixel checks that do
// not depend on the golden), and the Plans and Measure tools driven through ImGui like a user:
// control points by clicking plan then map, nudging, saving, and measuring a known distance
// (issue #5).
#include "render/fixture_scene.hpp"
#include "render/gl_context.hpp"
#include "render/golden.hpp"
#include "render/plan_fixture.hpp"
#include "unit/app/viewer_driver.hpp"

#include "app/plan_records.hpp"
#include "app/plan_worker.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

using namespace redline;

namespace {

/// The map alone (no scale bar or north arrow).
render::Image draw(const scene::Scene& s, const scene::Viewport& v) {
    render::DrawOptions options;
    options.furniture = false;
    return test::draw_offscreen(s, v, options);
}

/// The test plan's corners pinned to four map points: an exact projective fit (a plan photographed
/// at an angle).
analysis::PlanTransform keystoned() {
    const std::vector<analysis::ControlPoint> corners = {{{0, 0}, {532960, 179040}},
                                                         {{400, 0}, {533060, 179050}},
                                                         {{400, 300}, {533070, 178975}},
                                                         {{0, 300}, {532955, 178985}}};
    return analysis::calibrate_control_points(corners, analysis::TransformKind::Projective)
        .transform;
}

const std::uint8_t* pixel_at(const render::Image& img, const scene::Viewport& v, core::Coord c) {
    const scene::ScreenPoint p = v.to_screen(c);
    return img.pixel(int(p.x), int(p.y));
}

} // namespace

TEST(PlanOverlayRender, ProjectivePlanMatchesGoldenAndLandsWhereTheTransformSays) {
    REQUIRE_GL();
    scene::Scene s = test::fixture_scene();
    scene::PlanOverlay o;
    o.width = 400;
    o.height = 300;
    o.image = test::test_plan_image();
    o.transform = keystoned();
    o.opacity = 0.7f;
    s.plan_overlay = o;
    scene::Viewport v({533010, 179010}, 1, 480, 320);
    v.set_scale_denominator(1000);
    const render::Image img = draw(s, v);
    EXPECT_TRUE(test::matches_golden("plan_overlay", img));

    // Inside the blue square (plan 150..250 x 100..200) the map shows blue, wherever the
    // homography put it; between grid lines, near white; outside the plan, the map alone.
    for (core::Coord p : {core::Coord{200, 150}, core::Coord{160, 110}, core::Coord{240, 190}}) {
        const std::uint8_t* c = pixel_at(img, v, o.transform->to_map(p));
        EXPECT_GT(int(c[2]), int(c[0]) + 60) << "plan point " << p.x << "," << p.y;
    }
    const std::uint8_t* white = pixel_at(img, v, o.transform->to_map({125, 225}));
    EXPECT_GT(int(white[0]), 180);
    EXPECT_GT(int(white[1]), 180);
    s.plan_overlay.reset();
    const render::Image bare = draw(s, v);
    const core::Coord outside{532952, 178970}; // below the plan's bottom edge, on screen
    const std::uint8_t* a = pixel_at(img, v, outside);
    const std::uint8_t* b = pixel_at(bare, v, outside);
    for (int k = 0; k < 4; ++k)
        EXPECT_EQ(a[k], b[k]);
    // Transparency is live: a fainter plan changes the blue square's pixel.
    o.opacity = 0.2f;
    s.plan_overlay = o;
    const render::Image faint = draw(s, v);
    const std::uint8_t* f = pixel_at(faint, v, o.transform->to_map({200, 150}));
    const std::uint8_t* strong = pixel_at(img, v, o.transform->to_map({200, 150}));
    EXPECT_LT(int(strong[0]) + 40, int(f[0]));
}

namespace {

/// The desktop's loop without a window: ImGui frames, the executor, the plan tools.
struct PlanFlow : test::ViewerDriver {
    PlanFlow() : ViewerDriver(1280, 800) {
        extend_view = [this](ui::ViewState& vs) {
            plan_view = app::plan_tool_view(state, 1); // any texture name: nothing is rendered
            measure_view = app::measure_tool_view(state);
            vs.plan_tool = &plan_view;
            vs.measure_tool = &measure_view;
        };
        state.scene = std::make_unique<scene::Scene>(test::fixture_scene());
        state.workspace = "test.redline";
        state.view = scene::Viewport({533005, 179012}, 1, 800, 600);
        state.view.set_scale_denominator(1000);
        run(); // the map panel reports its size
    }
    /// Show a 400 x 300 plan with no calibration, as the worker would hand it over.
    void open_test_plan() {
        app::LoadedPlan plan;
        plan.info.id = 7;
        plan.info.name = "test plan";
        plan.info.format = "png";
        plan.info.sha256 = std::string(64, 'a');
        plan.info.width_px = 400;
        plan.info.height_px = 300;
        plan.width = 400; // image units are the raster's pixels
        plan.height = 300;
        plan.image = test::test_plan_image();
        app::show_loaded_plan(state, std::move(plan));
        imgui.memory.select_tab = "Plans";
        run();
        run();
    }
    void click_plan_at(core::Coord plan) {
        run();
        const ui::Rect r = imgui.rects.at("plan.image");
        click_at(r.x + float(plan.x / 400.0) * r.w, r.y + float(plan.y / 300.0) * r.h);
    }
    PlanFlow(const PlanFlow&) = delete; // extend_view holds `this`
    ui::PlanToolView plan_view;
    ui::MeasureToolView measure_view;
};

double dist(core::Coord a, core::Coord b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

} // namespace

TEST(PlanFlow, ControlPointsByClickingPlanThenMapCalibrateTheOverlayLive) {
    PlanFlow f;
    f.open_test_plan();
    ASSERT_TRUE(f.state.scene->plan_overlay);
    EXPECT_FALSE(f.state.scene->plan_overlay->transform); // not calibrated yet: not drawn
    f.click("plans.method.1");                            // affine
    EXPECT_EQ(f.state.plans.method, analysis::TransformKind::Affine);

    // Open ground away from every feature, and (third) 0.4 m off a house corner at
    // (532954, 179002): that one must snap onto the corner exactly.
    const core::Coord plan[] = {{50, 250}, {350, 250}, {60, 40}};
    const core::Coord map[] = {{532920, 178950}, {532990, 178950}, {532954.3, 179001.7}};
    for (int i = 0; i < 2; ++i) {
        f.click_plan_at(plan[i]);
        ASSERT_TRUE(f.state.plans.pending_plan_point) << i;
        f.click_map_at(map[i]);
        EXPECT_FALSE(f.state.plans.pending_plan_point);
    }
    // Two points are too few for an affine fit: said in the panel, nothing drawn, no crash.
    EXPECT_NE(f.state.plans.fit_error.find("at least 3"), std::string::npos)
        << f.state.plans.fit_error;
    EXPECT_FALSE(f.state.scene->plan_overlay->transform);
    EXPECT_FALSE(f.state.scene->selection()); // the map clicks did not identify features

    f.click_plan_at(plan[2]);
    f.click_map_at(map[2]);
    ASSERT_EQ(f.state.plans.overlay.control_points.size(), 3u);
    const auto& cps = f.state.plans.overlay.control_points;
    EXPECT_DOUBLE_EQ(cps[2].map.x, 532954.0); // snapped to the vertex
    EXPECT_DOUBLE_EQ(cps[2].map.y, 179002.0);
    // ImGui floors the pointer to whole pixels: within a screen pixel of the aim.
    const double plan_units_per_px = 400.0 / f.imgui.rects.at("plan.image").w;
    for (int i = 0; i < 3; ++i)
        EXPECT_LT(dist(cps[std::size_t(i)].plan, plan[i]), 1.5 * plan_units_per_px) << i;
    EXPECT_TRUE(f.state.plans.fit_error.empty()) << f.state.plans.fit_error;
    ASSERT_TRUE(f.state.scene->plan_overlay->transform); // the overlay changed at once
    const analysis::PlanTransform t = *f.state.scene->plan_overlay->transform;
    for (const auto& cp : cps)
        EXPECT_LT(dist(t.to_map(cp.plan), cp.map), 1e-6); // three points: an exact affine
    EXPECT_TRUE(scene::plan_corners_on_map(*f.state.scene->plan_overlay));

    // A fourth point that does not fit the other three: residuals, RMSE and leave-one-out appear
    // in the panel. (South of the plan window, which floats over the map's top right.)
    f.click_plan_at({350, 40});
    f.click_map_at({533000, 178955});
    ASSERT_TRUE(f.state.plans.fit);
    const auto view = app::plan_tool_view(f.state, 1);
    ASSERT_EQ(view.points.size(), 4u);
    ASSERT_TRUE(view.rmse_m);
    EXPECT_GT(*view.rmse_m, 0.0);
    for (const auto& row : view.points) {
        EXPECT_TRUE(row.residual_m);
        EXPECT_TRUE(row.leave_one_out_m);
    }

    // Nudge right 5 px: every plan point moves 5 px x metres-per-pixel east on the map.
    const analysis::PlanTransform before = *f.state.plans.overlay.transform;
    f.click("plans.nudge.right");
    const analysis::PlanTransform after = *f.state.scene->plan_overlay->transform;
    const core::Coord a = before.to_map({200, 150}), b = after.to_map({200, 150});
    EXPECT_NEAR(b.x - a.x, 5 * f.state.view.metres_per_px(), 1e-9);
    EXPECT_NEAR(b.y - a.y, 0.0, 1e-9);
    ASSERT_EQ(f.state.plans.adjustments.size(), 1u);

    // Save: the record for the worker is a "manual" adjustment of the affine fit, with its points.
    f.click("plans.save");
    ASSERT_TRUE(f.state.plans.save_request);
    const store::PlanCalibrationRecord& rec = *f.state.plans.save_request;
    EXPECT_EQ(rec.plan_id, 7);
    EXPECT_EQ(rec.method, "manual");
    EXPECT_EQ(rec.transform_kind, "affine");
    EXPECT_EQ(rec.matrix, after.h);
    const auto details = nlohmann::json::parse(rec.details_json);
    EXPECT_EQ(details["control_points"].size(), 4u);
    EXPECT_EQ(details["manual_adjustments"].size(), 1u);
}

TEST(PlanFlow, DegenerateControlPointsAreReportedNotThrown) {
    PlanFlow f;
    f.open_test_plan();
    // The same plan point clicked twice (Helmert needs two distinct points).
    f.click_plan_at({100, 100});
    f.click_map_at({532920, 178950});
    f.click_plan_at({100, 100});
    f.click_map_at({532990, 178950});
    EXPECT_EQ(f.state.plans.overlay.control_points.size(), 2u);
    EXPECT_NE(f.state.plans.fit_error.find("duplicates"), std::string::npos)
        << f.state.plans.fit_error;
    EXPECT_FALSE(f.state.plans.overlay.transform);
    f.run(); // the panel draws the error without trouble
    f.click("plans.save");
    EXPECT_FALSE(f.state.plans.save_request); // nothing to save

    // Three points on one line for an affine fit, given as exact actions (clicks through ImGui
    // round to float pixels, which would make "collinear" a matter of rounding).
    f.execute({ui::ClearControlPoints{}, ui::SetPlanMethod{1}});
    const core::Coord plan[] = {{50, 50}, {150, 150}, {250, 250}};
    const core::Coord map[] = {{532920, 178950}, {532990, 178950}, {532920, 178940}};
    for (int i = 0; i < 3; ++i)
        f.execute({ui::PickPlanPoint{plan[i]}, ui::IdentifyAt{f.state.view.to_screen(map[i])}});
    EXPECT_EQ(f.state.plans.overlay.control_points.size(), 3u);
    EXPECT_NE(f.state.plans.fit_error.find("collinear"), std::string::npos)
        << f.state.plans.fit_error;
    EXPECT_FALSE(f.state.plans.overlay.transform);
    f.run();
}

TEST(MeasureFlow, MeasuringAKnownDistanceOnTheMap) {
    PlanFlow f;
    f.imgui.memory.select_tab = "Measure";
    f.run();
    f.click("measure.active");
    ASSERT_TRUE(f.state.measure.active);
    // Two clicks 265 whole pixels apart on one row of open ground (ImGui floors the pointer to
    // whole pixels, so whole-pixel clicks make the distance exact): 265 x metres per pixel.
    const ui::Rect map = f.imgui.rects.at("map");
    const float x = std::floor(map.x) + 50, y = std::floor(map.y) + 611;
    f.click_at(x, y);
    EXPECT_FALSE(f.state.measure.result); // one point is no length yet
    f.click_at(x + 265, y);
    ASSERT_TRUE(f.state.measure.result);
    const analysis::Measurement& m = *f.state.measure.result;
    const double expected = 265 * f.state.view.metres_per_px(); // 70.11 m at 1:1000
    EXPECT_NEAR(m.grid_value, expected, 1e-6);
    // Ground = grid / k with k < 1 in central London (about 0.9998 here).
    EXPECT_GT(m.ground_value, m.grid_value);
    EXPECT_NEAR(m.ground_value / m.grid_value, 1 / m.scale_factor, 1e-9);
    EXPECT_LT(m.ground_value - m.grid_value, 0.03);
    EXPECT_FALSE(m.uncertainty); // on the map: no calibration to take one from
    ASSERT_TRUE(f.state.scene->measure_overlay);
    EXPECT_EQ(f.state.scene->measure_overlay->vertices.size(), 2u);
    char label[32];
    std::snprintf(label, sizeof label, "%.2f m", m.ground_value);
    EXPECT_EQ(f.state.scene->measure_overlay->label, label);
    EXPECT_FALSE(f.state.scene->selection());

    f.run();
    f.click("measure.save");
    ASSERT_TRUE(f.state.measure.save_request);
    EXPECT_EQ(f.state.measure.save_request->kind, "length");
    EXPECT_EQ(f.state.measure.save_request->method, "map");
    EXPECT_NEAR(f.state.measure.save_request->grid_value, m.grid_value, 1e-12);
}

TEST(MeasureFlow, MeasuringOnTheCalibratedPlanGivesAnUncertaintyAndFollowsThePlan) {
    PlanFlow f;
    f.open_test_plan();
    // An exact two-point Helmert: 400 plan px along 80 m of grid east, 0.2 m per plan pixel.
    const core::Coord plan[] = {{0, 0}, {400, 0}};
    const core::Coord map[] = {{532920, 178950}, {533000, 178950}};
    for (int i = 0; i < 2; ++i)
        f.execute({ui::PickPlanPoint{plan[i]}, ui::IdentifyAt{f.state.view.to_screen(map[i])}});
    ASSERT_TRUE(f.state.plans.overlay.transform);
    EXPECT_NEAR(f.state.plans.overlay.transform->scale_m_per_unit({200, 150}), 0.2, 1e-9);

    f.imgui.memory.select_tab = "Measure";
    f.run();
    f.click("measure.active");
    f.run();
    ASSERT_TRUE(f.measure_view.plan_available);
    f.execute({ui::SetMeasureTool{true, 0, true}}); // the "on the calibrated plan" box
    ASSERT_TRUE(f.state.measure.on_plan);
    const ui::Rect r = f.imgui.rects.at("map");
    const float x = std::floor(r.x) + 60, y = std::floor(r.y) + 640;
    f.click_at(x, y);
    f.click_at(x + 150, y);
    ASSERT_TRUE(f.state.measure.result) << f.state.measure.error;
    const analysis::Measurement m = *f.state.measure.result;
    EXPECT_NEAR(m.grid_value, 150 * f.state.view.metres_per_px(), 1e-6);
    // Each end: sigma = sqrt(RMSE^2 + (half a plan pixel)^2) = 0.1 m (RMSE 0), so sqrt(2) x 0.1.
    ASSERT_TRUE(m.uncertainty);
    EXPECT_NEAR(*m.uncertainty, 0.1 * std::sqrt(2.0), 1e-6);
    EXPECT_NE(f.state.scene->measure_overlay->label.find("+/- 0.14 m"), std::string::npos)
        << f.state.scene->measure_overlay->label;

    // Turning the plan by a degree carries the measured plan points with it: same length, new
    // map positions.
    const core::Coord before = f.state.measure.vertices.front();
    f.imgui.memory.select_tab = "Plans";
    f.run();
    f.click("plans.rotate.+1");
    ASSERT_TRUE(f.state.measure.result);
    EXPECT_NEAR(f.state.measure.result->grid_value, m.grid_value, 1e-6);
    EXPECT_GT(dist(f.state.measure.vertices.front(), before), 0.05);
    EXPECT_NEAR(f.state.plans.overlay.transform->rotation_deg({200, 150}), 1.0, 1e-9);

    f.execute({ui::SaveMeasurement{"ENF/1"}});
    ASSERT_TRUE(f.state.measure.save_request);
    const store::MeasurementRecord& rec = *f.state.measure.save_request;
    EXPECT_EQ(rec.method, "plan:manual"); // the hand-rotated calibration, not yet saved
    EXPECT_EQ(rec.plan_id, 7);
    EXPECT_FALSE(rec.calibration_id);
    EXPECT_EQ(rec.case_reference, "ENF/1");
    const auto details = nlohmann::json::parse(rec.details_json);
    EXPECT_EQ(details["provenance"]["plan_points"].size(), 2u);
    EXPECT_EQ(details["provenance"]["plan_sha256"], std::string(64, 'a'));
}

// Issue #5 item 5 in the viewer: an area traced on the plan under its saved calibration becomes a
// request for an approved footprint of the typed application, mapped as `plan trace` maps it.
TEST(MeasureFlow, AnAreaTracedOnTheSavedPlanBecomesAnApprovedFootprint) {
    PlanFlow f;
    f.open_test_plan();
    const core::Coord plan[] = {{0, 0}, {400, 0}};
    const core::Coord map[] = {{532920, 178950}, {533000, 178950}};
    for (int i = 0; i < 2; ++i)
        f.execute({ui::PickPlanPoint{plan[i]}, ui::IdentifyAt{f.state.view.to_screen(map[i])}});
    ASSERT_TRUE(f.state.plans.fit);
    // As the worker leaves it after "Save calibration": stored with id 11, nothing unsaved.
    f.state.plans.saved =
        app::calibration_record(*f.state.plans.info, *f.state.plans.fit, {}, std::nullopt);
    f.state.plans.saved->id = 11;
    f.state.plans.unsaved = false;

    f.imgui.memory.select_tab = "Measure";
    f.run();
    f.click("measure.active");
    f.execute({ui::SetMeasureTool{true, 1, true}}); // area, on the calibrated plan
    const ui::Rect r = f.imgui.rects.at("map");
    const float x = std::floor(r.x) + 60, y = std::floor(r.y) + 600;
    for (const auto& [dx, dy] : {std::pair{0.f, 0.f}, {100.f, 0.f}, {100.f, -60.f}, {0.f, -60.f}})
        f.click_at(x + dx, y + dy);
    ASSERT_TRUE(f.state.measure.result) << f.state.measure.error;
    f.run();
    EXPECT_TRUE(f.measure_view.can_trace);
    std::snprintf(f.imgui.memory.trace_application, sizeof f.imgui.memory.trace_application, "%s",
                  "APP/26/0042");
    f.run();
    f.click("measure.trace");
    ASSERT_TRUE(f.state.measure.trace_request);
    const auto& t = *f.state.measure.trace_request;
    EXPECT_EQ(t.application, "APP/26/0042");
    EXPECT_EQ(t.plan_id, 7);
    EXPECT_EQ(t.calibration_id, 11);
    ASSERT_EQ(t.footprint.rings.size(), 1u);
    const core::Path& ring = t.footprint.rings[0];
    ASSERT_EQ(ring.size(), 5u);
    EXPECT_EQ(ring.front(), ring.back());
    EXPECT_GT(core::signed_ring_area(ring), 0); // counter-clockwise, as OGC wants an exterior
    EXPECT_NEAR(core::signed_ring_area(ring), f.state.measure.result->grid_value, 1e-6);
    EXPECT_TRUE(f.state.measure.saving);
}
