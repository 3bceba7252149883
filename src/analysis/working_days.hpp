#pragma once
// Working days in England and Wales: Monday to Friday except bank holidays. Councils state their
// acknowledgement and first-visit targets in working days; the statutory periods of the Town and
// Country Planning Act 1990 are calendar days and never use this.

#include "core/date.hpp"

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace redline::analysis {

/// ISO weekday of a date: 1 Monday ... 7 Sunday.
int iso_weekday(const core::Date& d);

/// A set of bank holidays and the calendar years it covers (a year with no entry in the file is
/// "not covered": working-day sums there count weekends only and say so).
class BankHolidays {
public:
    BankHolidays() = default;
    /// Holidays given directly; the covered years are the years of the dates.
    explicit BankHolidays(const std::vector<core::Date>& dates);
    /// Parse the CSV of data/bank-holidays (header `date,title`, one ISO date per row). Throws
    /// core::IoError naming `origin` and the line for a malformed row, a duplicate or no rows.
    static BankHolidays parse_csv(const std::string& text, const std::string& origin = "");
    /// Read and parse a file. Throws core::IoError when it cannot be read or parsed.
    static BankHolidays load(const std::filesystem::path& file);
    /// Where the England and Wales file is looked for, in order: $REDLINE_DATA_DIR/bank-holidays,
    /// <exe>/../share/redline/bank-holidays, the source tree's data/bank-holidays, the install
    /// prefix.
    static std::vector<std::filesystem::path> search_paths();
    /// Load the first file of search_paths() that exists. Throws core::IoError when none does.
    static BankHolidays load_default();

    bool contains(const core::Date& d) const { return m_dates.count(d.days_since_epoch()) != 0; }
    /// True when the file lists holidays for `year`.
    bool covers(int year) const { return m_years.count(year) != 0; }
    std::size_t size() const { return m_dates.size(); }

private:
    std::set<long> m_dates; ///< days since epoch
    std::set<int> m_years;
};

/// Monday-Friday and not a bank holiday.
bool is_working_day(const core::Date& d, const BankHolidays& holidays);

/// The n-th working day after `start` (n >= 0; n == 0 gives `start` itself). Convention: the day
/// of receipt is day 0, so "acknowledge within 5 working days" of a complaint received on
/// Thursday 17 April 2025 is due on Monday 28 April 2025 (Good Friday and Easter Monday skipped).
core::Date add_working_days(const core::Date& start, int n, const BankHolidays& holidays);

/// Working days in the half-open interval (from, to]: 0 when to <= from.
long working_days_between(const core::Date& from, const core::Date& to,
                          const BankHolidays& holidays);

/// The first year in [from, to] that `holidays` does not cover, or 0 when all are covered.
int first_uncovered_year(const core::Date& from, const core::Date& to,
                         const BankHolidays& holidays);

} // namespace redline::analysis
