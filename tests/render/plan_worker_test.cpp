// The plan worker against a real workspace: list, read a plan's pixels, save a calibration and a
// measurement off the UI thread, each write audited (issue #5).
#include "render/plan_fixture.hpp"

#include "app/plan_records.hpp"
#include "app/plan_worker.hpp"
#include "io/plan_reader.hpp"
#include "render/image.hpp"
#include "store/workspace.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

using namespace redline;
namespace fs = std::filesystem;

namespace {

struct TempWorkspace {
    fs::path dir = fs::temp_directory_path() /
                   ("redline-plan-worker-" +
                    std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                    ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::path ws = dir / "ws.redline";
    TempWorkspace() {
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~TempWorkspace() { fs::remove_all(dir); }
};

/// The fixture plan as a PNG file's bytes.
std::vector<std::uint8_t> plan_png(const fs::path& dir) {
    const auto img = test::test_plan_image();
    render::Image out;
    out.width = img->width_px;
    out.height = img->height_px;
    out.rgba = img->rgba;
    const fs::path path = dir / "plan.png";
    render::write_png(out, path);
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<app::PlanWorker::Result> wait(app::PlanWorker& w) {
    while (w.busy())
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return w.poll();
}

/// Store `bytes` (a PNG) as plan "plan" and return its record with its id.
store::PlanInfo add_png_plan(store::Workspace& ws, const std::vector<std::uint8_t>& bytes) {
    const auto src = io::inspect_plan(bytes, "plan.png");
    store::PlanInfo info;
    info.name = "plan";
    info.file_name = "plan.png";
    info.format = io::to_string(src.format);
    info.width_px = src.width_px;
    info.height_px = src.height_px;
    info.id = ws.add_plan(info, bytes);
    return info;
}

} // namespace

TEST(PlanWorker, ListsReadsAndSavesWithAnAuditEntry) {
    TempWorkspace t;
    const auto bytes = plan_png(t.dir);
    std::int64_t id = 0;
    {
        auto ws = store::Workspace::create(t.ws, "tester");
        id = add_png_plan(ws, bytes).id;
    }
    app::PlanWorker w;
    w.list(t.ws.string());
    w.load(t.ws.string(), id);
    auto results = wait(w);
    ASSERT_EQ(results.size(), 2u);
    ASSERT_TRUE(results[0].error.empty()) << results[0].error;
    ASSERT_EQ(results[0].rows.size(), 1u);
    EXPECT_EQ(results[0].rows[0].calibration, "not calibrated");
    EXPECT_EQ(results[0].rows[0].sha256_prefix.size(), 12u);
    ASSERT_TRUE(results[1].error.empty()) << results[1].error;
    ASSERT_TRUE(results[1].plan);
    // A copy: `results` is reassigned below, which would leave a reference dangling.
    const app::LoadedPlan loaded = *results[1].plan;
    EXPECT_EQ(loaded.image->width_px, 400);
    EXPECT_EQ(loaded.image->height_px, 300);
    EXPECT_EQ(loaded.image->rgba, test::test_plan_image()->rgba); // the stored bytes, decoded
    EXPECT_FALSE(loaded.calibration);

    const std::vector<analysis::ControlPoint> points = {
        {{0, 0}, {530000, 180000}}, {{400, 0}, {530040, 180000}}, {{0, 300}, {530000, 179970}}};
    const auto cal = analysis::calibrate_control_points(points, analysis::TransformKind::Affine);
    w.save_calibration(t.ws.string(), app::calibration_record(loaded.info, cal, {}, std::nullopt));
    results = wait(w);
    ASSERT_EQ(results.size(), 1u);
    ASSERT_TRUE(results[0].error.empty()) << results[0].error;
    const auto ws = store::Workspace::open(t.ws, "tester");
    const auto stored = ws.current_calibration(id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->id, results[0].saved_id);
    EXPECT_EQ(stored->method, "affine");
    EXPECT_EQ(stored->matrix, cal.transform.h);
    EXPECT_EQ(app::control_points_of(*stored).size(), 3u);
    bool audited = false;
    for (const auto& e : ws.audit_log())
        audited = audited || e.action == "plan-calibrate";
    EXPECT_TRUE(audited);

    // A measurement on the plan, saved with its provenance.
    const std::vector<core::Coord> on_plan = {{0, 150}, {400, 150}};
    const auto m = analysis::measure_on_plan(analysis::MeasureKind::Length, on_plan,
                                             app::calibration_of(*stored));
    w.save_measurement(t.ws.string(),
                       app::measurement_record(m, "", &loaded.info, &cal, stored->id, on_plan));
    results = wait(w);
    ASSERT_TRUE(results.at(0).error.empty()) << results[0].error;
    const auto saved = store::Workspace::open(t.ws, "tester").measurements();
    ASSERT_EQ(saved.size(), 1u);
    EXPECT_EQ(saved[0].method, "plan:affine");
    EXPECT_EQ(saved[0].calibration_id, stored->id);
    EXPECT_NEAR(saved[0].grid_value, 40.0, 1e-6);
    ASSERT_TRUE(saved[0].uncertainty);
    // The overlay drawn from the stored record: both ends, and the label with the uncertainty.
    const scene::MeasureOverlay o = app::measurement_overlay(saved[0]);
    EXPECT_EQ(o.vertices.size(), 2u);
    EXPECT_NE(o.label.find("+/-"), std::string::npos);
}

// A footprint traced in the viewer goes where `redline-cli plan trace` puts it: a new
// approved-footprint layer with the application, the plan and the calibration, audited.
TEST(PlanWorker, ATracedFootprintIsSavedAsAnApprovedFootprint) {
    TempWorkspace t;
    const auto bytes = plan_png(t.dir);
    std::int64_t id = 0, cal_id = 0;
    {
        auto ws = store::Workspace::create(t.ws, "tester");
        const store::PlanInfo info = add_png_plan(ws, bytes);
        id = info.id;
        const std::vector<analysis::ControlPoint> points = {{{0, 0}, {530000, 180000}},
                                                            {{400, 0}, {530040, 180000}}};
        const auto cal =
            analysis::calibrate_control_points(points, analysis::TransformKind::Helmert);
        cal_id = ws.add_plan_calibration(app::calibration_record(info, cal, {}, std::nullopt));
    }
    app::PlanWorker w;
    const core::Polygon square{{{{530000, 179990},
                                 {530010, 179990},
                                 {530010, 180000},
                                 {530000, 180000},
                                 {530000, 179990}}}};
    w.save_trace(t.ws.string(), "APP/26/0042", square, id, cal_id);
    auto results = wait(w);
    ASSERT_EQ(results.size(), 1u);
    ASSERT_TRUE(results[0].error.empty()) << results[0].error;
    EXPECT_EQ(results[0].kind, app::PlanWorker::Result::Kind::TraceSaved);
    const auto ws = store::Workspace::open(t.ws, "tester");
    const auto layer = ws.read_layer(app::k_traced_layer);
    ASSERT_EQ(layer.features.size(), 1u);
    const auto field = layer.field_index("planning_application");
    ASSERT_TRUE(field);
    EXPECT_EQ(core::to_text(layer.features[0].values[*field]), "APP/26/0042");
    EXPECT_NEAR(layer.features[0].geometry.envelope().width(), 10, 1e-9);
    bool audited = false;
    for (const auto& e : ws.audit_log())
        audited = audited || e.action == "plan-trace";
    EXPECT_TRUE(audited);
    // An application with no name is refused by the store; the worker reports it.
    w.save_trace(t.ws.string(), "", square, id, cal_id);
    results = wait(w);
    ASSERT_EQ(results.size(), 1u);
    EXPECT_FALSE(results[0].error.empty());
}

TEST(PlanWorker, AMissingPlanIsAnErrorResultNotACrash) {
    TempWorkspace t;
    { store::Workspace::create(t.ws, "tester"); }
    app::PlanWorker w;
    w.load(t.ws.string(), 42);
    const auto results = wait(w);
    ASSERT_EQ(results.size(), 1u);
    EXPECT_NE(results[0].error.find("42"), std::string::npos) << results[0].error;
}

// A DXF is drawn now (plan_dxf_test.cpp); one without line work is still a clear error result.
TEST(PlanWorker, ADxfWithoutLineWorkIsAnErrorResultNamingTheFile) {
    TempWorkspace t;
    std::int64_t id = 0;
    {
        auto ws = store::Workspace::create(t.ws, "tester");
        store::PlanInfo info;
        info.name = "cad";
        info.file_name = "extension.dxf";
        info.format = "dxf";
        info.units = "mm";
        const std::string text = "0\nSECTION\n2\nENTITIES\n0\nENDSEC\n0\nEOF\n";
        id = ws.add_plan(info, std::vector<std::uint8_t>(text.begin(), text.end()));
    }
    app::PlanWorker w;
    w.load(t.ws.string(), id);
    const auto results = wait(w);
    ASSERT_EQ(results.size(), 1u);
    EXPECT_FALSE(results[0].plan);
    EXPECT_NE(results[0].error.find("no line work"), std::string::npos) << results[0].error;
    EXPECT_NE(results[0].error.find("extension.dxf"), std::string::npos) << results[0].error;
}
