#include "analysis/case_assessment.hpp"

#include <algorithm>

namespace redline::analysis {
namespace {

/// First stage entry at or after `from` (in sorted order) whose stage order is >= `min`.
std::optional<core::Date> reached(const std::vector<StageEntry>& stages, CaseStage min,
                                  std::size_t from = 0) {
    for (std::size_t i = from; i < stages.size(); ++i)
        if (stages[i].stage >= min && stages[i].stage != CaseStage::Received)
            return stages[i].date;
    return std::nullopt;
}

class ClockBuilder {
public:
    ClockBuilder(const core::Date& as_of, bool closed) : m_as_of(as_of), m_closed(closed) {}

    /// An action: met when `done` (late if after the date), else overdue once past.
    Clock& action(std::string name, core::Date date, std::string what, std::string basis,
                  std::optional<core::Date> done, bool statutory = true) {
        Clock c{std::move(name),     date,      ClockKind::Action,
                ClockState::Pending, statutory, std::move(what),
                std::move(basis),    done,      ""};
        if (done)
            c.state = *done <= date ? ClockState::Met : ClockState::Late;
        else if (date < m_as_of)
            c.state = ClockState::Overdue;
        m_clocks.push_back(std::move(c));
        return m_clocks.back();
    }
    /// An event: pending until its date, then passed.
    Clock& event(std::string name, core::Date date, std::string what, std::string basis) {
        Clock c{std::move(name),     date,         ClockKind::Event,
                ClockState::Pending, true,         std::move(what),
                std::move(basis),    std::nullopt, ""};
        if (date < m_as_of)
            c.state = ClockState::Passed;
        m_clocks.push_back(std::move(c));
        return m_clocks.back();
    }
    std::vector<Clock> take() {
        // An open action of a closed case is no longer due: show it as passed, never overdue.
        for (auto& c : m_clocks)
            if (m_closed && c.kind == ClockKind::Action &&
                (c.state == ClockState::Overdue || c.state == ClockState::Pending))
                c.state = ClockState::Passed;
        std::stable_sort(m_clocks.begin(), m_clocks.end(),
                         [](const Clock& a, const Clock& b) { return a.date < b.date; });
        return std::move(m_clocks);
    }

private:
    core::Date m_as_of;
    bool m_closed;
    std::vector<Clock> m_clocks;
};

std::string days_text(int n) {
    return std::to_string(n) + (n == 1 ? " day" : " days");
}

/// The clocks of one notice-issued entry (`i` indexes `stages`).
void notice_clocks(ClockBuilder& b, const std::vector<StageEntry>& stages, std::size_t i) {
    const StageEntry& s = stages[i];
    const NoticeKind kind = s.notice.value_or(NoticeKind::EnforcementNotice);
    const core::Date served = s.served.value_or(s.date);
    // Any later stage means the officer has moved on from this notice's own actions.
    const auto later = reached(stages, CaseStage::Appeal, i + 1);
    std::optional<core::Date> appeal;
    for (std::size_t j = i + 1; j < stages.size(); ++j)
        if (stages[j].stage == CaseStage::Appeal) {
            appeal = stages[j].date;
            break;
        }
    switch (kind) {
    case NoticeKind::EnforcementNotice:
    case NoticeKind::UntidyLand: {
        const bool en = kind == NoticeKind::EnforcementNotice;
        if (en && !s.served)
            b.action("serve-by", enforcement_notice_serve_by(s.date),
                     "serve the enforcement notice (issued " + s.date.to_string() + ")",
                     "TCPA 1990 s172(3)(a): served not later than 28 days after issue",
                     std::nullopt);
        const core::Date earliest = en ? enforcement_notice_earliest_effective(served)
                                       : untidy_land_earliest_effective(served);
        const core::Date effective = s.effective.value_or(earliest);
        auto& eff = b.event("notice-effective", effective,
                            std::string(en ? "enforcement" : "s215") + " notice takes effect",
                            en ? "TCPA 1990 s172(3)(b): at least 28 days after service"
                               : "TCPA 1990 s215(4): at least 28 days after service");
        if (!s.effective)
            eff.note = "effective date not recorded: the earliest lawful date is shown";
        else if (effective < earliest)
            eff.note = "takes effect less than 28 days after service (" + served.to_string() +
                       "): the notice may be invalid";
        else if (effective == earliest)
            eff.note = "exactly 28 days after service: no margin if 'not less than 28 days' is "
                       "read as clear days";
        b.event("appeal-deadline", appeal_last_day(effective), "last day for an appeal to arrive",
                en ? "TCPA 1990 s174(3): an appeal must be made before the notice takes effect"
                   : "TCPA 1990 s217(1): appeal to the magistrates' court before it takes "
                     "effect");
        if (s.compliance_days) {
            auto& comp = b.action(
                "compliance-due", notice_compliance_date(effective, *s.compliance_days),
                "check compliance (" + days_text(*s.compliance_days) + " after taking effect)",
                en ? "TCPA 1990 s173(9): compliance period runs from the date it takes effect"
                   : "TCPA 1990 s215(2): period for compliance after it takes effect",
                reached(stages, CaseStage::ComplianceCheck, i + 1));
            // An appeal can only be made before the notice takes effect (s174(3)), so any appeal
            // recorded after the notice suspends it, whatever the Inspectorate's start date.
            if (appeal && comp.state != ClockState::Met) {
                comp.state = ClockState::Suspended;
                comp.note = "appeal lodged " + appeal->to_string() +
                            ": the notice has no effect until the appeal is decided (s175(4))";
            }
        }
        break;
    }
    case NoticeKind::StopNotice: {
        const core::Date latest = stop_notice_latest_effective(served);
        auto& eff =
            b.event("stop-notice-effective", s.effective.value_or(latest),
                    "stop notice takes effect", "TCPA 1990 s184(3): 3 to 28 days after service");
        if (!s.effective)
            eff.note = "effective date not recorded: the latest lawful date is shown";
        else if (*s.effective < stop_notice_earliest_effective(served))
            eff.note = "earlier than 3 days after service: a statement of special reasons must "
                       "be served with it (s184(3)(a))";
        else if (latest < *s.effective)
            eff.note = "later than 28 days after service: not allowed (s184(3)(b))";
        break;
    }
    case NoticeKind::TemporaryStopNotice: {
        const int days = temporary_stop_notice_days(served);
        b.action("tsn-expires", temporary_stop_notice_last_day(served),
                 "temporary stop notice lapses after this day: decide on an enforcement notice "
                 "and stop notice or an injunction",
                 "TCPA 1990 s171E(7)(a): " + days_text(days) +
                     " starting on the day first displayed" +
                     (days == 56 ? " (as amended by LURA 2023 s116, from 25 April 2024)"
                                 : " (before 25 April 2024)"),
                 later);
        break;
    }
    case NoticeKind::BreachOfConditionNotice: {
        const int days = s.compliance_days.value_or(28);
        auto& comp = b.action("compliance-due", breach_of_condition_compliance_date(served, days),
                              "check compliance with the breach of condition notice",
                              "TCPA 1990 s187A(7): at least 28 days beginning with service; "
                              "no appeal",
                              reached(stages, CaseStage::ComplianceCheck, i + 1));
        if (days < 28)
            comp.note = "compliance period under 28 days: not allowed (s187A(7))";
        else if (!s.compliance_days)
            comp.note = "compliance period not recorded: the 28-day minimum is shown";
        break;
    }
    }
}

} // namespace

CaseAssessment assess_case(const CaseFile& c, const core::Date& as_of, const BankHolidays& holidays,
                           const Targets& targets) {
    CaseAssessment out;
    out.reference = c.record.reference;
    const auto stages = sorted_stages(c);
    out.stage = stages.empty() ? CaseStage::Received : stages.back().stage;
    const bool closed = out.stage == CaseStage::Closed;
    if (closed)
        out.outcome = stages.back().outcome;
    ClockBuilder b(as_of, closed);

    // Immunity first: the priority depends on it. Enforcement action taken in time (issuing an
    // enforcement notice or serving a breach of condition notice, s171A(2)) stops the clock; an
    // enforcement warning notice does not (s172ZA).
    std::optional<core::Date> running_immunity;
    if (const auto start = core::Date::parse(c.record.breach_start_date)) {
        const auto rule = immunity_rule(c.breach_type, c.nation, *start);
        out.immunity_date = anniversary(*start, rule.years);
        out.immunity_basis = rule.basis;
        std::optional<core::Date> action_taken;
        for (const auto& s : stages)
            if (s.stage == CaseStage::NoticeIssued && s.date < *out.immunity_date &&
                (s.notice == NoticeKind::EnforcementNotice ||
                 s.notice == NoticeKind::BreachOfConditionNotice)) {
                action_taken = s.date;
                break;
            }
        if (!closed) {
            auto& imm = b.action("immunity_date", *out.immunity_date,
                                 "take enforcement action before this day (issue an enforcement "
                                 "notice or serve a breach of condition notice)",
                                 rule.basis + ", breach from " + start->to_string(), action_taken);
            if (action_taken) {
                imm.state = ClockState::Stopped;
            } else {
                running_immunity = out.immunity_date;
                if (imm.state == ClockState::Overdue) {
                    imm.action = "immune since " + imm.date.to_string() +
                                 ": enforcement action is out of time";
                    imm.note = "immune: close with outcome 'immune', or check for deliberate "
                               "concealment (s171BA planning enforcement order)";
                }
            }
        }
    }
    out.priority = assess_priority(c, running_immunity, as_of, targets);

    // Council targets, in working days from receipt of the (first) complaint.
    const auto opened = core::Date::parse(c.record.opened_date).value_or(as_of);
    const core::Date received = c.first_received.value_or(opened);
    const std::string prio = to_string(out.priority.level);
    b.action("acknowledge-by",
             add_working_days(received, out.priority.acknowledge_working_days, holidays),
             "acknowledge the complaint",
             prio + " target: " + std::to_string(out.priority.acknowledge_working_days) +
                 " working days from receipt (" + received.to_string() + ")",
             reached(stages, CaseStage::Acknowledged), false);
    b.action("first-visit-by",
             add_working_days(received, out.priority.visit_working_days, holidays),
             "first site visit",
             prio + " target: " + std::to_string(out.priority.visit_working_days) +
                 " working days from receipt (" + received.to_string() + ")",
             reached(stages, CaseStage::SiteVisit), false);
    const auto end = add_working_days(received, out.priority.visit_working_days, holidays);
    if (const int y = first_uncovered_year(received, end, holidays))
        out.warnings.push_back("no bank holidays known for " + std::to_string(y) +
                               ": working days count weekends only");
    std::optional<core::Date> closed_on;
    if (closed)
        closed_on = stages.back().date;
    auto& resolve = b.action(
        "resolve-by", opened.add_days(targets.resolve_days), "resolve the case",
        "target: resolve within " + std::to_string(targets.resolve_days / 7) + " weeks of opening",
        closed_on, false);
    // A missed resolution target is a performance measure, not work that falls due on a day.
    if (resolve.state == ClockState::Overdue) {
        resolve.state = ClockState::Passed;
        resolve.note = "13-week target missed";
    }

    for (std::size_t i = 0; i < stages.size(); ++i) {
        const StageEntry& s = stages[i];
        if (s.stage == CaseStage::Investigation) {
            const core::Date served = s.served.value_or(s.date);
            b.action("pcn-reply-due", pcn_reply_last_day(served),
                     "planning contravention notice reply (served " + served.to_string() + ")",
                     "TCPA 1990 s171D(1): 21 days beginning with the day of service; not "
                     "replying is an offence",
                     reached(stages, CaseStage::Negotiation, i + 1));
        } else if (s.stage == CaseStage::NoticeIssued) {
            notice_clocks(b, stages, i);
        } else if (s.stage == CaseStage::Appeal) {
            const auto next = reached(stages, CaseStage::ComplianceCheck, i + 1);
            const std::string basis = "Planning Inspectorate, Procedural Guide: Enforcement "
                                      "appeals - England (start date " +
                                      s.date.to_string() + ")";
            b.action("appeal-questionnaire-due", appeal_questionnaire_due(s.date),
                     "send the appeal questionnaire and a copy of the notice", basis + ": 2 weeks",
                     next);
            b.action("appeal-statement-due", appeal_statement_due(s.date),
                     "send the council's appeal statement", basis + ": 6 weeks", next);
        }
    }
    out.clocks = b.take();
    return out;
}

} // namespace redline::analysis
