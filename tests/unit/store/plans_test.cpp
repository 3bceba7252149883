// Plans in the workspace: the file kept whole with its SHA-256, calibrations, measurements with
// provenance, traced footprints in an approved-footprint layer; every write audited and atomic.
#include "core/error.hpp"
#include "core/sha256.hpp"
#include "store/workspace.hpp"
#include "unit/store/store_test_util.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace redline::store {
namespace {

using test::ScratchDir;

std::vector<std::uint8_t> bytes_of(const std::string& s) {
    return {s.begin(), s.end()};
}

PlanInfo png_plan(const std::string& name) {
    PlanInfo p;
    p.name = name;
    p.file_name = name + ".png";
    p.format = "png";
    p.dpi = 300;
    p.width_px = 2000;
    p.height_px = 1500;
    p.stated_scale = 100;
    return p;
}

PlanCalibrationRecord calibration(std::int64_t plan_id) {
    PlanCalibrationRecord c;
    c.plan_id = plan_id;
    c.method = "helmert";
    c.transform_kind = "helmert";
    c.matrix = {0.01, 0, 530000, 0, -0.01, 180000, 0, 0, 1};
    c.rmse_m = 0.012;
    c.details_json = R"({"residuals_m":[0.01,0.014]})";
    return c;
}

std::size_t count_action(const Workspace& ws, const std::string& action) {
    const auto log = ws.audit_log();
    return static_cast<std::size_t>(std::count_if(
        log.begin(), log.end(), [&](const core::AuditEntry& e) { return e.action == action; }));
}

TEST(Plans, KeepsTheFileBytesWithTheirHash) {
    ScratchDir dir;
    auto ws = Workspace::create(dir / "ws.redline", "jb");
    const std::string content("\x89PNG fake plan bytes \0 with a NUL", 33);
    const auto id = ws.add_plan(png_plan("rear-extension"), bytes_of(content));
    const auto p = ws.plan(id);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->sha256, core::sha256_hex(content));
    EXPECT_EQ(p->file_name, "rear-extension.png");
    EXPECT_EQ(p->byte_size, 33);
    EXPECT_EQ(p->added_by, "jb");
    EXPECT_EQ(p->stated_scale, 100);
    EXPECT_FALSE(p->current_calibration);
    EXPECT_EQ(ws.plan_bytes(id), bytes_of(content));
    EXPECT_EQ(ws.find_plan("rear-extension").id, id);
    EXPECT_EQ(ws.find_plan(std::to_string(id)).id, id);
    EXPECT_THROW(ws.find_plan("nope"), core::StoreError);
    EXPECT_EQ(count_action(ws, "plan-add"), 1u);

    // The name is unique; a refused add leaves nothing behind.
    const auto before = test::dump(dir / "ws.redline");
    EXPECT_THROW(ws.add_plan(png_plan("rear-extension"), bytes_of("other")), core::StoreError);
    EXPECT_THROW(ws.add_plan(png_plan("empty"), {}), core::UsageError);
    EXPECT_EQ(test::dump(dir / "ws.redline"), before);
}

TEST(Plans, TheStoredFileCannotBeChangedAfterwards) {
    ScratchDir dir;
    const auto id = [&] {
        auto ws = Workspace::create(dir / "ws.redline", "jb");
        return ws.add_plan(png_plan("p"), bytes_of("original"));
    }();
    int status = 0;
    test::run_command("sqlite3 " + test::quoted(dir / "ws.redline") +
                          " \"UPDATE plans SET content = x'00' WHERE id = " + std::to_string(id) +
                          "\" 2>&1",
                      status);
    EXPECT_NE(status, 0) << "the trigger must refuse to rewrite the evidence";
    auto ws = Workspace::open(dir / "ws.redline", "jb");
    EXPECT_EQ(ws.plan_bytes(id), bytes_of("original"));
}

TEST(Plans, CalibrationsBecomeCurrentAndKeepTheirProvenance) {
    ScratchDir dir;
    auto ws = Workspace::create(dir / "ws.redline", "jb");
    const auto id = ws.add_plan(png_plan("p"), bytes_of("x"));
    EXPECT_FALSE(ws.current_calibration(id));
    const auto first = ws.add_plan_calibration(calibration(id));
    auto second_rec = calibration(id);
    second_rec.method = "affine";
    second_rec.transform_kind = "affine";
    second_rec.matrix[1] = 0.0003;
    const auto second = ws.add_plan_calibration(second_rec);
    EXPECT_NE(first, second);
    const auto cur = ws.current_calibration(id);
    ASSERT_TRUE(cur);
    EXPECT_EQ(cur->id, second);
    EXPECT_EQ(cur->method, "affine");
    EXPECT_DOUBLE_EQ(cur->matrix[1], 0.0003);
    EXPECT_DOUBLE_EQ(cur->matrix[2], 530000);
    EXPECT_DOUBLE_EQ(cur->rmse_m, 0.012);
    EXPECT_EQ(cur->created_by, "jb");
    EXPECT_EQ(ws.plan(id)->current_calibration, second);
    EXPECT_EQ(count_action(ws, "plan-calibrate"), 2u);
    auto bad = calibration(id + 100);
    EXPECT_THROW(ws.add_plan_calibration(bad), core::StoreError);
}

