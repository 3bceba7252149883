#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace redline::ui {

/// The manager's dashboard as the Dashboard tab draws it: the numbers of
/// analysis::dashboard_stats, copied by the app (the UI has no analysis code).
struct DashboardView {
    std::string as_of;                       ///< ISO date the ages are counted to
    std::vector<std::string> months;         ///< "YYYY-MM", oldest first
    std::vector<std::string> categories;     ///< "(none)" for an empty category
    std::vector<std::vector<int>> per_month; ///< [month][category] complaints received
    std::size_t complaints_undated = 0;
    std::vector<std::string> statuses;  ///< complaint statuses, lower case
    std::vector<std::string> age_bands; ///< "< 1 month", ...
    std::vector<int> open_by_age;       ///< open cases per age band
    std::size_t open_cases = 0, open_undated = 0;
    std::optional<double> median_days_to_visit;
    std::size_t visits_measured = 0;
};

} // namespace redline::ui
