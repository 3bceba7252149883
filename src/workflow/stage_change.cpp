#include "workflow/stage_change.hpp"

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <algorithm>

namespace redline::workflow {
namespace {

void check_known(const std::vector<std::string>& names, const std::string& s, const char* what) {
    if (std::find(names.begin(), names.end(), s) != names.end())
        return;
    std::string list;
    for (const auto& n : names)
        list += (list.empty() ? "" : ", ") + n;
    throw core::UsageError(std::string(what) + " '" + s + "' is not one of: " + list);
}

int compliance_days(const std::string& text) {
    double n = 0;
    if (!core::parse_double(core::trim(text), n) || n != static_cast<int>(n) || n < 1 || n > 3660)
        throw core::UsageError("compliance period '" + text +
                               "': a whole number of days from 1 to 3660");
    return static_cast<int>(n);
}

/// The notice kinds an appeal can lie against: an enforcement notice (s174, to the Secretary of
/// State) and an untidy-land notice (s217, to the magistrates' court). A breach of condition
/// notice, a stop notice and a temporary stop notice have no appeal.
bool appealable(const std::string& notice_kind) {
    return notice_kind == "enforcement-notice" || notice_kind == "s215";
}

} // namespace

std::string strict_date(const std::string& what, const std::string& text) {
    const auto d = core::Date::parse(text);
    if (!d || d->to_string() != text)
        throw core::UsageError(what + " '" + text + "': not a real date (YYYY-MM-DD)");
    return text;
}

store::CaseStageRecord validate_stage_change(const StageInput& in, const core::EnforcementCase& c,
                                             const std::vector<store::CaseStageRecord>& history) {
    store::CaseStageRecord r;
    r.stage = core::trim(in.stage);
    check_known(store::case_stage_names(), r.stage, "stage");
    if (core::trim(in.date).empty())
        throw core::UsageError("a stage change needs its date (YYYY-MM-DD)");
    r.date = strict_date("date", core::trim(in.date));
    const bool notice = r.stage == "notice-issued";
    const bool pcn = r.stage == "investigation";
    if (!core::trim(in.served).empty()) {
        if (!notice && !pcn)
            throw core::UsageError("a served date belongs to investigation (the PCN) or "
                                   "notice-issued, not to " +
                                   r.stage);
        r.served_date = strict_date("served date", core::trim(in.served));
    }
    if (!core::trim(in.effective).empty()) {
        if (!notice)
            throw core::UsageError("an effective date belongs to notice-issued, not to " + r.stage);
        r.effective_date = strict_date("effective date", core::trim(in.effective));
    }
    if (!core::trim(in.compliance_days).empty()) {
        if (!notice)
            throw core::UsageError("a compliance period belongs to notice-issued, not to " +
                                   r.stage);
        r.compliance_days = compliance_days(in.compliance_days);
    }
    r.notice_kind = core::trim(in.notice);
    if (notice)
        check_known(store::notice_kind_names(), r.notice_kind, "notice kind");
    else if (!r.notice_kind.empty())
        throw core::UsageError("a notice kind belongs to the notice-issued stage only");
    r.outcome = core::trim(in.outcome);
    if (r.stage == "closed")
        check_known(store::case_outcome_names(), r.outcome, "outcome");
    else if (!r.outcome.empty())
        throw core::UsageError("an outcome belongs to the closed stage only");
    r.note = in.note;

    // Transitions: the record is evidence of what the council did and when, so dates that
    // cannot have happened in that order are refused rather than stored.
    if (!c.opened_date.empty() && r.date < c.opened_date)
        throw core::UsageError("case '" + c.reference + "' was opened on " + c.opened_date +
                               ": a stage cannot be dated " + r.date);
    std::string latest_date, latest_stage;
    for (const auto& h : history)
        if (h.date >= latest_date) {
            latest_date = h.date;
            latest_stage = h.stage;
        }
    if (!latest_date.empty() && r.date < latest_date)
        throw core::UsageError("case '" + c.reference + "' is at " + latest_stage + " since " +
                               latest_date + ": a later stage cannot be dated " + r.date +
                               " (the history is append-only, in date order)");
    if (notice && !r.served_date.empty() && r.served_date < r.date)
        throw core::UsageError("served date " + r.served_date +
                               " is before the notice was issued (" + r.date + ")");
    if (!r.effective_date.empty() && r.effective_date < std::max(r.date, r.served_date))
        throw core::UsageError("effective date " + r.effective_date +
                               " is before the notice was issued or served");
    if (r.stage == "appeal") {
        const bool any = std::any_of(history.begin(), history.end(), [&](const auto& h) {
            return h.stage == "notice-issued" && appealable(h.notice_kind) && h.date <= r.date;
        });
        if (!any)
            throw core::UsageError("case '" + c.reference +
                                   "' has no enforcement notice or s215 notice issued: there is "
                                   "nothing to appeal (s174, s217)");
    }
    return r;
}

store::CaseStageRecord record_stage_change(store::Workspace& ws, const std::string& case_ref,
                                           const StageInput& input) {
    const auto cases = ws.cases();
    const auto it = std::find_if(cases.begin(), cases.end(),
                                 [&](const auto& c) { return c.reference == case_ref; });
    if (it == cases.end())
        throw core::StoreError("case '" + case_ref + "' does not exist");
    store::CaseStageRecord r = validate_stage_change(input, *it, ws.case_stages(case_ref));
    ws.add_case_stage(case_ref, r);
    return r;
}

} // namespace redline::workflow
