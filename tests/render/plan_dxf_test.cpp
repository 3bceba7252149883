// DXF plans in the viewer: a CAD drawing added and calibrated with redline-cli (in drawing units,
// y up) is drawn where its transform says, and the viewer's own calibration of a DXF (control
// points clicked on the plan window, then on the map) is in drawing units too: the same record
// the CLI makes from the same points.
#include "render/dxf_fixture.hpp"
#include "render/fixture_scene.hpp"
#include "render/gl_context.hpp"
#include "unit/app/viewer_driver.hpp"

#include "app/plan_records.hpp"
#include "app/plan_tools.hpp"
#include "app/plan_worker.hpp"
#include "store/workspace.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <sstream>
#include <thread>

using namespace redline;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path =
        fs::temp_directory_path() /
        ("redline-plan-dxf-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    TempDir() {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
};

/// Run redline-cli with `args` (each single-quoted); its stdout, failing the test on a non-zero
/// exit.
std::string cli(const std::vector<std::string>& args) {
    std::string cmd = std::string("REDLINE_USER=tester '") + REDLINE_CLI_PATH + "'";
    for (const auto& a : args)
        cmd += " '" + a + "'";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
    std::string out;
    char buf[4096];
    while (pipe && fgets(buf, sizeof buf, pipe.get()))
        out += buf;
    const int rc = pipe ? pclose(pipe.release()) : -1;
    EXPECT_EQ(rc, 0) << cmd << "\n" << out;
    return out;
}

/// A workspace holding the L-shaped DXF (mm) as plan 1, added with redline-cli.
std::string workspace_with_dxf(const TempDir& dir) {
    const std::string ws = (dir.path / "ws.redline").string();
    cli({"init", ws});
    test::write_dxf(dir.path / "extension.dxf", {test::dxf_l_outline()});
    EXPECT_EQ(cli({"plan", "add", ws, (dir.path / "extension.dxf").string()}), "1\n");
    return ws;
}

std::string point(double a, double b, double c, double d) {
    std::ostringstream o;
    o.precision(17);
    o << a << "," << b << "," << c << "," << d;
    return o.str();
}

bool inked(const std::uint8_t* with, const std::uint8_t* without) {
    // The ink is dark blue: darker than the bare map there, and bluer than it is red.
    return int(without[0]) - int(with[0]) > 60 && int(with[2]) > int(with[0]) + 30;
}

double dist(core::Coord a, core::Coord b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

} // namespace

TEST(PlanDxf, CliCalibratedDrawingIsDrawnWhereItsTransformSays) {
    REQUIRE_GL();
    TempDir dir;
    const std::string ws = workspace_with_dxf(dir);
    // 1 mm a unit, drawing origin at (532930, 178960), the drawing's +x turned 30 degrees
    // counter-clockwise: open ground south-west of the fixture street.
    cli({"plan", "calibrate", ws, "1", "--scale", "1", "--anchor", "0,0,532930,178960",
         "--rotation", "30"});

    app::AppState state;
    state.scene = std::make_unique<scene::Scene>(test::fixture_scene());
    app::show_loaded_plan(state, app::load_plan(ws, 1));
    ASSERT_TRUE(state.plans.saved);
    EXPECT_FALSE(state.plans.saved->y_down); // drawing units, y up, as the CLI fitted them
    ASSERT_TRUE(state.scene->plan_overlay && state.scene->plan_overlay->transform);
    state.scene->plan_overlay->opacity = 1.0f;
    const analysis::PlanTransform t = *state.scene->plan_overlay->transform;
    EXPECT_NEAR(t.scale_m_per_unit({0, 0}), 0.001, 1e-6); // the stored record, in drawing units
    EXPECT_NEAR(t.rotation_deg({0, 0}), 30, 1e-9);

    const scene::Viewport v({532934, 178966}, 0.04, 480, 400);
    render::DrawOptions options;
    options.furniture = false;
    const render::Image img = test::draw_offscreen(*state.scene, v, options);
    scene::Scene bare_scene = *state.scene;
    bare_scene.plan_overlay.reset();
    const render::Image bare = test::draw_offscreen(bare_scene, v, options);
    auto at = [&](const render::Image& i, core::Coord drawing) {
        const scene::ScreenPoint p = v.to_screen(t.to_map(drawing));
        return i.pixel(int(p.x), int(p.y));
    };
    // Every edge of the L shows ink along its length (between its corners).
    const auto l = test::dxf_l_outline();
    for (std::size_t i = 1; i < l.size(); ++i)
        for (double f : {0.2, 0.5, 0.8}) {
            const core::Coord d{l[i - 1].x + (l[i].x - l[i - 1].x) * f,
                                l[i - 1].y + (l[i].y - l[i - 1].y) * f};
            EXPECT_TRUE(inked(at(img, d), at(bare, d))) << "drawing point " << d.x << "," << d.y;
        }
    // Inside the L, in its notch (top right) and where a drawing flipped upside down would put
    // the notch's wall (5000, 0..4000): the paper is transparent, the map unchanged.
    for (const core::Coord d :
         {core::Coord{2500, 2000}, {8500, 6000}, {5000, 2000}, {9000, 2000}}) {
        const std::uint8_t *a = at(img, d), *b = at(bare, d);
        for (int k = 0; k < 3; ++k)
            EXPECT_EQ(a[k], b[k]) << "drawing point " << d.x << "," << d.y;
    }
}

