#include "workflow/evidence_sections.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>

namespace redline::workflow {
namespace {

std::string with_unit(const std::optional<double>& v, const std::string& unit) {
    if (!v)
        return "-";
    char buf[48];
    // Metres to the centimetre (the survey's precision); areas, percentages and years to one
    // decimal, as the breach rules state their limits.
    if (unit == "m")
        std::snprintf(buf, sizeof buf, "%.2f m", *v);
    else
        std::snprintf(buf, sizeof buf, "%.1f %s", *v, unit.c_str());
    return buf;
}

std::string json_lines(const std::string& json_text) {
    const auto j = nlohmann::json::parse(json_text, nullptr, false);
    if (j.is_discarded())
        return json_text;
    if (!j.is_object())
        return j.dump();
    std::string out;
    for (const auto& [k, v] : j.items())
        out += (out.empty() ? "" : "; ") + k + " = " +
               (v.is_string() ? v.get<std::string>() : v.dump());
    return out;
}

} // namespace

void add_findings(const store::Workspace& ws, const core::EnforcementCase& c,
                  print::EvidencePack& pack) {
    const auto run = ws.latest_check_run();
    if (!run) {
        pack.findings_section.lines.push_back("No breach check has been run in this workspace.");
        pack.check_run_section.lines.push_back("No breach check has been run in this workspace.");
        return;
    }
    const auto findings = ws.findings_for_case(c.reference);
    char head[256];
    std::snprintf(head, sizeof head,
                  "From breach check run %lld (%s, analysis date %s): %zu finding(s) at this "
                  "case's site, its application or its complaints.",
                  static_cast<long long>(run->id), run->run_at.c_str(), run->as_of.c_str(),
                  findings.size());
    pack.findings_section.lines.push_back(head);
    if (findings.empty())
        pack.findings_section.lines.push_back(
            "The latest breach check run raised no finding at this case's site.");
    int n = 0;
    for (const auto& f : findings) {
        print::PackFinding pf;
        pf.code = f.code;
        pf.severity = f.severity;
        pf.value = with_unit(f.value, f.unit);
        pf.limit = with_unit(f.limit, f.unit);
        pf.provision = f.provision;
        pf.explanation = f.explanation;
        pf.label = "F" + std::to_string(++n) + " " + f.code;
        if (f.value)
            pf.label += " " + pf.value;
        pf.geometry = f.geometry;
        pf.annotation = f.annotation;
        pack.findings.push_back(std::move(pf));
    }

    auto& lines = pack.check_run_section.lines;
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "Run %lld at %s by %s; analysis date %s; Redline %s, source commit %s; %zu "
                  "developments and %zu demolitions examined, %zu findings in all.",
                  static_cast<long long>(run->id), run->run_at.c_str(), run->user.c_str(),
                  run->as_of.c_str(), run->software_version.c_str(), run->source_commit.c_str(),
                  run->development_count, run->demolition_count, run->finding_count);
    lines.push_back(buf);
    lines.push_back("Parameters: " + json_lines(run->parameters_json));
    for (const auto& in : run->inputs)
        lines.push_back("Input " + in.layer + " (" + in.role + ", " +
                        std::to_string(in.feature_count) + " features), SHA-256 " +
                        in.source_sha256);
    const auto skipped = nlohmann::json::parse(run->skipped_json, nullptr, false);
    if (skipped.is_array())
        for (const auto& s : skipped)
            if (s.is_object())
                lines.push_back("Rule skipped: " + s.value("code", std::string{}) + " - " +
                                s.value("reason", std::string{}));
}

