#pragma once
// Reading a workspace's cases into the analysis module's case files (stage history, linked
// complaints, the latest breach check's findings at the site), shared by `case show` and
// `workload`.

#include "analysis/case_assessment.hpp"
#include "analysis/case_stage.hpp"
#include "store/workspace.hpp"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace redline::cli {

/// A stored stage change as the clocks read it. Throws core::StoreError for a name the analysis
/// does not know (a workspace written by a newer Redline).
analysis::StageEntry to_stage_entry(const store::CaseStageRecord& r);
/// Every case of the workspace as a case file, in the store's order.
std::vector<analysis::CaseFile> load_case_files(const store::Workspace& ws);
/// A date option ("--as-of") or today.
core::Date as_of_date(const std::optional<std::string>& text, const char* option = "--as-of");
/// One clock as JSON: name, date, days_left, state, kind, statutory, action, basis, met_on, note.
nlohmann::json clock_json(const analysis::Clock& c, const core::Date& as_of);

} // namespace redline::cli
