#include "analysis/dashboard_stats.hpp"

#include <cstdio>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace redline::analysis {
namespace {

/// `d` moved by `n` calendar months, the day clamped to the month's length (31 Jan + 1 = 28 Feb).
core::Date add_months(const core::Date& d, int n) {
    const int index = d.year * 12 + (d.month - 1) + n;
    core::Date out;
    out.year = index / 12;
    out.month = index % 12 + 1;
    out.day = std::min(d.day, core::days_in_month(out.year, out.month));
    return out;
}

std::string month_key(int year, int month) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    return buf;
}

std::string lower(std::string s) {
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

/// The age band index of a case opened `months` whole months before the date.
std::size_t age_band(int months) {
    if (months < 1)
        return 0;
    if (months < 3)
        return 1;
    if (months < 6)
        return 2;
    if (months < 12)
        return 3;
    return 4;
}

void count_complaints(const std::vector<core::Complaint>& complaints, DashboardStats& s) {
    std::set<std::string> categories, statuses;
    std::vector<std::pair<core::Date, std::string>> dated;
    for (const core::Complaint& c : complaints) {
        const std::string category = c.category.empty() ? "(none)" : c.category;
        categories.insert(category);
        if (!c.status.empty())
            statuses.insert(lower(c.status));
        if (const auto d = core::Date::parse(c.received_date))
            dated.emplace_back(*d, category);
        else
            ++s.complaints_undated;
    }
    s.categories.assign(categories.begin(), categories.end());
    s.statuses.assign(statuses.begin(), statuses.end());
    if (dated.empty())
        return;
    const auto [lo, hi] = std::minmax_element(dated.begin(), dated.end());
    const int first = lo->first.year * 12 + lo->first.month - 1;
    const int last = hi->first.year * 12 + hi->first.month - 1;
    for (int m = first; m <= last; ++m)
        s.months.push_back(month_key(m / 12, m % 12 + 1));
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < s.categories.size(); ++i)
        column[s.categories[i]] = i;
    s.per_month.assign(s.months.size(), std::vector<int>(s.categories.size(), 0));
    for (const auto& [date, category] : dated) {
        const int m = date.year * 12 + date.month - 1 - first;
        ++s.per_month[std::size_t(m)][column[category]];
        ++s.complaints_dated;
    }
}

} // namespace

int whole_months_between(const core::Date& from, const core::Date& to) {
    int m = (to.year - from.year) * 12 + (to.month - from.month);
    if (m > 0 && to < add_months(from, m))
        --m;
    return std::max(0, m);
}

bool is_open_case(const CaseFile& c) {
    return lower(c.record.status) != "closed" && current_stage(c) != CaseStage::Closed;
}

DashboardStats dashboard_stats(const std::vector<core::Complaint>& complaints,
                               const std::vector<CaseFile>& cases, const core::Date& as_of) {
    DashboardStats s;
    s.as_of = as_of;
    count_complaints(complaints, s);

    std::vector<long> waits;
    for (const CaseFile& c : cases) {
        const auto opened = core::Date::parse(c.record.opened_date);
        if (opened && *opened > as_of)
            continue; // not open yet on the date the dashboard is for
        if (is_open_case(c)) {
            if (!opened) {
                ++s.open_undated;
            } else {
                ++s.open_cases;
                ++s.open_by_age[age_band(whole_months_between(*opened, as_of))];
            }
        }
        // The first visit is the earliest site-visit stage; the clock starts at the first
        // complaint, as the council's service standard counts it (else the case's opening).
        std::optional<core::Date> visit;
        for (const StageEntry& e : c.stages)
            if (e.stage == CaseStage::SiteVisit && e.date <= as_of && (!visit || e.date < *visit))
                visit = e.date;
        const std::optional<core::Date> start = c.first_received ? c.first_received : opened;
        if (visit && start && *visit >= *start)
            waits.push_back(visit->days_since_epoch() - start->days_since_epoch());
    }
    s.visits_measured = waits.size();
    if (!waits.empty()) {
        std::sort(waits.begin(), waits.end());
        const std::size_t n = waits.size();
        s.median_days_to_visit =
            n % 2 ? double(waits[n / 2]) : (double(waits[n / 2 - 1]) + double(waits[n / 2])) / 2.0;
    }
    return s;
}

} // namespace redline::analysis
