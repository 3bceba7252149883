// Breach check runs and findings in a real workspace file: one transaction with an audit entry,
// read back with geometry and annotation, and found again by complaint, uprn and case.
#include "store/workspace.hpp"
#include "store_test_util.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>

namespace {

using namespace redline;
using store::test::ScratchDir;

core::Geometry square(double x, double y, double side) {
    return core::Geometry::polygon(
        {{{{x, y}, {x + side, y}, {x + side, y + side}, {x, y + side}, {x, y}}}});
}

store::FindingRecord finding(const std::string& code, const std::string& uprn,
                             std::vector<std::string> complaints) {
    store::FindingRecord f;
    f.code = code;
    f.severity = "medium";
    f.development_id = "D-1";
    f.applications = {"APP/1", "APP/2"};
    f.uprn = uprn;
    f.complaints = std::move(complaints);
    f.value = 4.6;
    f.limit = 3.0;
    f.unit = "m";
    f.explanation = "Rear extension 4.6 m. Confirm on site.";
    f.provision = "GPDO 2015 Sch.2 Pt.1 A.1(f)";
    f.annotation_text = "4.6 m beyond rear wall, limit 3.0 m";
    f.geometry = square(530000, 180000, 4);
    core::Geometry line;
    line.type = core::GeometryType::LineString;
    line.lines.push_back({{530002, 180000}, {530002, 180004.6}});
    f.annotation = line;
    return f;
}

TEST(CheckRuns, RecordAndReadBack) {
    ScratchDir dir;
    auto ws = store::Workspace::create(dir / "ws.sqlite", "tester");
    EXPECT_FALSE(ws.latest_check_run());
    EXPECT_TRUE(ws.findings_for_uprn("1").empty());
    store::CheckRunRecord run;
    run.as_of = "2026-11-01";
    run.parameters_json = "{\"rear_depth_attached_m\":3}";
    run.inputs = {{"buildings", "building", std::string(64, 'a'), 12}};
    run.software_version = "0.1.0";
    run.source_commit = "abc";
    run.development_count = 3;
    const auto id = ws.record_check_run(
        run, {finding("pd-rear-depth", "1", {"CMP/1"}), finding("article-4", "2", {})});
    EXPECT_EQ(run.id, id);
    EXPECT_EQ(run.finding_count, 2u);
    EXPECT_EQ(run.user, "tester");
    ASSERT_EQ(run.inputs.size(), 1u);
    EXPECT_EQ(run.inputs[0].source_sha256, std::string(64, 'a'));
    EXPECT_EQ(run.inputs[0].feature_count, 12u);
    const auto all = ws.findings(id);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].code, "pd-rear-depth");
    EXPECT_EQ(all[0].applications, (std::vector<std::string>{"APP/1", "APP/2"}));
    EXPECT_DOUBLE_EQ(*all[0].value, 4.6);
    EXPECT_FALSE(all[0].distance_m);
    EXPECT_EQ(all[0].geometry.polygons.at(0).rings.at(0).size(), 5u);
    EXPECT_EQ(all[0].annotation.type, core::GeometryType::LineString);
    EXPECT_EQ(ws.findings_for_complaint("CMP/1").size(), 1u);
    EXPECT_EQ(ws.findings_for_uprn("2").at(0).code, "article-4");
    const auto log = ws.audit_log();
    EXPECT_EQ(log.back().action, "check-run");
    EXPECT_NE(log.back().details.find("\"findings\":2"), std::string::npos);
    EXPECT_THROW(ws.findings(id + 1), core::StoreError);
    EXPECT_THROW(ws.findings_for_case("ENF/NONE"), core::StoreError);
}

TEST(CheckRuns, CaseSeesFindingsAtItsPropertyApplicationOrComplaints) {
    ScratchDir dir;
    auto ws = store::Workspace::create(dir / "ws.sqlite", "tester");
    core::Complaint c;
    c.reference = "CMP/9";
    c.received_date = "2026-10-01";
    c.location = {530001, 180001};
    ws.add_complaint(c);
    core::EnforcementCase k;
    k.reference = "ENF/1";
    k.uprn = "7";
    k.complaint_references = {"CMP/9"};
    ws.add_case(k);
    store::CheckRunRecord run;
    run.as_of = "2026-11-01";
    ws.record_check_run(run,
                        {finding("pd-rear-depth", "7", {}),
                         finding("no-permission", "8", {"CMP/9"}), finding("article-4", "9", {})});
    const auto found = ws.findings_for_case("ENF/1");
    ASSERT_EQ(found.size(), 2u); // at uprn 7, and linked to CMP/9; not article-4 at uprn 9
    EXPECT_EQ(found[0].code, "pd-rear-depth");
    EXPECT_EQ(found[1].code, "no-permission");
    store::CheckRunRecord second;
    second.as_of = "2026-11-02";
    ws.record_check_run(second, {});
    EXPECT_TRUE(ws.findings_for_case("ENF/1").empty()); // the latest run found nothing
    EXPECT_EQ(ws.check_runs().size(), 2u);
}

} // namespace

namespace {

/// The names of the SpatiaLite triggers on the findings table, from the sqlite3 shell.
std::string finding_triggers(const std::filesystem::path& ws) {
    int status = 0;
    auto out = store::test::run_command(
        "sqlite3 " + store::test::quoted(ws) +
            " \"SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE "
            "type = 'trigger' AND tbl_name = 'findings' ORDER BY name)\"",
        status);
    EXPECT_EQ(status, 0) << out;
    return out;
}

} // namespace

// Storing a run lifts SpatiaLite's per-row insert triggers for speed; they must all be back
// afterwards and still guard the table against a geometry in the wrong CRS.
TEST(CheckRuns, GeometryTriggersAreRestoredAfterARun) {
    ScratchDir dir;
    const auto path = dir / "ws.sqlite";
    std::string before;
    {
        auto ws = store::Workspace::create(path, "tester");
        before = finding_triggers(path);
        store::CheckRunRecord run;
        run.as_of = "2026-11-01";
        run.parameters_json = "{}";
        ws.record_check_run(run, {finding("pd-rear-depth", "1", {"CMP/1"})});
    }
    EXPECT_NE(before.find("ggi_findings_geom"), std::string::npos) << before;
    EXPECT_NE(before.find("tmi_findings_annotation"), std::string::npos) << before;
    EXPECT_EQ(finding_triggers(path), before);

    int status = 0;
    const auto out = store::test::run_command(
        "sqlite3 -cmd '.load mod_spatialite' " + store::test::quoted(path) +
            " \"INSERT INTO findings (run_id, seq, code, severity, explanation, provision, geom) "
            "VALUES (1, 99, 'x', 'low', 'e', 'p', GeomFromText('POINT(0 51)', 4326))\"",
        status);
    EXPECT_NE(status, 0) << "a WGS84 point went into an EPSG:27700 column: " << out;
    EXPECT_NE(out.find("violates Geometry constraint"), std::string::npos) << out;
}
