#include "core/case_reference.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>

namespace redline::core {
namespace {

/// A reference split as PREFIX / YEAR / NUMBER, the shape English councils give enforcement
/// files (ENF/26/0042, E/2026/17, 26/ENF/... does not fit and is ignored).
struct Shape {
    std::string prefix; ///< everything before the year, without its '/'
    std::string year;   ///< 2 or 4 digits as written
    std::string number; ///< the serial as written
};

bool digits(const std::string& s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<Shape> shape_of(const std::string& ref) {
    const auto last = ref.rfind('/');
    if (last == std::string::npos || last == 0)
        return std::nullopt;
    const auto middle = ref.rfind('/', last - 1);
    if (middle == std::string::npos || middle == 0)
        return std::nullopt;
    Shape s{ref.substr(0, middle), ref.substr(middle + 1, last - middle - 1), ref.substr(last + 1)};
    if (!digits(s.year) || (s.year.size() != 2 && s.year.size() != 4) || !digits(s.number) ||
        s.number.size() > 9)
        return std::nullopt;
    return s;
}

std::string year_text(int year, std::size_t width) {
    char buf[16];
    if (width == 2)
        std::snprintf(buf, sizeof buf, "%02d", ((year % 100) + 100) % 100);
    else
        std::snprintf(buf, sizeof buf, "%04d", year);
    return buf;
}

} // namespace

std::string next_case_reference(const std::vector<std::string>& existing, int year) {
    // The pattern is the latest reference's, so a council that changed its numbering (say from
    // E/2025/17 to ENF/26/0001) continues the new one.
    Shape pattern{"ENF", "00", "0000"};
    for (auto it = existing.rbegin(); it != existing.rend(); ++it)
        if (const auto s = shape_of(*it)) {
            pattern = *s;
            break;
        }
    const std::string year_part = year_text(year, pattern.year.size());
    long highest = 0;
    for (const auto& ref : existing)
        if (const auto s = shape_of(ref); s && s->prefix == pattern.prefix && s->year == year_part)
            highest = std::max(highest, std::stol(s->number));
    char number[16];
    std::snprintf(number, sizeof number, "%0*ld", int(pattern.number.size()), highest + 1);
    return pattern.prefix + "/" + year_part + "/" + number;
}

} // namespace redline::core
