// Lookups and value checks every store writer shares, so that a case reference or a date is
// refused with the same words wherever it is written.
#include "core/date.hpp"
#include "core/error.hpp"
#include "store/workspace_impl.hpp"

#include <cmath>

namespace redline::store::detail {

std::optional<std::int64_t> case_id(Connection& db, const std::string& reference) {
    Statement st(db, "SELECT id FROM enforcement_cases WHERE reference = ?");
    st.bind(1, reference);
    if (!st.step())
        return std::nullopt;
    return st.get_int(0);
}

std::int64_t require_case(Connection& db, const std::string& reference) {
    const auto id = case_id(db, reference);
    if (!id)
        throw core::StoreError("case '" + reference + "' does not exist");
    return *id;
}

const std::string& checked_date(const std::string& text, const std::string& what, bool required) {
    if (text.empty() && !required)
        return text;
    // Date::parse also accepts a trailing time, which a stored date must not carry.
    const auto d = core::Date::parse(text);
    if (!d || d->to_string() != text)
        throw core::UsageError(what + " '" + text + "': not a real date (YYYY-MM-DD)");
    return text;
}

void require_finite(double v, const char* what) {
    if (!std::isfinite(v))
        throw core::UsageError(std::string(what) + " is not a finite number");
}

} // namespace redline::store::detail
