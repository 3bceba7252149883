// The casework forms driven like a user (ImGui with no window): a stage recorded from the
// inspector, a refused date shown in the form with nothing written, a complaint added by clicking
// the map. The app's executor and its worker job do the rest, as in the running viewer.
#include "app/casework_jobs.hpp"
#include "render/fixture_scene.hpp"
#include "store/workspace.hpp"
#include "unit/app/viewer_driver.hpp"
#include "unit/store/store_test_util.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

using namespace redline;

namespace {

struct Viewer : test::ViewerDriver {
    store::test::ScratchDir dir;
    std::filesystem::path path = dir / "ws.sqlite";
    std::unique_ptr<app::CaseworkJob> job;

    Viewer() : ViewerDriver(1400, 900) {
        const scene::Scene fixture = test::fixture_scene();
        {
            auto ws = store::Workspace::create(path, "officer1");
            // The fixture street's curtilages, so that a complaint finds its site's UPRN.
            const scene::MapLayer* cur = fixture.find("curtilages");
            ws.import_layer(cur->data(), core::Role::Curtilage,
                            store::test::report_for("curtilages", "curtilages.gpkg"));
            core::EnforcementCase c;
            c.reference = "ENF/26/0001";
            c.opened_date = "2026-09-01";
            c.officer = "J. Bloggs";
            c.uprn = "100000014";
            ws.add_case(c);
            state.cases = ws.cases();
        }
        state.workspace = path.string();
        state.scene = std::make_unique<scene::Scene>(test::fixture_scene());
        state.view = scene::Viewport({533005, 179012}, 1, 800, 600);
        state.view.set_scale_denominator(1000);
        run();
    }
    /// What the desktop loop does each frame: start the waiting request on a worker, and apply
    /// the result once the worker is done.
    void finish_job() {
        app::start_casework(state, job);
        ASSERT_TRUE(job) << "no casework request was made";
        EXPECT_TRUE(state.casework.busy);
        while (!job->done())
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        app::finish_casework(state, job);
        EXPECT_FALSE(job);
        run();
    }
    std::vector<store::CaseStageRecord> stages() const {
        return store::Workspace::open(path, "reader").case_stages("ENF/26/0001");
    }
};

} // namespace

TEST(CaseworkViewer, RecordsAStageFromTheInspector) {
    Viewer v;
    v.execute({ui::SelectCase{"ENF/26/0001"}});
    v.run();
    v.click("inspector.case.stage");
    ASSERT_EQ(v.state.casework.form, ui::CaseForm::Stage);
    EXPECT_EQ(v.state.casework.form_case, "ENF/26/0001");
    v.click("stage.stage");
    v.click("stage.stage.site-visit");
    v.type_into("stage.date", "2026-09-08");
    v.click("stage.record");
    ASSERT_TRUE(v.state.casework_request);
    v.finish_job();

    const auto s = v.stages();
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].stage, "site-visit");
    EXPECT_EQ(s[0].date, "2026-09-08");
    const auto log = store::Workspace::open(v.path, "reader").audit_log();
    EXPECT_EQ(log.back().action, "case-stage");
    EXPECT_NE(log.back().details.find("\"stage\":\"site-visit\""), std::string::npos);
    // The form closed, said what it did, and the workload lists the case at its new stage.
    EXPECT_EQ(v.state.casework.form, ui::CaseForm::None);
    EXPECT_NE(v.state.casework.message.find("site-visit on 2026-09-08 recorded"),
              std::string::npos);
    ASSERT_EQ(v.state.workload.size(), 1u);
    EXPECT_EQ(v.state.workload[0].stage, "site-visit");
}

TEST(CaseworkViewer, AnImpossibleDateIsShownInTheFormAndNothingIsWritten) {
    Viewer v;
    v.execute({ui::SelectCase{"ENF/26/0001"}});
    v.run();
    v.click("inspector.case.stage");
    v.click("stage.stage");
    v.click("stage.stage.acknowledged");
    const std::string before = store::test::dump(v.path);
    // Before the case was opened on 1 September.
    v.type_into("stage.date", "2026-08-20");
    v.click("stage.record");
    v.finish_job();
    EXPECT_EQ(v.state.casework.form, ui::CaseForm::Stage); // still open, to correct
    EXPECT_NE(v.state.casework.error.find("was opened on 2026-09-01"), std::string::npos)
        << v.state.casework.error;
    EXPECT_TRUE(v.imgui.rects.count("casework.error")); // shown in the window
    // Not a real date either.
    v.type_into("stage.date", "2026-09-31");
    v.click("stage.record");
    v.finish_job();
    EXPECT_NE(v.state.casework.error.find("not a real date"), std::string::npos);
    EXPECT_EQ(store::test::dump(v.path), before);
}

