#pragma once
// A workspace's cases read into the analysis module's case files (stage history, linked
// complaints, the latest breach check's findings at the site): the one reading shared by
// `redline-cli case show`, `redline-cli workload` and the viewer's Workload tab, so that they
// always list the same thing.

#include "analysis/case_stage.hpp"
#include "store/workspace.hpp"

#include <vector>

namespace redline::workflow {

/// A stored stage change as the clocks read it. Throws core::StoreError for a name or date the
/// analysis cannot read (a workspace written by a newer Redline).
analysis::StageEntry to_stage_entry(const store::CaseStageRecord& r);

/// Every case of the workspace as a case file, in the store's order. Reads only; blocking (call
/// on a worker in the viewer). Throws core::StoreError.
std::vector<analysis::CaseFile> load_case_files(const store::Workspace& ws);

} // namespace redline::workflow
