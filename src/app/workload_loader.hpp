#pragma once

#include "core/date.hpp"
#include "store/workspace.hpp"
#include "ui/view_state.hpp"

#include <filesystem>
#include <vector>

namespace redline::app {

/// The open cases of a workspace ordered by urgency (analysis::build_workload, the same list as
/// `redline-cli workload`), as rows for the Workload panel. Blocking (reads the store and the
/// bank holidays): call on a worker. Throws core::StoreError / core::IoError.
std::vector<ui::WorkloadRow> load_workload(const std::filesystem::path& workspace,
                                           const core::Date& as_of);
/// The same from an open workspace (a worker that has just written to it).
std::vector<ui::WorkloadRow> load_workload(const store::Workspace& ws, const core::Date& as_of);

} // namespace redline::app