TEST(CaseworkViewer, AddsAComplaintByClickingTheMap) {
    Viewer v;
    v.execute({ui::StartComplaintPick{}});
    v.run();
    // Inside the curtilage of UPRN 100000014 (x 532994..533014, y 178980..179025).
    const core::Coord where{533004, 179000};
    const auto p = v.state.view.to_screen(where);
    const ui::Rect map = v.imgui.rects.at("map");
    // Clicked by hand rather than with click_map_at, to see the actions before they are carried
    // out.
    const ui::Actions clicked =
        v.imgui.click(v.view_state(), map.x + float(p.x), map.y + float(p.y));
    EXPECT_FALSE(test::find_action<ui::IdentifyAt>(clicked)); // placing, not identifying
    v.execute(clicked);
    ASSERT_EQ(v.state.casework.form, ui::CaseForm::Complaint);
    ASSERT_TRUE(v.state.casework.complaint_at);
    v.run();
    v.type_into("complaint.reference", "CMP/26/0100");
    v.type_into("complaint.received", "2026-09-03");
    v.type_into("complaint.name", "Ada Secretname");
    v.click("complaint.add");
    v.finish_job();

    auto ws = store::Workspace::open(v.path, "reader");
    const auto complaints = ws.complaints();
    ASSERT_EQ(complaints.size(), 1u);
    EXPECT_EQ(complaints[0].reference, "CMP/26/0100");
    EXPECT_EQ(complaints[0].received_date, "2026-09-03");
    EXPECT_EQ(complaints[0].complainant_name, "Ada Secretname");
    // Where it was clicked, to within a screen pixel at 1:1000 (0.26 m).
    EXPECT_NEAR(complaints[0].location.x, where.x, 0.3);
    EXPECT_NEAR(complaints[0].location.y, where.y, 0.3);
    // Linked to the open case at that UPRN, both on the record without the complainant.
    EXPECT_EQ(ws.cases()[0].complaint_references, std::vector<std::string>{"CMP/26/0100"});
    const auto log = ws.audit_log();
    ASSERT_GE(log.size(), 2u);
    EXPECT_EQ(log[log.size() - 2].action, "complaint-add");
    EXPECT_EQ(log.back().action, "case-link");
    for (const auto& e : log)
        EXPECT_EQ(e.details.find("Secretname"), std::string::npos);
    EXPECT_NE(v.state.casework.message.find("UPRN 100000014"), std::string::npos)
        << v.state.casework.message;
    EXPECT_EQ(v.state.selected_case, "ENF/26/0001"); // the case it joined, in the inspector
    // The map's complaint layer is read again, keeping the officer's view.
    EXPECT_TRUE(v.state.open_request);
    EXPECT_TRUE(v.state.reload_keeps_view);
}

