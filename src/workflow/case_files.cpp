#include "workflow/case_files.hpp"

#include "core/error.hpp"

#include <map>

namespace redline::workflow {

analysis::StageEntry to_stage_entry(const store::CaseStageRecord& r) {
    analysis::StageEntry e;
    const auto stage = analysis::parse_case_stage(r.stage);
    const auto date = core::Date::parse(r.date);
    if (!stage || !date)
        throw core::StoreError("stage '" + r.stage + "' on " + r.date + " is not readable");
    e.stage = *stage;
    e.date = *date;
    e.served = core::Date::parse(r.served_date);
    e.effective = core::Date::parse(r.effective_date);
    e.compliance_days = r.compliance_days;
    e.notice = analysis::parse_notice_kind(r.notice_kind);
    e.outcome = analysis::parse_case_outcome(r.outcome);
    return e;
}

std::vector<analysis::CaseFile> load_case_files(const store::Workspace& ws) {
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
            f.stages.push_back(to_stage_entry(s));
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
        // The breach engine's findings at the site raise the priority (listed building, trees,
        // demolition in a conservation area); without a run the case's own fields decide.
        f.findings.check_has_run = check_ran;
        if (check_ran)
            for (const auto& finding : ws.findings_for_case(c.reference))
                f.findings.codes.push_back(finding.code);
        f.record = std::move(c);
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace redline::workflow
