#include "app/workload_loader.hpp"

#include "analysis/case_workload.hpp"
#include "analysis/priority.hpp"
#include "analysis/working_days.hpp"
#include "core/error.hpp"
#include "store/workspace.hpp"

#include <map>

namespace redline::app {
namespace {

analysis::StageEntry stage_entry(const store::CaseStageRecord& r) {
    analysis::StageEntry e;
    const auto stage = analysis::parse_case_stage(r.stage);
    const auto date = core::Date::parse(r.date);
    if (!stage || !date)
        throw core::StoreError("case stage '" + r.stage + "' on " + r.date + " is not readable");
    e.stage = *stage;
    e.date = *date;
    e.served = core::Date::parse(r.served_date);
    e.effective = core::Date::parse(r.effective_date);
    e.compliance_days = r.compliance_days;
    e.notice = analysis::parse_notice_kind(r.notice_kind);
    e.outcome = analysis::parse_case_outcome(r.outcome);
    return e;
}

/// The case files as the CLI's workload command assembles them (cli/cmd_workload.cpp; the app
/// cannot link the CLI), so that the panel and `redline-cli workload` list the same thing.
std::vector<analysis::CaseFile> case_files(const store::Workspace& ws) {
    std::map<std::string, core::Complaint> complaints;
    for (auto& c : ws.complaints())
        complaints.emplace(c.reference, std::move(c));
    const bool check_ran = ws.latest_check_run().has_value();
    std::vector<analysis::CaseFile> out;
    for (auto& c : ws.cases()) {
        analysis::CaseFile f;
        const auto profile = ws.case_profile(c.reference);
        f.breach_type =
            analysis::parse_breach_type(profile.breach_type).value_or(analysis::BreachType::Other);
        f.nation = analysis::parse_nation(profile.nation).value_or(analysis::Nation::England);
        for (const auto& s : ws.case_stages(c.reference))
            f.stages.push_back(stage_entry(s));
        for (const auto& ref : c.complaint_references) {
            const auto it = complaints.find(ref);
            if (it == complaints.end())
                continue;
            if (!it->second.category.empty())
                f.complaint_categories.push_back(it->second.category);
            if (const auto d = core::Date::parse(it->second.received_date))
                if (!f.first_received || *d < *f.first_received)
                    f.first_received = d;
        }
        f.findings.check_has_run = check_ran;
        if (check_ran)
            for (const auto& finding : ws.findings_for_case(c.reference))
                f.findings.codes.push_back(finding.code);
        f.record = std::move(c);
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace

std::vector<ui::WorkloadRow> load_workload(const std::filesystem::path& workspace,
                                           const core::Date& as_of) {
    const store::Workspace ws = store::Workspace::open(workspace, "redline-viewer");
    const auto holidays = analysis::BankHolidays::load_default();
    std::vector<ui::WorkloadRow> rows;
    for (const analysis::WorkloadItem& w :
         analysis::build_workload(case_files(ws), as_of, holidays)) {
        ui::WorkloadRow r;
        r.reference = w.reference;
        r.officer = w.officer.empty() ? "unassigned" : w.officer;
        r.stage = analysis::to_string(w.stage);
        r.priority = analysis::to_string(w.priority);
        r.reasons = w.priority_reasons;
        r.overdue = w.overdue;
        r.has_next = w.next.has_value();
        r.days_left = w.days_left;
        r.due = w.due;
        r.why = w.why;
        if (w.next)
            r.date = w.next->date.to_string();
        rows.push_back(std::move(r));
    }
    return rows;
}

} // namespace redline::app
