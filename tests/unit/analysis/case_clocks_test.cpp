// Statutory clocks, immunity and working days (issue #8). Every expected date is worked out by
// hand in the comment next to it; the day-counting conventions are those of
// src/analysis/case_clocks.hpp ("N days after X" = X + N; "N days beginning with X" includes X).
//
// Sources of the rules behind each worked example (checked against shared/docs/domain.md):
// - Town and Country Planning Act 1990 (TCPA), as revised on legislation.gov.uk: s171B (time
//   limits), s171D(1) (PCN offence), s171E(7) (temporary stop notice duration), s172(3) (service
//   of an enforcement notice), s173(9) (compliance period), s174(3) (appeal before the notice
//   takes effect), s184(3) (stop notice effective date), s187A(7) (breach of condition notice),
//   s215(4) (untidy land notice).
// - Levelling-up and Regeneration Act 2023: s115 (10-year limit for all breaches in England) and
//   s116 (temporary stop notices of 56 days in England), both in force on 25 April 2024 by the
//   Planning Act 2008 (Commencement No. 8) and Levelling-up and Regeneration Act 2023
//   (Commencement No. 4 and Transitional Provisions) Regulations 2024, whose transitional
//   provisions keep the 4-year limits for works substantially completed, or changes of use made,
//   before that day.
// - Planning Practice Guidance "Enforcement and post-permission matters" (gov.uk): the notices,
//   their periods and the immunity rules as summarised for councils.
// - The Planning Inspectorate, "Procedural Guide: Enforcement appeals - England": the appeal
//   timetable (questionnaire 2 weeks, statements 6 weeks from the start date).
// - gov.uk bank holidays for England and Wales (data/bank-holidays, its SOURCE.txt).
#include "analysis/case_clocks.hpp"
#include "analysis/working_days.hpp"
#include "core/error.hpp"

#include <gtest/gtest.h>

