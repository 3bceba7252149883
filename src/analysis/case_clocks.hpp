#pragma once
// The statutory clocks of planning enforcement in England (and Wales where it differs), as pure
// date arithmetic. Two counting conventions occur in the Town and Country Planning Act 1990 and
// each function says which it uses:
//  - "N days after X" / "not less than N days before Y": the day of X is excluded, so the period
//    ends on X + N (the general rule for periods "after" or "from" an event: Zoan v Rouamba
//    [2000] 1 WLR 1509, CA). A notice served on 1 March cannot take effect "28 days after
//    service" before 29 March.
//  - "N days/years beginning with X": the day of X is included (Trow v Ind Coope (West
//    Midlands) Ltd [1967] 2 QB 899, CA), so the period's last day is X + N - 1.
// Courts have sometimes read "not less than N days" as N clear days; the clocks flag a notice
// that leaves no margin (see docs/casework.md).

#include "analysis/case_stage.hpp"
#include "core/date.hpp"

#include <optional>
#include <string>

namespace redline::analysis {

/// The first day of English law's commencement of the LURA 2023 s115 immunity changes
/// (25 April 2024): breaches from this day have a 10-year limit in England.
inline constexpr core::Date k_lura_commencement{2024, 4, 25};

/// Calendar months later, clamped to the month's last day (31 August + 6 months = 28/29 Feb).
core::Date add_months(const core::Date& d, int months);
/// The n-th anniversary of `start` for a period "beginning with" it: a 29 February start whose
/// anniversary year is not leap falls on 1 March (the period then still spans whole years).
core::Date anniversary(const core::Date& start, int years);

/// How long the s171B limit is for a breach and why.
struct ImmunityRule {
    int years = 10;
    std::string basis; ///< the provision, e.g. "TCPA 1990 s171B(1) (4 years; before 25 April 2024)"
};
/// s171B as amended by LURA 2023 s115 with its transitional provision (England: the old 4-year
/// limits still apply where the works were substantially completed, or the change of use to a
/// dwellinghouse happened, before 25 April 2024); Wales keeps the unamended 4/10-year split.
/// `start` is the date of substantial completion for operational development, else the date of
/// the breach.
ImmunityRule immunity_rule(BreachType type, Nation nation, const core::Date& start);
/// The first day on which no enforcement action may be taken: the limit is a period "beginning
/// with" `start`, so it ends the day before anniversary(start, years).
core::Date immunity_date(BreachType type, Nation nation, const core::Date& start);

/// s171D(1): failing to comply with a PCN is an offence "after the end of the period of 21 days
/// beginning with the day on which [it] has been served": the last day to reply is served + 20.
core::Date pcn_reply_last_day(const core::Date& served);
/// s172(3)(a): an enforcement notice must be served "not later than 28 days after the date of
/// its issue": issued + 28.
core::Date enforcement_notice_serve_by(const core::Date& issued);
/// s172(3)(b): served "not less than 28 days before" it takes effect: served + 28 at the earliest.
core::Date enforcement_notice_earliest_effective(const core::Date& served);
/// s174(3): an appeal must be made before the date the notice takes effect: effective - 1 is the
/// last day (the appeal must *arrive* by then; posting it is not enough).
core::Date appeal_last_day(const core::Date& effective);
/// s173(9): the compliance period runs from the date the notice takes effect: effective + days.
core::Date notice_compliance_date(const core::Date& effective, int compliance_days);
/// s184(3)(a): a stop notice takes effect not earlier than 3 days after service (served + 3),
/// unless special reasons are stated with it.
core::Date stop_notice_earliest_effective(const core::Date& served);
/// s184(3)(b): not later than 28 days from first service: served + 28.
core::Date stop_notice_latest_effective(const core::Date& served);
/// Length of a temporary stop notice's life: 56 days for one first displayed on or after
/// 25 April 2024, 28 days before (s171E(7)(a), as amended by LURA 2023 s116).
int temporary_stop_notice_days(const core::Date& displayed);
/// s171E(7)(a): it ceases "at the end of the period of N days starting on the day" it is first
/// displayed: its last day in force is displayed + N - 1.
core::Date temporary_stop_notice_last_day(const core::Date& displayed);
/// s187A(7): the compliance period is "not being less than 28 days beginning with the date of
/// service": its last day is served + days - 1 (days >= 28).
core::Date breach_of_condition_compliance_date(const core::Date& served, int compliance_days);
/// s215(4): an untidy-land notice takes effect at the end of a period "not less than 28 days
/// after the service of the notice": served + 28 at the earliest.
core::Date untidy_land_earliest_effective(const core::Date& served);

/// The Planning Inspectorate's enforcement appeal timetable (Procedural Guide: Enforcement
/// appeals - England, which follows the Town and Country Planning (Enforcement Notices and
/// Appeals) (England) Regulations 2002 and the 2002 Enforcement procedure rules): the council's
/// questionnaire is due 2 weeks, and its statement 6 weeks, after the appeal's start date.
core::Date appeal_questionnaire_due(const core::Date& start_date);
core::Date appeal_statement_due(const core::Date& start_date);

/// Whether a clock is something the officer must do by the date (Action) or a date that simply
/// arrives (Event: a notice taking effect, an appeal window closing).
enum class ClockKind { Action, Event };
enum class ClockState {
    Pending,   ///< not done, date today or later
    Overdue,   ///< an action not done and its date has passed
    Met,       ///< done on or before its date
    Late,      ///< done, but after its date
    Passed,    ///< an event whose date has passed
    Suspended, ///< stopped by an appeal (s175(4))
    Stopped,   ///< immunity clock stopped by enforcement action (s171A(2))
};
const char* to_string(ClockState s);

/// One dated clock of a case.
struct Clock {
    std::string name; ///< "acknowledge-by", "pcn-reply-due", "immunity_date", ...
    core::Date date;
    ClockKind kind = ClockKind::Action;
    ClockState state = ClockState::Pending;
    bool statutory = true; ///< false for the council's own targets
    std::string action;    ///< what is due, in plain words
    std::string basis;     ///< the provision or target it comes from
    std::optional<core::Date> met_on;
    std::string note; ///< a warning about the recorded dates, or ""
    /// Calendar days from `as_of` to the date (negative once past).
    long days_left(const core::Date& as_of) const {
        return date.days_since_epoch() - as_of.days_since_epoch();
    }
};

} // namespace redline::analysis
