#include "app/dashboard_loader.hpp"

#include "store/workspace.hpp"

#include <map>

namespace redline::app {

ui::DashboardView dashboard_view(const analysis::DashboardStats& s) {
    ui::DashboardView v;
    v.as_of = s.as_of.to_string();
    v.months = s.months;
    v.categories = s.categories;
    v.per_month = s.per_month;
    v.complaints_undated = s.complaints_undated;
    v.statuses = s.statuses;
    v.age_bands.assign(analysis::k_age_band_labels.begin(), analysis::k_age_band_labels.end());
    v.open_by_age.assign(s.open_by_age.begin(), s.open_by_age.end());
    v.open_cases = s.open_cases;
    v.open_undated = s.open_undated;
    v.median_days_to_visit = s.median_days_to_visit;
    v.visits_measured = s.visits_measured;
    return v;
}

ui::DashboardView load_dashboard(const std::filesystem::path& workspace, const core::Date& as_of) {
    const store::Workspace ws = store::Workspace::open(workspace, "redline-viewer");
    const std::vector<core::Complaint> complaints = ws.complaints();
    std::map<std::string, core::Date> received;
    for (const core::Complaint& c : complaints)
        if (const auto d = core::Date::parse(c.received_date))
            received.emplace(c.reference, *d);
    std::vector<analysis::CaseFile> files;
    for (core::EnforcementCase& c : ws.cases()) {
        analysis::CaseFile f;
        for (const store::CaseStageRecord& r : ws.case_stages(c.reference)) {
            const auto stage = analysis::parse_case_stage(r.stage);
            const auto date = core::Date::parse(r.date);
            if (!stage || !date)
                continue;
            analysis::StageEntry e;
            e.stage = *stage;
            e.date = *date;
            f.stages.push_back(e);
        }
        // The clock starts at the earliest complaint linked to the case.
        for (const std::string& ref : c.complaint_references)
            if (const auto it = received.find(ref); it != received.end())
                if (!f.first_received || it->second < *f.first_received)
                    f.first_received = it->second;
        f.record = std::move(c);
        files.push_back(std::move(f));
    }
    return dashboard_view(analysis::dashboard_stats(complaints, files, as_of));
}

} // namespace redline::app
