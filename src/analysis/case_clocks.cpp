#include "analysis/case_clocks.hpp"

#include <algorithm>

namespace redline::analysis {

core::Date add_months(const core::Date& d, int months) {
    const int index = d.year * 12 + (d.month - 1) + months;
    core::Date out;
    out.year = index / 12;
    out.month = index % 12 + 1;
    out.day = std::min(d.day, core::days_in_month(out.year, out.month));
    return out;
}

core::Date anniversary(const core::Date& start, int years) {
    core::Date out{start.year + years, start.month, start.day};
    // A period of whole years beginning with 29 February must still include the last day of
    // February in a common year: it ends on 28 February, so the anniversary is 1 March.
    if (start.month == 2 && start.day == 29 && !core::is_leap_year(out.year))
        out = {out.year, 3, 1};
    return out;
}

ImmunityRule immunity_rule(BreachType type, Nation nation, const core::Date& start) {
    const bool short_limit_type =
        type == BreachType::Operational || type == BreachType::ChangeOfUseDwelling;
    const char* subsection = type == BreachType::Operational           ? "s171B(1)"
                             : type == BreachType::ChangeOfUseDwelling ? "s171B(2)"
                                                                       : "s171B(3)";
    const std::string provision = std::string("TCPA 1990 ") + subsection;
    if (!short_limit_type)
        return {10, provision + " (10 years for any other breach)"};
    if (nation == Nation::Wales)
        return {4, provision + " (4 years; Wales, unamended)"};
    // LURA 2023 s115 replaced the 4-year limits with 10 years in England from 25 April 2024;
    // the commencement regulations keep the 4-year limit where the operations were
    // substantially completed, or the change of use happened, before that day.
    if (start < k_lura_commencement)
        return {4, provision + " (4 years: before 25 April 2024, transitional provision on "
                               "commencement of LURA 2023 s115)"};
    return {10, provision + " as amended by LURA 2023 s115 (10 years from 25 April 2024)"};
}

core::Date immunity_date(BreachType type, Nation nation, const core::Date& start) {
    return anniversary(start, immunity_rule(type, nation, start).years);
}

core::Date pcn_reply_last_day(const core::Date& served) {
    return served.add_days(20);
}
core::Date enforcement_notice_serve_by(const core::Date& issued) {
    return issued.add_days(28);
}
core::Date enforcement_notice_earliest_effective(const core::Date& served) {
    return served.add_days(28);
}
core::Date appeal_last_day(const core::Date& effective) {
    return effective.add_days(-1);
}
core::Date notice_compliance_date(const core::Date& effective, int compliance_days) {
    return effective.add_days(compliance_days);
}
core::Date stop_notice_earliest_effective(const core::Date& served) {
    return served.add_days(3);
}
core::Date stop_notice_latest_effective(const core::Date& served) {
    return served.add_days(28);
}

int temporary_stop_notice_days(const core::Date& displayed) {
    return displayed < k_lura_commencement ? 28 : 56;
}
core::Date temporary_stop_notice_last_day(const core::Date& displayed) {
    return displayed.add_days(temporary_stop_notice_days(displayed) - 1);
}
core::Date breach_of_condition_compliance_date(const core::Date& served, int compliance_days) {
    return served.add_days(compliance_days - 1);
}
core::Date untidy_land_earliest_effective(const core::Date& served) {
    return served.add_days(28);
}
core::Date appeal_questionnaire_due(const core::Date& start_date) {
    return start_date.add_days(14);
}
core::Date appeal_statement_due(const core::Date& start_date) {
    return start_date.add_days(42);
}

const char* to_string(ClockState s) {
    switch (s) {
    case ClockState::Pending:
        return "pending";
    case ClockState::Overdue:
        return "overdue";
    case ClockState::Met:
        return "met";
    case ClockState::Late:
        return "late";
    case ClockState::Passed:
        return "passed";
    case ClockState::Suspended:
        return "suspended";
    case ClockState::Stopped:
        return "stopped";
    }
    return "pending";
}

} // namespace redline::analysis
