#pragma once
// The officer's workload and the manager's summary: open cases ordered by urgency, each with what
// is due and why. Pure functions of the case files and a date, so the viewer's workload panel and
// `redline-cli workload` show the same list.

#include "analysis/case_assessment.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace redline::analysis {

/// One open case in the workload.
struct WorkloadItem {
    std::string reference;
    std::string officer;
    CaseStage stage = CaseStage::Received;
    Priority priority = Priority::P3;
    std::vector<std::string> priority_reasons;
    bool overdue = false;
    /// The clock that decides the case's place: the earliest overdue action, else the nearest
    /// pending clock (the 13-week resolve-by target only when nothing else is pending); nullopt
    /// when nothing is pending.
    std::optional<Clock> next;
    long days_left = 0;          ///< next->date - as_of (negative when overdue)
    std::string due;             ///< what is due, e.g. "acknowledge the complaint"
    std::string why;             ///< the provision or target behind it
    std::vector<Clock> also_due; ///< other overdue or pending clocks, in date order
};

/// Open (not closed) cases, optionally of one officer (exact name), ordered: overdue first (the
/// longest overdue first), then by the nearest pending date; ties by priority, then reference.
/// Cases with nothing pending come last.
std::vector<WorkloadItem> build_workload(const std::vector<CaseFile>& cases,
                                         const core::Date& as_of, const BankHolidays& holidays,
                                         const Targets& targets = {},
                                         const std::optional<std::string>& officer = {});

/// A performance measure: how many of the cases it applies to met the target.
struct Performance {
    std::string name; ///< e.g. "acknowledged within 5 working days"
    int met = 0;
    int total = 0; ///< cases the measure applies to on the date
    /// met / total as a percentage, nullopt when total is 0.
    std::optional<double> percent() const {
        if (total == 0)
            return std::nullopt;
        return 100.0 * met / total;
    }
};

/// A pending clock within the summary's window.
struct UpcomingDeadline {
    std::string reference;
    std::string officer;
    Clock clock;
};

struct WorkloadSummary {
    core::Date as_of;
    int open_cases = 0;
    int closed_cases = 0;
    std::map<std::string, int> by_stage; ///< open cases by stage name
    /// Open cases by age since opening: "0-4 weeks", "4-13 weeks", "13-26 weeks", "26-52 weeks",
    /// "over 52 weeks" (lower bound inclusive), in that order.
    std::vector<std::pair<std::string, int>> by_age;
    std::map<std::string, int> by_priority; ///< open cases
    int overdue_cases = 0;
    std::vector<UpcomingDeadline> next_30_days; ///< pending clocks dated as_of..as_of+30
    std::vector<Performance> performance;
};

/// The manager's summary. Performance (cases considered when the target date has passed or the
/// target was met): acknowledged within `performance_acknowledge_working_days` working days of
/// receipt; first visit within the priority's target; resolved (closed) within `resolve_days`.
WorkloadSummary summarise_workload(const std::vector<CaseFile>& cases, const core::Date& as_of,
                                   const BankHolidays& holidays, const Targets& targets = {},
                                   const std::optional<std::string>& officer = {});

} // namespace redline::analysis
