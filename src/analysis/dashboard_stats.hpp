#pragma once
// The manager's dashboard (issue #6): complaints per month by category, open cases by age band
// and how long a complaint waits for its first site visit. Pure: the numbers are computed here
// and only drawn by the viewer's Dashboard tab.

#include "analysis/case_stage.hpp"
#include "core/date.hpp"
#include "core/records.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace redline::analysis {

/// Age bands of open cases, by calendar months since the case was opened as of a date:
/// under 1 month, 1-3, 3-6, 6-12 and over 12 months. A case opened exactly one month before the
/// date is in "1-3 months" (the lower bound of each band is inclusive).
inline constexpr std::array<const char*, 5> k_age_band_labels = {
    "< 1 month", "1-3 months", "3-6 months", "6-12 months", "> 12 months"};

/// What the Dashboard tab shows. Months are "YYYY-MM".
struct DashboardStats {
    core::Date as_of;
    std::vector<std::string> months;     ///< every month from the first to the last complaint
    std::vector<std::string> categories; ///< sorted; "(none)" for an empty category
    /// per_month[m][c]: complaints received in months[m] with categories[c].
    std::vector<std::vector<int>> per_month;
    std::size_t complaints_dated = 0;   ///< counted in per_month
    std::size_t complaints_undated = 0; ///< received date missing or malformed: not counted
    std::vector<std::string> statuses;  ///< distinct complaint statuses, lower case, sorted

    std::array<int, 5> open_by_age{}; ///< open cases per k_age_band_labels band
    std::size_t open_cases = 0;       ///< open cases opened on or before as_of with a date
    std::size_t open_undated = 0;     ///< open cases with no readable opened date

    /// Median of the days from the case's first complaint (or, lacking one, its opened date) to
    /// its first site-visit stage, over the cases with a visit; nullopt when no case has one.
    /// With an even count, the mean of the two middle values.
    std::optional<double> median_days_to_visit;
    std::size_t visits_measured = 0; ///< cases behind the median
};

/// A case is open unless its record's status is "closed" (any case) or its latest stage is
/// closed.
bool is_open_case(const CaseFile& c);

/// Whole calendar months from `from` to `to` (0 when `to` is earlier than one month after
/// `from`); the day of month decides, 31 January + 1 month being 28/29 February.
int whole_months_between(const core::Date& from, const core::Date& to);

/// Compute the dashboard over every complaint and case file (CaseFile::first_received set by the
/// caller from the linked complaints) as of `as_of`. Cases opened after `as_of` are not counted.
DashboardStats dashboard_stats(const std::vector<core::Complaint>& complaints,
                               const std::vector<CaseFile>& cases, const core::Date& as_of);

} // namespace redline::analysis
