#include "core/date.hpp"

#include <chrono>
#include <cstdio>

namespace redline::core {

bool is_leap_year(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
    static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return m == 2 && is_leap_year(y) ? 29 : k_days[m - 1];
}

std::optional<Date> Date::parse(const std::string& text) {
    if (text.size() < 10 || (text.size() > 10 && text[10] != 'T' && text[10] != ' '))
        return std::nullopt;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
    if (text[4] != '-' || text[7] != '-')
        return std::nullopt;
    Date d;
    d.year = std::stoi(text.substr(0, 4));
    d.month = std::stoi(text.substr(5, 2));
    d.day = std::stoi(text.substr(8, 2));
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month))
        return std::nullopt;
    return d;
}

Date Date::today() {
    const auto now = std::chrono::system_clock::now();
    const auto days = std::chrono::floor<std::chrono::days>(now);
    return from_days_since_epoch(days.time_since_epoch().count());
}

long Date::days_since_epoch() const {
    const std::chrono::year_month_day ymd{std::chrono::year{year},
                                          std::chrono::month{static_cast<unsigned>(month)},
                                          std::chrono::day{static_cast<unsigned>(day)}};
    return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

Date Date::from_days_since_epoch(long days) {
    const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
    return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

Date Date::add_years(int n) const {
    Date d{year + n, month, day};
    if (d.day > days_in_month(d.year, d.month))
        d.day = days_in_month(d.year, d.month);
    return d;
}

std::string Date::to_string() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

} // namespace redline::core
