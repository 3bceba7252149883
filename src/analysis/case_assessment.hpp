#pragma once
// Everything that is due on one case on a given day: its stage, its priority with reasons, and
// every clock (statutory and target) with its state. Pure: the caller supplies the case file, the
// bank holidays and the date.

#include "analysis/case_clocks.hpp"
#include "analysis/case_stage.hpp"
#include "analysis/priority.hpp"
#include "analysis/working_days.hpp"

#include <optional>
#include <string>
#include <vector>

namespace redline::analysis {

struct CaseAssessment {
    std::string reference;
    CaseStage stage = CaseStage::Received;
    std::optional<CaseOutcome> outcome; ///< when closed
    PriorityAssessment priority;
    /// s171B immunity: the first day no enforcement action may be taken; nullopt when the breach
    /// start date is unknown.
    std::optional<core::Date> immunity_date;
    std::string immunity_basis;
    std::vector<Clock> clocks;         ///< in date order
    std::vector<std::string> warnings; ///< e.g. bank holidays missing for a year
};

/// Assess one case on `as_of`. Clocks by stage:
/// - targets: acknowledge-by and first-visit-by (working days from the first complaint's receipt,
///   by priority), resolve-by (opened + 13 weeks);
/// - investigation: pcn-reply-due (s171D);
/// - notice-issued: per notice kind (enforcement-notice: serve-by, notice-effective,
///   appeal-deadline, compliance-due; stop-notice; temporary-stop-notice; breach of condition;
///   s215), compliance suspended by a later appeal stage (s175(4));
/// - appeal: questionnaire and statement due (PINS timetable);
/// - immunity_date while the case is open (stopped by an enforcement notice or breach of
///   condition notice issued before it, s171A(2)).
/// A closed case's action clocks are finished: met if done, else not listed as overdue.
CaseAssessment assess_case(const CaseFile& c, const core::Date& as_of, const BankHolidays& holidays,
                           const Targets& targets = {});

} // namespace redline::analysis
