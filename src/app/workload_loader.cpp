#include "app/workload_loader.hpp"

#include "analysis/case_workload.hpp"
#include "analysis/priority.hpp"
#include "analysis/working_days.hpp"
#include "store/workspace.hpp"
#include "workflow/case_files.hpp"

namespace redline::app {
std::vector<ui::WorkloadRow> load_workload(const std::filesystem::path& workspace,
                                           const core::Date& as_of) {
    const store::Workspace ws = store::Workspace::open(workspace, "redline-viewer");
    return load_workload(ws, as_of);
}

std::vector<ui::WorkloadRow> load_workload(const store::Workspace& ws, const core::Date& as_of) {
    const auto holidays = analysis::BankHolidays::load_default();
    std::vector<ui::WorkloadRow> rows;
    // The same case files and ordering as `redline-cli workload` (workflow::load_case_files).
    for (const analysis::WorkloadItem& w :
         analysis::build_workload(workflow::load_case_files(ws), as_of, holidays)) {
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
