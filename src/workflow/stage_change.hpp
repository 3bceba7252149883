#pragma once
// A case's stage change as typed by a user, checked once for both front ends: `redline-cli case
// stage` and the viewer's "Record stage" form call the same validation and the same write, so a
// date or a transition refused in one is refused in the other with the same words.

#include "store/workspace.hpp"

#include <string>
#include <vector>

namespace redline::workflow {

/// The fields of a stage change as text, exactly as typed ("" = not given).
struct StageInput {
    std::string stage;           ///< received, acknowledged, site-visit, ... (store names)
    std::string date;            ///< YYYY-MM-DD, required: when the case entered the stage
    std::string served;          ///< PCN or notice served (TSN: first displayed)
    std::string effective;       ///< date the notice takes effect (notice-issued only)
    std::string compliance_days; ///< whole days, 1..3660 (notice-issued only)
    std::string notice;          ///< notice-issued: enforcement-notice, ...
    std::string outcome;         ///< closed: no-breach, not-expedient, ...
    std::string note;
};

/// Check a stage change against the case and its recorded history and return the record to
/// store. Throws core::UsageError with the reason (field named) for: an unknown stage, notice
/// kind or outcome; a date that is not a real YYYY-MM-DD; a notice kind or outcome on the wrong
/// stage (or missing where required); a served / effective date or compliance period on a stage
/// that has none; a stage dated before the case was opened or before its latest recorded stage
/// (the history is append-only and kept in date order); a notice served before it was issued or
/// effective before it was served; an appeal when no enforcement notice or s215 notice has been
/// issued (nothing else is appealable to the Inspectorate or the magistrates under s174/s217).
store::CaseStageRecord validate_stage_change(const StageInput& input,
                                             const core::EnforcementCase& case_record,
                                             const std::vector<store::CaseStageRecord>& history);

/// Validate against the workspace's record of the case and append the stage with its
/// "case-stage" audit entry in one transaction (Workspace::add_case_stage). Nothing is written
/// when validation fails. Throws core::UsageError (see above), core::StoreError for an unknown
/// case or a database failure. Blocking: call on a worker in the viewer.
store::CaseStageRecord record_stage_change(store::Workspace& ws, const std::string& case_ref,
                                           const StageInput& input);

/// A whole-date check shared by the front ends: `text` as YYYY-MM-DD naming a real day, or
/// UsageError "<what> '<text>': not a real date (YYYY-MM-DD)".
std::string strict_date(const std::string& what, const std::string& text);

} // namespace redline::workflow