// 18 Example Road (UPRN 100000016, x 533016..533036) has no case: the officer ticks "Open a new
// case", gets the next reference of the received year, and the case is opened with the complaint.
TEST(CaseworkViewer, OpensANewCaseFromTheComplaintForm) {
    Viewer v;
    v.execute({ui::PlaceComplaint{{533026, 179000}}});
    v.run();
    v.type_into("complaint.reference", "CMP/26/0101");
    v.type_into("complaint.received", "2026-10-05");
    v.click("complaint.open_case");
    v.run();
    const ui::CaseworkForms& f = v.imgui.memory.casework;
    EXPECT_TRUE(f.open_case);
    EXPECT_FALSE(f.join_case); // one or the other
    // The next after ENF/26/0001 in the workspace's numbering, for the received date's year,
    // which it follows until the officer types a reference.
    EXPECT_EQ(std::string(f.case_reference), "ENF/26/0002");
    v.type_into("complaint.received", "2025-12-30");
    EXPECT_EQ(std::string(f.case_reference), "ENF/25/0001");
    v.type_into("complaint.received", "2026-10-05");
    EXPECT_EQ(std::string(f.case_reference), "ENF/26/0002");
    v.type_into("complaint.case_officer", "A. Khan");
    v.type_into("complaint.alleged_breach", "Rear extension");
    v.click("complaint.breach_type");
    v.click("complaint.breach_type.operational");
    v.click("complaint.add");
    ASSERT_TRUE(v.state.casework_request);
    const auto* request = std::get_if<ui::AddComplaint>(&*v.state.casework_request);
    ASSERT_TRUE(request);
    EXPECT_TRUE(request->open_case);
    EXPECT_FALSE(request->join_case);
    v.finish_job();

    auto ws = store::Workspace::open(v.path, "reader");
    const auto cases = ws.cases();
    ASSERT_EQ(cases.size(), 2u) << v.state.casework.error;
    EXPECT_EQ(cases[1].reference, "ENF/26/0002");
    EXPECT_EQ(cases[1].uprn, "100000016");
    EXPECT_EQ(cases[1].officer, "A. Khan");
    EXPECT_EQ(cases[1].alleged_breach, "Rear extension");
    EXPECT_EQ(cases[1].complaint_references, std::vector<std::string>{"CMP/26/0101"});
    EXPECT_EQ(ws.case_profile("ENF/26/0002").breach_type, "operational");
    const auto log = ws.audit_log();
    ASSERT_GE(log.size(), 3u);
    EXPECT_EQ(log[log.size() - 3].action, "complaint-add");
    EXPECT_EQ(log[log.size() - 2].action, "case-add");
    EXPECT_EQ(log.back().action, "case-link");
    // Said in the message window, listed, and selected in Complaints & cases and the inspector.
    EXPECT_EQ(v.state.casework.form, ui::CaseForm::None);
    EXPECT_NE(v.state.casework.message.find("Case ENF/26/0002 opened with it"), std::string::npos)
        << v.state.casework.message;
    EXPECT_TRUE(v.imgui.rects.count("casework.message"));
    ASSERT_EQ(v.state.cases.size(), 2u);
    EXPECT_EQ(v.state.selected_case, "ENF/26/0002");
    EXPECT_TRUE(v.state.reload_keeps_view); // the reload keeps the selection
}

TEST(CaseworkViewer, ATakenCaseReferenceIsRefusedInTheFormWithNothingWritten) {
    Viewer v;
    v.execute({ui::PlaceComplaint{{533026, 179000}}});
    v.run();
    v.type_into("complaint.reference", "CMP/26/0102");
    v.type_into("complaint.received", "2026-10-05");
    v.click("complaint.open_case");
    v.type_into("complaint.case_reference", "ENF/26/0001");
    const std::string before = store::test::dump(v.path);
    v.click("complaint.add");
    v.finish_job();
    EXPECT_EQ(v.state.casework.form, ui::CaseForm::Complaint); // still open, to correct
    EXPECT_NE(v.state.casework.error.find("case reference 'ENF/26/0001' is already taken"),
              std::string::npos)
        << v.state.casework.error;
    EXPECT_TRUE(v.imgui.rects.count("casework.error"));
    EXPECT_EQ(store::test::dump(v.path), before); // not even the complaint
    // The officer's reference is kept while they correct it (no suggestion typed over it).
    EXPECT_EQ(std::string(v.imgui.memory.casework.case_reference), "ENF/26/0001");
    v.type_into("complaint.case_reference", "ENF/26/0042");
    v.click("complaint.add");
    v.finish_job();
    EXPECT_EQ(v.state.casework.form, ui::CaseForm::None) << v.state.casework.error;
    const auto cases = store::Workspace::open(v.path, "reader").cases();
    ASSERT_EQ(cases.size(), 2u);
    EXPECT_EQ(cases[1].reference, "ENF/26/0042");
    EXPECT_EQ(cases[1].complaint_references, std::vector<std::string>{"CMP/26/0102"});
    EXPECT_EQ(v.state.selected_case, "ENF/26/0042");
}