namespace redline::analysis {
namespace {

core::Date d(const char* text) {
    return *core::Date::parse(text);
}

BankHolidays holidays() {
    return BankHolidays::load_default();
}

TEST(CaseClocks, PcnReplyIsDueOnTheTwentyFirstDayCountingTheDayOfService) {
    // s171D(1): "21 days beginning with the day on which [the PCN] has been served". Served
    // Friday 1 March 2024: the period is 1..21 March, so the last day to reply is 21 March and
    // the offence can be committed from 22 March.
    EXPECT_EQ(pcn_reply_last_day(d("2024-03-01")), d("2024-03-21"));
    // Across a month end: served 20 October 2026 -> 20 + 20 = 40 -> 9 November.
    EXPECT_EQ(pcn_reply_last_day(d("2026-10-20")), d("2026-11-09"));
}

TEST(CaseClocks, EnforcementNoticeServiceEffectAppealAndCompliance) {
    // s172(3)(a): issued 10 January 2025, served not later than 28 days after: 10 + 28 = 38 ->
    // 7 February.
    EXPECT_EQ(enforcement_notice_serve_by(d("2025-01-10")), d("2025-02-07"));
    // s172(3)(b): served "not less than 28 days before the date specified in it as the date on
    // which it is to take effect": served 15 January, 15 + 28 = 43 -> 12 February at the
    // earliest (the PPG, "Enforcement and post-permission matters", gives the same 28-day
    // minimum).
    const core::Date effective = enforcement_notice_earliest_effective(d("2025-01-15"));
    EXPECT_EQ(effective, d("2025-02-12"));
    // s174(3)(a): notice of appeal is given "before the date specified in the enforcement
    // notice as the date on which it is to take effect": 11 February is the last day (the
    // Planning Inspectorate's procedural guide says the same: the appeal must reach it before
    // the notice takes effect).
    EXPECT_EQ(appeal_last_day(effective), d("2025-02-11"));
    // s173(9): a 90-day compliance period from 12 February: 16 days to 28 Feb, 31 to 31 Mar
    // (47), 30 to 30 Apr (77), 13 more -> 13 May.
    EXPECT_EQ(notice_compliance_date(effective, 90), d("2025-05-13"));
}

TEST(CaseClocks, StopNoticeTakesEffectThreeToTwentyEightDaysAfterService) {
    // s184(3): served Tuesday 2 June 2026 -> not before 5 June, not after 30 June.
    EXPECT_EQ(stop_notice_earliest_effective(d("2026-06-02")), d("2026-06-05"));
    EXPECT_EQ(stop_notice_latest_effective(d("2026-06-02")), d("2026-06-30"));
}

TEST(CaseClocks, TemporaryStopNoticeLastsTwentyEightOrFiftySixDaysEitherSideOfLura) {
    // s171E(7)(a): the notice ceases to have effect at the end of the period of N days starting
    // on the day it is first displayed; N was 28, and is 56 in England for notices first
    // displayed from 25 April 2024 (LURA 2023 s116 and its commencement regulations).
    // Displayed 24 April 2024, the day before: 28 days starting that day are 24 April .. 21 May
    // (7 days in April, 21 in May).
    EXPECT_EQ(temporary_stop_notice_days(d("2024-04-24")), 28);
    EXPECT_EQ(temporary_stop_notice_last_day(d("2024-04-24")), d("2024-05-21"));
    // Displayed 25 April 2024: 56 days are 25 April .. 19 June (6 + 31 + 19).
    EXPECT_EQ(temporary_stop_notice_days(d("2024-04-25")), 56);
    EXPECT_EQ(temporary_stop_notice_last_day(d("2024-04-25")), d("2024-06-19"));
}

TEST(CaseClocks, BreachOfConditionAndUntidyLandNotices) {
    // s187A(7): 28 days beginning with service on 3 March 2025 are 3..30 March.
    EXPECT_EQ(breach_of_condition_compliance_date(d("2025-03-03"), 28), d("2025-03-30"));
    // A longer period of 60 days: 3 March + 59 = 1 May.
    EXPECT_EQ(breach_of_condition_compliance_date(d("2025-03-03"), 60), d("2025-05-01"));
    // s215(4): not less than 28 days after service on 1 July 2025 -> 29 July.
    EXPECT_EQ(untidy_land_earliest_effective(d("2025-07-01")), d("2025-07-29"));
}

TEST(CaseClocks, AppealTimetableFromTheStartDate) {
    // The Planning Inspectorate's "Procedural Guide: Enforcement appeals - England": the
    // council's questionnaire within 2 weeks, statements within 6 weeks of the start date.
    // Start Monday 3 March 2025: 3 + 14 -> 17 March; 3 + 42 = 45 -> 14 April (31 in March).
    EXPECT_EQ(appeal_questionnaire_due(d("2025-03-03")), d("2025-03-17"));
    EXPECT_EQ(appeal_statement_due(d("2025-03-03")), d("2025-04-14"));
}

TEST(CaseClocks, ImmunityInEnglandEitherSideOfTwentyFifthApril2024) {
    // s171B(1): operational development substantially completed on 24 April 2024, the day
    // before LURA 2023 s115 came into force, keeps the 4-year limit (the transitional provision
    // of the commencement regulations): immune from 24 April 2028.
    EXPECT_EQ(immunity_rule(BreachType::Operational, Nation::England, d("2024-04-24")).years, 4);
    EXPECT_EQ(immunity_date(BreachType::Operational, Nation::England, d("2024-04-24")),
              d("2028-04-24"));
    // Completed on commencement day: s171B(1) as amended by s115, 10 years, immune from
    // 25 April 2034.
    EXPECT_EQ(immunity_rule(BreachType::Operational, Nation::England, d("2024-04-25")).years, 10);
    EXPECT_EQ(immunity_date(BreachType::Operational, Nation::England, d("2024-04-25")),
              d("2034-04-25"));
    // s171B(2), change of use to a single dwellinghouse: the same switch.
    EXPECT_EQ(immunity_date(BreachType::ChangeOfUseDwelling, Nation::England, d("2020-06-01")),
              d("2024-06-01"));
    EXPECT_EQ(immunity_date(BreachType::ChangeOfUseDwelling, Nation::England, d("2024-05-01")),
              d("2034-05-01"));
    // s171B(3), any other breach (a change of use to car repairs, a breach of condition): always
    // 10 years.
    EXPECT_EQ(immunity_date(BreachType::Other, Nation::England, d("2016-01-10")), d("2026-01-10"));
    EXPECT_EQ(immunity_date(BreachType::Condition, Nation::England, d("2023-01-01")),
              d("2033-01-01"));
    // The demo's ENF/26/0003: a side extension completed 1 December 2022 is immune from
    // 1 December 2026 (docs/demo.md): the 4 years beginning with 1 Dec 2022 end on 30 Nov 2026.
    EXPECT_EQ(immunity_date(BreachType::Operational, Nation::England, d("2022-12-01")),
              d("2026-12-01"));
}

TEST(CaseClocks, WalesKeepsTheFourAndTenYearSplit) {
    // s115 amends s171B for England only: Wales keeps 4 years (s171B(1), (2)) and 10 (s171B(3)).
    EXPECT_EQ(immunity_date(BreachType::Operational, Nation::Wales, d("2024-06-01")),
              d("2028-06-01"));
    EXPECT_EQ(immunity_date(BreachType::ChangeOfUseDwelling, Nation::Wales, d("2025-01-01")),
              d("2029-01-01"));
    EXPECT_EQ(immunity_date(BreachType::Other, Nation::Wales, d("2025-01-01")), d("2035-01-01"));
}

TEST(CaseClocks, LeapDayStarts) {
    // Completed 29 February 2024 (before commencement, 4 years): the period is 29 Feb 2024 ..
    // 28 Feb 2028 and 2028 is a leap year, so immunity starts on 29 February 2028.
    EXPECT_EQ(immunity_date(BreachType::Operational, Nation::England, d("2024-02-29")),
              d("2028-02-29"));
    // A breach of condition from 29 February 2024 (10 years): 2034 has no 29 February; the
    // period ends on 28 February 2034 and immunity starts on 1 March 2034 - not 28 February,
    // which Date::add_years would give and which would cut the period short by a day.
    EXPECT_EQ(immunity_date(BreachType::Condition, Nation::England, d("2024-02-29")),
              d("2034-03-01"));
    EXPECT_EQ(anniversary(d("2024-02-29"), 1), d("2025-03-01"));
    // Calendar months clamp to the month's end.
    EXPECT_EQ(add_months(d("2026-08-31"), 6), d("2027-02-28"));
    EXPECT_EQ(add_months(d("2027-08-31"), 6), d("2028-02-29"));
    EXPECT_EQ(add_months(d("2026-12-01"), -6), d("2026-06-01"));
}

TEST(WorkingDays, WeekdaysAndTheDataFile) {
    // 1 January 1970 was a Thursday; 29 February 2024 was a Thursday; 25 April 2024 a Thursday.
    EXPECT_EQ(iso_weekday(d("1970-01-01")), 4);
    EXPECT_EQ(iso_weekday(d("2024-02-29")), 4);
    EXPECT_EQ(iso_weekday(d("2023-05-08")), 1);
    const auto h = holidays();
    // The special days the gov.uk list carries.
    for (const char* day : {"2020-05-08", "2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08",
                            "2021-12-27", "2021-12-28", "2022-01-03", "2016-12-27"})
        EXPECT_TRUE(h.contains(d(day))) << day;
    // The days those replaced are ordinary working days.
    EXPECT_FALSE(h.contains(d("2020-05-04")));
    EXPECT_FALSE(h.contains(d("2022-05-30")));
    for (int y = 2015; y <= 2030; ++y)
        EXPECT_TRUE(h.covers(y)) << y;
    EXPECT_FALSE(h.covers(2031));
}

TEST(WorkingDays, AcknowledgementAcrossEaster) {
    // Received Thursday 17 April 2025. Good Friday 18 and Easter Monday 21 April are bank
    // holidays, so 5 working days are Tue 22, Wed 23, Thu 24, Fri 25, Mon 28 April.
    EXPECT_EQ(add_working_days(d("2025-04-17"), 5, holidays()), d("2025-04-28"));
    EXPECT_EQ(working_days_between(d("2025-04-17"), d("2025-04-28"), holidays()), 5);
}

TEST(WorkingDays, AcknowledgementAcrossChristmas) {
    // Received Tuesday 22 December 2026: Wed 23 (1), Thu 24 (2); Fri 25 Christmas; Mon 28 is
    // the substitute for Boxing Day (a Saturday); Tue 29 (3), Wed 30 (4), Thu 31 (5).
    EXPECT_EQ(add_working_days(d("2026-12-22"), 5, holidays()), d("2026-12-31"));
    // Christmas 2022 was a Sunday: Mon 26 Boxing Day, Tue 27 substitute. From Friday 23
    // December 2022, 3 working days are Wed 28, Thu 29, Fri 30.
    EXPECT_EQ(add_working_days(d("2022-12-23"), 3, holidays()), d("2022-12-30"));
    // The coronation: from Friday 5 May 2023, the next working day is Tuesday 9 May.
    EXPECT_EQ(add_working_days(d("2023-05-05"), 1, holidays()), d("2023-05-09"));
    // A complaint received on a Saturday: day 0 is the Saturday, so 1 working day is Monday.
    EXPECT_EQ(add_working_days(d("2026-08-08"), 1, holidays()), d("2026-08-10"));
}

TEST(WorkingDays, ParseRejectsBadFiles) {
    EXPECT_THROW(BankHolidays::parse_csv("date,title\n2024-02-30,x\n"), core::Error);
    EXPECT_THROW(BankHolidays::parse_csv("date,title\n2024-01-01,a\n2024-01-01,b\n"), core::Error);
    EXPECT_THROW(BankHolidays::parse_csv("date,title\n"), core::Error);
    const auto h = BankHolidays::parse_csv("date,title\r\n2024-12-25,Christmas Day\r\n");
    EXPECT_TRUE(h.contains(d("2024-12-25")));
    EXPECT_EQ(h.size(), 1u);
}

} // namespace
} // namespace redline::analysis