void add_plans_and_measurements(const store::Workspace& ws, const core::EnforcementCase& c,
                                const print::MapFrame& frame, print::EvidencePack& pack) {
    const auto plans = ws.plans();
    if (plans.empty()) {
        pack.plans_section.lines.push_back("No plan is held in this workspace.");
        pack.map_notes.push_back("No calibrated plan overlay: no plan is held in this workspace.");
    }
    for (const auto& plan : plans) {
        print::PackInput in;
        in.name = plan.name;
        in.kind = "plan";
        in.source_file = plan.file_name;
        in.sha256 = plan.sha256;
        in.imported_at = plan.added_at;
        in.source_crs = "plan " + plan.units + " (" + plan.format + ")";
        in.transformation = "calibrated to EPSG:27700 by the calibration below";
        const auto cal = ws.current_calibration(plan.id);
        char buf[256];
        if (cal) {
            std::snprintf(buf, sizeof buf, "calibration %lld: %s (%s), RMSE %.3f m, %s",
                          static_cast<long long>(cal->id), cal->method.c_str(),
                          cal->transform_kind.c_str(), cal->rmse_m, cal->created_at.c_str());
            in.calibration = buf;
            const auto& h = cal->matrix;
            std::snprintf(buf, sizeof buf,
                          "Plan %s: %s, calibration %s (%s), RMSE %.3f m; transform plan -> "
                          "EPSG:27700 [%.6g %.6g %.3f; %.6g %.6g %.3f; %.3g %.3g %.3g].",
                          plan.name.c_str(), plan.file_name.c_str(), cal->method.c_str(),
                          cal->transform_kind.c_str(), cal->rmse_m, h[0], h[1], h[2], h[3], h[4],
                          h[5], h[6], h[7], h[8]);
            pack.plans_section.lines.push_back(buf);
            pack.plans_section.lines.push_back("Calibration details: " +
                                               json_lines(cal->details_json));
        } else {
            in.transformation = "not calibrated";
            pack.plans_section.lines.push_back("Plan " + plan.name + " (" + plan.file_name +
                                               ") is not calibrated.");
        }
        pack.inputs.push_back(std::move(in));
    }
    add_plan_images(ws, frame, pack);

    int n = 0;
    for (const auto& m : ws.measurements(c.reference)) {
        print::PackMeasurement pm;
        char buf[160];
        pm.label = "M" + std::to_string(++n) + " " + m.kind;
        std::snprintf(buf, sizeof buf, "%.3f %s grid, %.3f %s ground", m.grid_value, m.unit.c_str(),
                      m.ground_value, m.unit.c_str());
        pm.value = buf;
        if (m.uncertainty) {
            std::snprintf(buf, sizeof buf, "\xC2\xB1%.3f %s", *m.uncertainty, m.unit.c_str());
            pm.uncertainty = buf;
        } else {
            pm.uncertainty = "not stated";
        }
        pm.method = m.method + (m.plan_sha256.empty() ? "" : ", plan SHA-256 " + m.plan_sha256) +
                    ", saved " + m.created_at + " by " + m.created_by;
        pm.geometry = m.geometry;
        pack.measurements.push_back(std::move(pm));
    }
}

void add_chronology(const store::Workspace& ws, const core::EnforcementCase& c,
                    print::EvidencePack& pack) {
    auto& ev = pack.chronology;
    for (const auto& complaint : ws.complaints())
        if (std::find(c.complaint_references.begin(), c.complaint_references.end(),
                      complaint.reference) != c.complaint_references.end())
            ev.push_back({complaint.received_date, "complaint received",
                          complaint.reference + " (" + complaint.category + ")"});
    for (const auto& k : ws.case_key_dates(c.reference))
        ev.push_back({k.date, k.kind, k.note});
    // The stage history (issue #8): each stage change with the notice dates it records.
    for (const auto& st : ws.case_stages(c.reference)) {
        std::string note;
        auto add = [&](const std::string& label, const std::string& v) {
            if (!v.empty())
                note += (note.empty() ? "" : "; ") + label + v;
        };
        add("", st.notice_kind);
        add("served ", st.served_date);
        add("effective ", st.effective_date);
        if (st.compliance_days)
            add("compliance period ", std::to_string(*st.compliance_days) + " days");
        add("outcome ", st.outcome);
        add("", st.note);
        ev.push_back({st.date, "stage: " + st.stage, note});
    }
    for (const auto& run : ws.check_runs())
        ev.push_back({run.run_at.substr(0, 10), "breach check run " + std::to_string(run.id),
                      "analysis date " + run.as_of + ", " + std::to_string(run.finding_count) +
                          " findings in the workspace"});
    for (const auto& m : ws.measurements(c.reference))
        ev.push_back(
            {m.created_at.substr(0, 10), "measurement saved", m.kind + " by " + m.created_by});
    std::stable_sort(
        ev.begin(), ev.end(),
        [](const print::PackEvent& a, const print::PackEvent& b) { return a.date < b.date; });
    pack.chronology_section.lines.push_back(
        "Dated events of case " + c.reference + " as recorded in the workspace (opened " +
        (c.opened_date.empty() ? std::string("-") : c.opened_date) + ").");
}

} // namespace redline::workflow