TEST(Plans, MeasurementsAreSavedToACaseWithProvenance) {
    ScratchDir dir;
    auto ws = Workspace::create(dir / "ws.redline", "jb");
    core::EnforcementCase c;
    c.reference = "ENF/26/0042";
    ws.add_case(c);
    const auto plan = ws.add_plan(png_plan("p"), bytes_of("x"));
    const auto cal = ws.add_plan_calibration(calibration(plan));
    MeasurementRecord m;
    m.kind = "length";
    m.geometry.type = core::GeometryType::LineString;
    m.geometry.lines = {{{530000, 180000}, {530005, 180000}}};
    m.grid_value = 5.002;
    m.ground_value = 5.0;
    m.unit = "m";
    m.uncertainty = 0.009;
    m.method = "plan:helmert";
    m.plan_id = plan;
    m.plan_sha256 = ws.plan(plan)->sha256;
    m.calibration_id = cal;
    m.case_reference = "ENF/26/0042";
    m.details_json = R"({"note":"rear wall"})";
    const auto id = ws.save_measurement(m);
    MeasurementRecord map_only = m;
    map_only.case_reference.clear();
    map_only.plan_id.reset();
    map_only.calibration_id.reset();
    map_only.uncertainty.reset();
    map_only.method = "map";
    ws.save_measurement(map_only);

    const auto of_case = ws.measurements("ENF/26/0042");
    ASSERT_EQ(of_case.size(), 1u);
    EXPECT_EQ(of_case[0].id, id);
    EXPECT_EQ(of_case[0].plan_sha256, m.plan_sha256);
    EXPECT_EQ(of_case[0].calibration_id, cal);
    EXPECT_EQ(of_case[0].created_by, "jb");
    EXPECT_DOUBLE_EQ(*of_case[0].uncertainty, 0.009);
    ASSERT_EQ(of_case[0].geometry.lines.size(), 1u);
    EXPECT_EQ(of_case[0].geometry.lines[0][1], (core::Coord{530005, 180000}));
    EXPECT_EQ(ws.measurements().size(), 2u);
    EXPECT_FALSE(ws.measurements()[1].uncertainty);
    EXPECT_EQ(count_action(ws, "measurement-save"), 2u);
    m.case_reference = "ENF/99/0001";
    EXPECT_THROW(ws.save_measurement(m), core::StoreError);
}

TEST(Plans, TracedFootprintsGoToAnApprovedFootprintLayer) {
    ScratchDir dir;
    auto ws = Workspace::create(dir / "ws.redline", "jb");
    const auto plan = ws.add_plan(png_plan("p"), bytes_of("x"));
    const auto cal = ws.add_plan_calibration(calibration(plan));
    const core::Polygon square{{{{530000, 180000},
                                 {530008, 180000},
                                 {530008, 180006},
                                 {530000, 180006},
                                 {530000, 180000}}}};
    const auto fid = ws.add_traced_footprint("approved_footprint", "24/AP/0001", square, plan, cal);
    ws.add_traced_footprint("approved_footprint", "24/AP/0002", square, plan, cal);
    const auto info = ws.layer("approved_footprint");
    ASSERT_TRUE(info);
    EXPECT_EQ(info->role, core::Role::ApprovedFootprint);
    EXPECT_EQ(info->feature_count, 2u);
    EXPECT_EQ(info->source_sha256, ws.plan(plan)->sha256);
    const auto data = ws.read_layer("approved_footprint");
    ASSERT_EQ(data.features.size(), 2u);
    const auto app = data.field_index("planning_application");
    ASSERT_TRUE(app);
    EXPECT_EQ(core::to_text(data.features[0].values[*app]), "24/AP/0001");
    EXPECT_EQ(data.features[0].source_fid, fid);
    EXPECT_NEAR(core::planar_area(data.features[0].geometry), 48.0, 1e-9);
    EXPECT_EQ(count_action(ws, "plan-trace"), 2u);

    // Only into an approved-footprint layer, and only with the plan's current calibration.
    ws.import_layer(test::buildings("buildings", 2), core::Role::Building,
                    test::report_for("buildings", "b.gpkg"));
    EXPECT_THROW(ws.add_traced_footprint("buildings", "24/AP/0003", square, plan, cal),
                 core::StoreError);
    EXPECT_THROW(ws.add_traced_footprint("approved_footprint", "24/AP/0003", square, plan, cal + 9),
                 core::StoreError);
    EXPECT_EQ(ws.layer("approved_footprint")->feature_count, 2u);
}

} // namespace
} // namespace redline::store