namespace {

/// The viewer without a window (as plan_overlay_test.cpp's PlanFlow), showing a DXF plan read
/// from a workspace by the plan worker's load_plan.
struct DxfFlow : test::ViewerDriver {
    explicit DxfFlow(const std::string& ws) : ViewerDriver(1280, 800) {
        extend_view = [this](ui::ViewState& vs) {
            plan_view = app::plan_tool_view(state, 1);
            measure_view = app::measure_tool_view(state);
            vs.plan_tool = &plan_view;
            vs.measure_tool = &measure_view;
        };
        state.scene = std::make_unique<scene::Scene>(test::fixture_scene());
        state.workspace = ws;
        state.view = scene::Viewport({533005, 179012}, 1, 800, 600);
        state.view.set_scale_denominator(1000);
        run();
        app::show_loaded_plan(state, app::load_plan(ws, 1));
        imgui.memory.select_tab = "Plans";
        run();
        run();
    }
    /// Click the plan window where drawing point `d` (drawing units) is shown.
    void click_drawing_at(core::Coord d) {
        run();
        const core::Coord img = scene::plan_to_image_point(state.plans.overlay.image_to_plan, d);
        const ui::Rect r = imgui.rects.at("plan.image");
        const auto& o = state.plans.overlay;
        click_at(r.x + float(img.x / o.width) * r.w, r.y + float(img.y / o.height) * r.h);
    }
    DxfFlow(const DxfFlow&) = delete;
    ui::PlanToolView plan_view;
    ui::MeasureToolView measure_view;
};

} // namespace

