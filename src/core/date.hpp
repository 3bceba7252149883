#pragma once

#include <compare>
#include <optional>
#include <string>

namespace redline::core {

/// A calendar date (proleptic Gregorian), no time zone: planning dates are days.
struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;

    /// Strict ISO 8601 `YYYY-MM-DD` (a trailing time `THH:MM:SS...` is ignored); nullopt when the
    /// text is malformed or the date does not exist (2023-02-29).
    static std::optional<Date> parse(const std::string& text);
    /// Today in UTC.
    static Date today();
    /// Days since 1970-01-01 (negative before).
    long days_since_epoch() const;
    static Date from_days_since_epoch(long days);
    Date add_days(long n) const { return from_days_since_epoch(days_since_epoch() + n); }
    /// Same day n years later; 29 February becomes 28 February in a non-leap year.
    Date add_years(int n) const;
    std::string to_string() const;
    auto operator<=>(const Date&) const = default;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);

} // namespace redline::core