TEST(CaseworkViewer, WritesAnEvidencePackFromTheFormAndAuditsIt) {
    Viewer v;
    v.execute({ui::SelectCase{"ENF/26/0001"}});
    v.run();
    v.click("inspector.case.evidence");
    ASSERT_EQ(v.state.casework.form, ui::CaseForm::Evidence);
    v.run(); // the form is drawn, and fills its defaults
    // The output defaults to the case reference beside the workspace.
    EXPECT_EQ(std::string(v.imgui.memory.casework.pack_path), (v.dir / "ENF-26-0001.pdf").string());
    v.click("evidence.paper");
    v.click("evidence.paper.A3");
    v.type_into("evidence.scale", "1:500");
    v.click("evidence.write");
    ASSERT_TRUE(v.state.casework_request);
    const auto* request = std::get_if<ui::ExportEvidencePack>(&*v.state.casework_request);
    ASSERT_TRUE(request);
    EXPECT_EQ(request->paper, "A3");
    EXPECT_EQ(request->scale, "1:500");
    v.finish_job();
    ASSERT_TRUE(std::filesystem::exists(v.dir / "ENF-26-0001.pdf")) << v.state.casework.message;
    const auto log = store::Workspace::open(v.path, "reader").audit_log();
    EXPECT_EQ(log.back().action, "evidence-export");
    EXPECT_NE(log.back().details.find("\"paper\":\"A3\""), std::string::npos);
    EXPECT_NE(log.back().details.find("\"scale\":500"), std::string::npos) << log.back().details;
    EXPECT_NE(v.state.casework.message.find("SHA-256"), std::string::npos);
}

TEST(CaseworkViewer, ASecondComplaintAtTheSameSiteIsOfferedForMerging) {
    Viewer v;
    const auto add = [&](const std::string& ref, const std::string& day, core::Coord at) {
        v.execute({ui::PlaceComplaint{at}});
        v.run();
        v.type_into("complaint.reference", ref);
        v.type_into("complaint.received", day);
        v.click("complaint.add");
        v.finish_job();
    };
    // Both inside the curtilage of UPRN 100000014, 12 days apart.
    add("CMP/1", "2026-09-01", {533000, 178990});
    EXPECT_TRUE(v.state.casework.duplicates.empty());
    v.execute({ui::CloseCaseForm{}});
    add("CMP/2", "2026-09-13", {533010, 179015});
    ASSERT_EQ(v.state.casework.duplicates.size(), 1u);
    EXPECT_EQ(v.state.casework.duplicates[0].keep, "CMP/1");
    v.click("duplicates.merge.CMP/2");
    v.finish_job();
    auto ws = store::Workspace::open(v.path, "reader");
    EXPECT_EQ(ws.complaint_merged_into("CMP/2"), std::optional<std::string>("CMP/1"));
    EXPECT_EQ(ws.audit_log().back().action, "complaint-merge");
    EXPECT_TRUE(v.state.casework.duplicates.empty());
}

// Tools > Run breach check: the same read, engine and store as `redline-cli check`, on the worker;
// the run is stored with its audit entry and the workspace is read again for the Findings tab.
TEST(CaseworkViewer, RunsTheBreachCheckOnTheWorkerAndReloads) {
    Viewer v;
    v.execute({ui::RunBreachCheck{}});
    ASSERT_TRUE(v.state.casework_request);
    v.finish_job();
    const auto ws = store::Workspace::open(v.path, "reader");
    const auto run = ws.latest_check_run();
    ASSERT_TRUE(run);
    EXPECT_EQ(run->as_of, core::Date::today().to_string());
    EXPECT_EQ(run->inputs.size(), 1u); // the curtilages; this workspace has no complaints
    EXPECT_NE(run->skipped_json.find("baseline"), std::string::npos) << run->skipped_json;
    EXPECT_EQ(ws.audit_log().back().action, "check-run");
    EXPECT_NE(v.state.casework.message.find("Breach check run " + std::to_string(run->id)),
              std::string::npos)
        << v.state.casework.message;
    ASSERT_TRUE(v.state.open_request);
    EXPECT_EQ(*v.state.open_request, v.state.workspace);
    EXPECT_TRUE(v.state.reload_keeps_view);
}
