#include "analysis/case_workload.hpp"

#include <algorithm>

namespace redline::analysis {
namespace {

bool is_open_clock(const Clock& c) {
    return c.state == ClockState::Pending || c.state == ClockState::Overdue;
}

bool selected(const CaseFile& c, const std::optional<std::string>& officer) {
    return !officer || c.record.officer == *officer;
}

WorkloadItem item_for(const CaseFile& c, const CaseAssessment& a, const core::Date& as_of) {
    WorkloadItem item;
    item.reference = c.record.reference;
    item.officer = c.record.officer;
    item.stage = a.stage;
    item.priority = a.priority.level;
    item.priority_reasons = a.priority.reasons;
    // Clocks are in date order, so the first overdue action is the longest overdue.
    const Clock* chosen = nullptr;
    for (const auto& clock : a.clocks)
        if (clock.state == ClockState::Overdue) {
            chosen = &clock;
            break;
        }
    // The resolution target is how the case is measured, not a task: it leads only when nothing
    // else is pending.
    for (const bool allow_resolve : {false, true}) {
        if (chosen)
            break;
        for (const auto& clock : a.clocks)
            if (clock.state == ClockState::Pending &&
                (allow_resolve || clock.name != "resolve-by")) {
                chosen = &clock;
                break;
            }
    }
    item.overdue = chosen && chosen->state == ClockState::Overdue;
    if (chosen) {
        item.next = *chosen;
        item.days_left = chosen->days_left(as_of);
        item.due = chosen->action;
        item.why = chosen->basis;
        if (!chosen->note.empty())
            item.why += "; " + chosen->note;
    }
    for (const auto& clock : a.clocks)
        if (&clock != chosen && is_open_clock(clock))
            item.also_due.push_back(clock);
    return item;
}

} // namespace

std::vector<WorkloadItem> build_workload(const std::vector<CaseFile>& cases,
                                         const core::Date& as_of, const BankHolidays& holidays,
                                         const Targets& targets,
                                         const std::optional<std::string>& officer) {
    std::vector<WorkloadItem> out;
    for (const auto& c : cases) {
        if (!selected(c, officer))
            continue;
        const auto a = assess_case(c, as_of, holidays, targets);
        if (a.stage == CaseStage::Closed)
            continue;
        out.push_back(item_for(c, a, as_of));
    }
    std::stable_sort(out.begin(), out.end(), [](const WorkloadItem& x, const WorkloadItem& y) {
        if (x.overdue != y.overdue)
            return x.overdue;
        if (x.next.has_value() != y.next.has_value())
            return x.next.has_value();
        if (x.next && y.next && x.next->date != y.next->date)
            return x.next->date < y.next->date;
        if (x.priority != y.priority)
            return x.priority < y.priority;
        return x.reference < y.reference;
    });
    return out;
}

WorkloadSummary summarise_workload(const std::vector<CaseFile>& cases, const core::Date& as_of,
                                   const BankHolidays& holidays, const Targets& targets,
                                   const std::optional<std::string>& officer) {
    WorkloadSummary s;
    s.as_of = as_of;
    s.by_age = {{"0-4 weeks", 0},
                {"4-13 weeks", 0},
                {"13-26 weeks", 0},
                {"26-52 weeks", 0},
                {"over 52 weeks", 0}};
    Performance ack{"acknowledged within " +
                    std::to_string(targets.performance_acknowledge_working_days) + " working days"};
    Performance visit{"first visit within the priority's target"};
    Performance resolve{"resolved within " + std::to_string(targets.resolve_days / 7) + " weeks"};
    const core::Date horizon = as_of.add_days(30);

    for (const auto& c : cases) {
        if (!selected(c, officer))
            continue;
        const auto a = assess_case(c, as_of, holidays, targets);
        const bool closed = a.stage == CaseStage::Closed;
        const auto stages = sorted_stages(c);
        const auto opened = core::Date::parse(c.record.opened_date).value_or(as_of);
        const core::Date received = c.first_received.value_or(opened);

        // Acknowledgement against the fixed performance standard, not the priority's target.
        const core::Date ack_due =
            add_working_days(received, targets.performance_acknowledge_working_days, holidays);
        std::optional<core::Date> acked;
        for (const auto& st : stages)
            if (st.stage != CaseStage::Received) {
                acked = st.date;
                break;
            }
        if (acked || ack_due < as_of) {
            ++ack.total;
            ack.met += acked && *acked <= ack_due ? 1 : 0;
        }
        for (const auto& clock : a.clocks) {
            if (clock.name == "first-visit-by" && (clock.met_on || clock.date < as_of)) {
                ++visit.total;
                visit.met += clock.state == ClockState::Met ? 1 : 0;
            }
            if (clock.name == "resolve-by" && (clock.met_on || clock.date < as_of)) {
                ++resolve.total;
                resolve.met += clock.state == ClockState::Met ? 1 : 0;
            }
        }
        if (closed) {
            ++s.closed_cases;
            continue;
        }
        ++s.open_cases;
        ++s.by_stage[to_string(a.stage)];
        ++s.by_priority[to_string(a.priority.level)];
        const long age_days = as_of.days_since_epoch() - opened.days_since_epoch();
        const std::size_t band = age_days < 28    ? 0
                                 : age_days < 91  ? 1
                                 : age_days < 182 ? 2
                                 : age_days < 364 ? 3
                                                  : 4;
        ++s.by_age[band].second;
        bool overdue = false;
        for (const auto& clock : a.clocks) {
            overdue = overdue || clock.state == ClockState::Overdue;
            if (clock.state == ClockState::Pending && !(horizon < clock.date))
                s.next_30_days.push_back({c.record.reference, c.record.officer, clock});
        }
        s.overdue_cases += overdue ? 1 : 0;
    }
    std::stable_sort(s.next_30_days.begin(), s.next_30_days.end(),
                     [](const UpcomingDeadline& x, const UpcomingDeadline& y) {
                         if (x.clock.date != y.clock.date)
                             return x.clock.date < y.clock.date;
                         return x.reference < y.reference;
                     });
    s.performance = {ack, visit, resolve};
    return s;
}

} // namespace redline::analysis
