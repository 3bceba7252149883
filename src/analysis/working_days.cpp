#include "analysis/working_days.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "core/version.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

namespace redline::analysis {
namespace {

constexpr const char* k_file = "england-and-wales.csv";

} // namespace

int iso_weekday(const core::Date& d) {
    // 1970-01-01 was a Thursday (ISO 4). Floor modulo keeps dates before 1970 right.
    const long days = d.days_since_epoch();
    const long m = ((days + 3) % 7 + 7) % 7;
    return static_cast<int>(m) + 1;
}

BankHolidays::BankHolidays(const std::vector<core::Date>& dates) {
    for (const auto& d : dates) {
        m_dates.insert(d.days_since_epoch());
        m_years.insert(d.year);
    }
}

BankHolidays BankHolidays::parse_csv(const std::string& text, const std::string& origin) {
    BankHolidays out;
    std::istringstream in(text);
    std::string line;
    long line_no = 0;
    auto fail = [&](const std::string& why) -> core::IoError {
        return core::IoError("bank holidays: line " + std::to_string(line_no) + ": " + why,
                             {.path = origin});
    };
    while (std::getline(in, line)) {
        ++line_no;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (core::trim(line).empty())
            continue;
        if (line_no == 1) {
            if (core::to_lower(core::trim(line)).rfind("date", 0) != 0)
                throw fail("expected the header 'date,title'");
            continue;
        }
        const auto comma = line.find(',');
        const std::string field = core::trim(line.substr(0, comma));
        const auto d = core::Date::parse(field);
        if (!d || d->to_string() != field)
            throw fail("'" + field + "' is not a date (YYYY-MM-DD)");
        if (!out.m_dates.insert(d->days_since_epoch()).second)
            throw fail(field + " is listed twice");
        out.m_years.insert(d->year);
    }
    if (out.m_dates.empty())
        throw core::IoError("bank holidays: the file lists no dates", {.path = origin});
    return out;
}

BankHolidays BankHolidays::load(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw core::IoError("bank holidays: cannot read the file", {.path = file.string()});
    std::ostringstream text;
    text << in.rdbuf();
    return parse_csv(text.str(), file.string());
}

std::vector<std::filesystem::path> BankHolidays::search_paths() {
    std::vector<std::filesystem::path> out;
    if (const char* v = std::getenv("REDLINE_DATA_DIR"); v && *v)
        out.push_back(std::filesystem::path(v) / "bank-holidays" / k_file);
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec)
        out.push_back((exe.parent_path() / ".." / "share" / "redline" / "bank-holidays" / k_file)
                          .lexically_normal());
    out.push_back(std::filesystem::path(core::k_source_data_dir) / "bank-holidays" / k_file);
    out.push_back(std::filesystem::path(core::k_install_data_dir) / "bank-holidays" / k_file);
    return out;
}

BankHolidays BankHolidays::load_default() {
    const auto paths = search_paths();
    for (const auto& p : paths) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(p, ec))
            return load(p);
    }
    throw core::IoError("bank holidays: no " + std::string(k_file) +
                        " found (set REDLINE_DATA_DIR to a folder containing bank-holidays/)");
}

bool is_working_day(const core::Date& d, const BankHolidays& holidays) {
    return iso_weekday(d) <= 5 && !holidays.contains(d);
}

core::Date add_working_days(const core::Date& start, int n, const BankHolidays& holidays) {
    core::Date d = start;
    for (int left = n; left > 0;) {
        d = d.add_days(1);
        if (is_working_day(d, holidays))
            --left;
    }
    return d;
}

long working_days_between(const core::Date& from, const core::Date& to,
                          const BankHolidays& holidays) {
    long n = 0;
    for (long day = from.days_since_epoch() + 1; day <= to.days_since_epoch(); ++day)
        if (is_working_day(core::Date::from_days_since_epoch(day), holidays))
            ++n;
    return n;
}

int first_uncovered_year(const core::Date& from, const core::Date& to,
                         const BankHolidays& holidays) {
    for (int y = from.year; y <= to.year; ++y)
        if (!holidays.covers(y))
            return y;
    return 0;
}

} // namespace redline::analysis
