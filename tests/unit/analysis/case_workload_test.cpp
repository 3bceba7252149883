// Case assessment, priority, workload order, the manager's summary and duplicate complaints
// (issue #8). Expected values are worked out by hand in the comments.
#include "analysis/case_intake.hpp"
#include "analysis/case_workload.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace redline::analysis {
namespace {

core::Date d(const char* text) {
    return *core::Date::parse(text);
}

const BankHolidays& holidays() {
    static const BankHolidays h = BankHolidays::load_default();
    return h;
}

CaseFile make_case(const char* ref, const char* opened, const char* breach_start = "",
                   BreachType type = BreachType::Other) {
    CaseFile c;
    c.record.reference = ref;
    c.record.opened_date = opened;
    c.record.breach_start_date = breach_start;
    c.record.officer = "J. Bloggs";
    c.breach_type = type;
    return c;
}

StageEntry stage(CaseStage s, const char* date) {
    StageEntry e;
    e.stage = s;
    e.date = d(date);
    return e;
}

const Clock* find_clock(const CaseAssessment& a, const std::string& name) {
    for (const auto& c : a.clocks)
        if (c.name == name)
            return &c;
    return nullptr;
}

TEST(Priority, ReasonsFromFindingsComplaintsTextAndImmunity) {
    auto c = make_case("A", "2026-01-05", "", BreachType::Operational);
    // Nothing to go on: P3 with targets 5 and 20 working days.
    auto p = assess_priority(c, std::nullopt, d("2026-01-05"));
    EXPECT_EQ(p.level, Priority::P3);
    EXPECT_EQ(p.acknowledge_working_days, 5);
    EXPECT_EQ(p.visit_working_days, 20);
    // An extension complaint on operational development: P2 (ongoing building works).
    c.complaint_categories = {"extension"};
    p = assess_priority(c, std::nullopt, d("2026-01-05"));
    EXPECT_EQ(p.level, Priority::P2);
    EXPECT_EQ(p.visit_working_days, 10);
    // A listed-building finding from the breach engine: P1, visit within 2 working days.
    c.findings = {true, {"pd-rear-depth", "listed-building-works"}};
    p = assess_priority(c, std::nullopt, d("2026-01-05"));
    EXPECT_EQ(p.level, Priority::P1);
    EXPECT_EQ(p.visit_working_days, 2);
    EXPECT_NE(p.reasons.front().find("listed-building-works"), std::string::npos);
    // The word "street" is not a tree.
    auto s = make_case("B", "2026-01-05");
    s.record.alleged_breach = "Car repairs on the street";
    EXPECT_EQ(assess_priority(s, std::nullopt, d("2026-01-05")).level, Priority::P3);
    s.record.alleged_breach = "Felling of a TPO tree";
    EXPECT_EQ(assess_priority(s, std::nullopt, d("2026-01-05")).level, Priority::P1);
}

TEST(Priority, SixMonthsBeforeImmunity) {
    const auto c = make_case("A", "2026-01-05");
    // Immune from 1 December 2026; 6 months earlier is 1 June 2026.
    EXPECT_EQ(assess_priority(c, d("2026-12-01"), d("2026-05-31")).level, Priority::P3);
    const auto p = assess_priority(c, d("2026-12-01"), d("2026-06-01"));
    EXPECT_EQ(p.level, Priority::P1);
    // 1 June to 1 December: 29 + 31 + 31 + 30 + 31 + 30 = 183 days.
    EXPECT_NE(p.reasons.front().find("183 days left"), std::string::npos) << p.reasons.front();
    // Already immune: no longer a reason to hurry.
    EXPECT_EQ(assess_priority(c, d("2026-12-01"), d("2026-12-01")).level, Priority::P3);
}

TEST(CaseAssessment, AcknowledgementAndVisitTargetsMetLateAndOverdue) {
    // P3 case, complaint received Thursday 17 April 2025: acknowledge by Mon 28 April (5 working
    // days across Easter), first visit within 20 working days: 22-25 Apr (4), 28 Apr-2 May (9),
    // 6-9 May (13; Mon 5 May early May bank holiday), 12-16 May (18), 19-20 May (20) -> 20 May.
    auto c = make_case("A", "2025-04-17");
    c.first_received = d("2025-04-17");
    c.stages = {stage(CaseStage::Acknowledged, "2025-04-29")};
    const auto a = assess_case(c, d("2025-05-21"), holidays());
    ASSERT_NE(find_clock(a, "acknowledge-by"), nullptr);
    EXPECT_EQ(find_clock(a, "acknowledge-by")->date, d("2025-04-28"));
    EXPECT_EQ(find_clock(a, "acknowledge-by")->state, ClockState::Late);
    EXPECT_EQ(find_clock(a, "first-visit-by")->date, d("2025-05-20"));
    EXPECT_EQ(find_clock(a, "first-visit-by")->state, ClockState::Overdue);
    // Resolve within 13 weeks: 17 April + 91 days = 17 July.
    EXPECT_EQ(find_clock(a, "resolve-by")->date, d("2025-07-17"));
}

TEST(CaseAssessment, EnforcementNoticeAppealSuspendsComplianceAndStopsImmunity) {
    auto c = make_case("A", "2026-06-19", "2026-06-01", BreachType::Operational);
    StageEntry en = stage(CaseStage::NoticeIssued, "2026-08-03");
    en.notice = NoticeKind::EnforcementNotice;
    en.served = d("2026-08-05");
    en.effective = d("2026-09-09");
    en.compliance_days = 28;
    c.stages = {en};
    auto a = assess_case(c, d("2026-09-01"), holidays());
    // Effective 9 September; last day to appeal 8 September; compliance 9 Sep + 28 = 7 October.
    EXPECT_EQ(find_clock(a, "notice-effective")->date, d("2026-09-09"));
    EXPECT_EQ(find_clock(a, "appeal-deadline")->date, d("2026-09-08"));
    EXPECT_EQ(find_clock(a, "compliance-due")->date, d("2026-10-07"));
    EXPECT_EQ(find_clock(a, "compliance-due")->state, ClockState::Pending);
    // Issuing the notice before immunity (2036-06-01) stopped the clock (s171A(2)).
    EXPECT_EQ(find_clock(a, "immunity_date")->state, ClockState::Stopped);
    // An appeal (start date 26 October): compliance is suspended, not overdue, on 1 November;
    // the questionnaire is due 26 Oct + 14 = 9 November.
    c.stages.push_back(stage(CaseStage::Appeal, "2026-10-26"));
    a = assess_case(c, d("2026-11-01"), holidays());
    EXPECT_EQ(find_clock(a, "compliance-due")->state, ClockState::Suspended);
    EXPECT_EQ(find_clock(a, "appeal-questionnaire-due")->date, d("2026-11-09"));
}

TEST(CaseAssessment, NoticeDatesThatBreakTheActAreFlagged) {
    auto c = make_case("A", "2026-01-05");
    StageEntry en = stage(CaseStage::NoticeIssued, "2026-02-01");
    en.notice = NoticeKind::EnforcementNotice;
    en.served = d("2026-02-02");
    en.effective = d("2026-02-20"); // 18 days after service: too soon (s172(3)(b))
    c.stages = {en};
    const auto a = assess_case(c, d("2026-02-03"), holidays());
    EXPECT_NE(find_clock(a, "notice-effective")->note.find("may be invalid"), std::string::npos);
    // Without a service date the serve-by clock is shown: 1 Feb + 28 = 1 March.
    c.stages[0].served.reset();
    const auto b = assess_case(c, d("2026-02-03"), holidays());
    EXPECT_EQ(find_clock(b, "serve-by")->date, d("2026-03-01"));
}

TEST(Workload, OverdueFirstThenNearestDateThenPriority) {
    const core::Date as_of = d("2026-11-01");
    // 1: immune since 10 January 2026 (other breach from 2016-01-10): overdue 295 days.
    auto immune = make_case("IMMUNE", "2026-10-21", "2016-01-10");
    immune.stages = {stage(CaseStage::Acknowledged, "2026-10-21")};
    // 2: PCN served 20 October: reply due 9 November (pending).
    auto pcn = make_case("PCN", "2026-09-03");
    pcn.stages = {stage(CaseStage::Acknowledged, "2026-09-04"),
                  stage(CaseStage::SiteVisit, "2026-09-10"),
                  stage(CaseStage::Investigation, "2026-10-20")};
    // 3: P3, complaint 1 October never visited: visit due 20 working days later, 29 October
    // (2 Oct (1), 5-9 (6), 12-16 (11), 19-23 (16), 26-29 (20)): overdue by 3 days.
    auto unvisited = make_case("UNVISITED", "2026-10-01");
    unvisited.stages = {stage(CaseStage::Acknowledged, "2026-10-02")};
    // 4: closed: not in the workload.
    auto closed = make_case("CLOSED", "2026-05-01");
    auto done = stage(CaseStage::Closed, "2026-06-01");
    done.outcome = CaseOutcome::NoBreach;
    closed.stages = {done};
    // 5: same PCN date as 2 but P1 (listed building): sorts before it.
    auto listed = pcn;
    listed.record.reference = "LISTED";
    listed.record.alleged_breach = "Works to a listed building";
    listed.record.officer = "A. Khan";

    const std::vector<CaseFile> cases = {pcn, closed, unvisited, listed, immune};
    const auto items = build_workload(cases, as_of, holidays());
    ASSERT_EQ(items.size(), 4u);
    EXPECT_EQ(items[0].reference, "IMMUNE");
    EXPECT_TRUE(items[0].overdue);
    EXPECT_EQ(items[0].days_left, -295);
    EXPECT_EQ(items[1].reference, "UNVISITED");
    EXPECT_EQ(items[1].next->date, d("2026-10-29"));
    EXPECT_EQ(items[1].due, "first site visit");
    EXPECT_EQ(items[2].reference, "LISTED");
    EXPECT_EQ(items[2].priority, Priority::P1);
    EXPECT_EQ(items[3].reference, "PCN");
    EXPECT_EQ(items[3].next->name, "pcn-reply-due");
    EXPECT_EQ(items[3].days_left, 8);
    EXPECT_NE(items[3].why.find("s171D"), std::string::npos);

    const auto mine = build_workload(cases, as_of, holidays(), {}, std::string("A. Khan"));
    ASSERT_EQ(mine.size(), 1u);
    EXPECT_EQ(mine[0].reference, "LISTED");
}

TEST(Workload, ManagersSummary) {
    const core::Date as_of = d("2026-11-01");
    // Acknowledged on time (received Thu 1 Oct, 5 working days -> Thu 8 Oct; acked 2 Oct) and
    // closed within 13 weeks.
    auto a = make_case("A", "2026-10-01");
    auto closed = stage(CaseStage::Closed, "2026-10-20");
    closed.outcome = CaseOutcome::Complied;
    a.stages = {stage(CaseStage::Acknowledged, "2026-10-02"), closed};
    // Acknowledged late (opened Mon 1 June, due Mon 8 June, acked 10 June), open 153 days
    // (13-26 weeks band), not resolved in 13 weeks (31 August passed).
    auto b = make_case("B", "2026-06-01");
    b.stages = {stage(CaseStage::Acknowledged, "2026-06-10"),
                stage(CaseStage::SiteVisit, "2026-06-12")};
    // Opened yesterday: nothing due yet for the measures; 0-4 weeks band.
    auto c = make_case("C", "2026-10-31");
    const auto s = summarise_workload({a, b, c}, as_of, holidays());
    EXPECT_EQ(s.open_cases, 2);
    EXPECT_EQ(s.closed_cases, 1);
    EXPECT_EQ(s.by_stage.at("site-visit"), 1);
    EXPECT_EQ(s.by_stage.at("received"), 1);
    EXPECT_EQ(s.by_age[0].second, 1); // C
    EXPECT_EQ(s.by_age[2].second, 1); // B, 153 days: 13-26 weeks
    ASSERT_EQ(s.performance.size(), 3u);
    EXPECT_EQ(s.performance[0].met, 1);   // A
    EXPECT_EQ(s.performance[0].total, 2); // A and B
    EXPECT_DOUBLE_EQ(*s.performance[0].percent(), 50.0);
    EXPECT_EQ(s.performance[2].met, 1);   // A resolved in 19 days
    EXPECT_EQ(s.performance[2].total, 2); // B's 13 weeks are over
    // C's acknowledgement (Sat 31 Oct + 5 working days = Fri 6 Nov) is within 30 days.
    const bool c_ack = std::any_of(s.next_30_days.begin(), s.next_30_days.end(), [](auto& u) {
        return u.reference == "C" && u.clock.name == "acknowledge-by" &&
               u.clock.date == core::Date{2026, 11, 6};
    });
    EXPECT_TRUE(c_ack);
}

TEST(Intake, DuplicatesBySameCurtilageOrDistance) {
    auto complaint = [](const char* ref, const char* date, double x, double y) {
        core::Complaint c;
        c.reference = ref;
        c.received_date = date;
        c.location = {x, y};
        return c;
    };
    // Two 10 m x 20 m plots side by side, sharing the wall at x = 10.
    core::Polygon left{{{{0, 0}, {10, 0}, {10, 20}, {0, 20}, {0, 0}}}};
    core::Polygon right{{{{10, 0}, {20, 0}, {20, 20}, {10, 20}, {10, 0}}}};
    const std::vector<Curtilage> plots = {{"100", core::Geometry::polygon(left)},
                                          {"200", core::Geometry::polygon(right)}};
    const std::vector<core::Complaint> cs = {
        complaint("C1", "2026-09-02", 5, 15),  // plot 100
        complaint("C2", "2026-09-20", 5, 3),   // plot 100, 18 days later, 12 m away
        complaint("C3", "2026-09-21", 11, 15), // plot 200, only 6 m from C1: a neighbour
        complaint("C4", "2026-11-30", 6, 15),  // plot 100 but 89 days after C1
    };
    const auto pairs = find_duplicate_complaints(cs, plots, 30, 25);
    ASSERT_EQ(pairs.size(), 1u);
    EXPECT_EQ(pairs[0].keep, "C1");
    EXPECT_EQ(pairs[0].duplicate, "C2");
    EXPECT_EQ(pairs[0].days_apart, 18);
    EXPECT_DOUBLE_EQ(pairs[0].distance_m, 12.0);
    // Without curtilages distance decides: C1-C2 (12 m), C1-C3 (6 m), C2-C3 (sqrt(36+144) =
    // 13.4 m); C4 is too late for all.
    const auto by_distance = find_duplicate_complaints(cs, {}, 30, 25);
    EXPECT_EQ(by_distance.size(), 3u);
    EXPECT_EQ(find_duplicate_complaints(cs, {}, 30, 10).size(), 1u); // C1-C3 only
}

} // namespace
} // namespace redline::analysis