TEST(PlanDxf, ControlPointsClickedOnTheDxfAreInDrawingUnitsAndSaveAsTheCliWould) {
    TempDir dir;
    const std::string ws = workspace_with_dxf(dir);
    DxfFlow f(ws);
    ASSERT_TRUE(f.state.plans.info);
    EXPECT_EQ(f.state.plans.info->format, "dxf");
    EXPECT_FALSE(f.state.plans.overlay.transform);
    f.click("plans.method.1"); // affine

    const core::Coord drawing[] = {{0, 0}, {12000, 0}, {0, 8000}};
    const core::Coord map[] = {{532920, 178950}, {532932, 178950}, {532920, 178958}};
    for (int i = 0; i < 3; ++i) {
        f.click_drawing_at(drawing[i]);
        ASSERT_TRUE(f.state.plans.pending_plan_point) << i;
        f.click_map_at(map[i]);
    }
    const auto& cps = f.state.plans.overlay.control_points;
    ASSERT_EQ(cps.size(), 3u);
    // Within a screen pixel of the aim, in drawing units (y up: the third point is at +8000).
    const auto& o = f.state.plans.overlay;
    const double units_per_screen_px =
        o.image_to_plan[0] * o.width / f.imgui.rects.at("plan.image").w;
    for (int i = 0; i < 3; ++i)
        EXPECT_LT(dist(cps[std::size_t(i)].plan, drawing[i]), 1.5 * units_per_screen_px) << i;
    ASSERT_TRUE(f.state.plans.fit) << f.state.plans.fit_error;
    EXPECT_FALSE(f.state.plans.fit->y_down);
    const analysis::PlanTransform t = *f.state.plans.overlay.transform;
    for (const auto& cp : cps)
        EXPECT_LT(dist(t.to_map(cp.plan), cp.map), 1e-6);
    // About 1 mm a unit (12 m of map for 12000 units, give or take the click rounding).
    EXPECT_NEAR(t.scale_m_per_unit({6000, 4000}), 0.001, 0.0001);
    EXPECT_TRUE(scene::plan_corners_on_map(o));

    // Saved through the worker: the CLI reads it in drawing units (plan to-map), and the CLI's
    // own fit of the same points gives the same matrix.
    f.click("plans.save");
    ASSERT_TRUE(f.state.plans.save_request);
    const store::PlanCalibrationRecord rec = *f.state.plans.save_request;
    EXPECT_FALSE(rec.y_down);
    EXPECT_EQ(rec.method, "affine");
    app::PlanWorker worker;
    worker.save_calibration(ws, rec);
    while (worker.busy())
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ASSERT_TRUE(worker.poll().at(0).error.empty());
    const auto& saved_points = f.state.plans.overlay.control_points;
    for (const auto& cp : saved_points) {
        std::ostringstream arg;
        arg.precision(17);
        arg << cp.plan.x << "," << cp.plan.y;
        double e = 0, n = 0;
        ASSERT_EQ(
            std::sscanf(cli({"plan", "to-map", ws, "1", arg.str()}).c_str(), "%lf %lf", &e, &n), 2);
        EXPECT_NEAR(e, cp.map.x, 0.002); // printed to the millimetre
        EXPECT_NEAR(n, cp.map.y, 0.002);
    }
    std::vector<std::string> args = {"plan", "calibrate", ws, "1", "--method", "affine"};
    for (const auto& cp : saved_points) {
        args.push_back("--gcp");
        args.push_back(point(cp.plan.x, cp.plan.y, cp.map.x, cp.map.y));
    }
    const auto by_cli = nlohmann::json::parse(cli(args));
    for (std::size_t k = 0; k < 9; ++k)
        EXPECT_NEAR(by_cli["matrix"][k].get<double>(), rec.matrix[k],
                    1e-9 * std::max(1.0, std::abs(rec.matrix[k])))
            << k;
    const auto details = nlohmann::json::parse(rec.details_json);
    ASSERT_EQ(details["control_points"].size(), 3u);
    EXPECT_NEAR(details["control_points"][2]["plan"][1].get<double>(), 8000,
                1.5 * units_per_screen_px);

    // Rotating by hand turns the plan about its image's centre (the drawing's centre, to within
    // the image's rounding to whole pixels): that drawing point stays put.
    const core::Coord centre = scene::plan_centre(o);
    EXPECT_NEAR(centre.x, 6000, o.image_to_plan[0]);
    EXPECT_NEAR(centre.y, 4000, o.image_to_plan[0]);
    const core::Coord pivot_before = f.state.plans.overlay.transform->to_map(centre);
    f.execute({ui::RotatePlan{1.0}});
    EXPECT_LT(dist(f.state.plans.overlay.transform->to_map(centre), pivot_before), 1e-6);
    EXPECT_NEAR(f.state.plans.overlay.transform->rotation_deg(centre), t.rotation_deg(centre) + 1.0,
                1e-9);
}

TEST(PlanDxf, MeasuringOnACalibratedDxfTakesDrawingUnits) {
    TempDir dir;
    const std::string ws = workspace_with_dxf(dir);
    cli({"plan", "calibrate", ws, "1", "--scale", "1", "--anchor", "0,0,532920,178950",
         "--rotation", "0"});
    DxfFlow f(ws);
    ASSERT_TRUE(f.state.plans.overlay.transform);
    f.execute({ui::SetMeasureTool{true, 0, true}});
    ASSERT_TRUE(f.state.measure.on_plan);
    // The L's bottom edge, 12 m: clicked on the map where the plan's transform puts its ends.
    const analysis::PlanTransform t = *f.state.plans.overlay.transform;
    for (const core::Coord d : {core::Coord{0, 0}, {12000, 0}})
        f.execute({ui::IdentifyAt{f.state.view.to_screen(t.to_map(d))}});
    ASSERT_TRUE(f.state.measure.result) << f.state.measure.error;
    ASSERT_EQ(f.state.measure.plan_vertices.size(), 2u);
    EXPECT_LT(dist(f.state.measure.plan_vertices[1], {12000, 0}), 1e-3);
    // Ground: 12 m as drawn (the stated-scale calibration took the grid scale factor in).
    EXPECT_NEAR(f.state.measure.result->ground_value, 12.0, 1e-6);
    ASSERT_TRUE(f.state.measure.result->uncertainty);
}
