#pragma once
// The workload as a CSV file for a manager's spreadsheet (`redline-cli workload --out FILE.csv`,
// the viewer's Export > Workload CSV), audited like every export.

#include "analysis/case_workload.hpp"
#include "store/workspace.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace redline::workflow {

/// The rows as CSV text (RFC 4180 quoting, "\n" line ends): rank, case, priority, stage,
/// officer, due_date, days_left, overdue, what_is_due, why, priority_because. Dates YYYY-MM-DD.
std::string workload_csv(const std::vector<analysis::WorkloadItem>& items);

/// What an export wrote.
struct WorkloadExport {
    std::size_t cases = 0;
    std::string sha256; ///< of the file's bytes
};

/// Build the workload as of `as_of` (optionally one officer's), write it to `out` and append a
/// "workload-export" audit entry with the file name, date, officer, case count and SHA-256.
/// Blocking. Throws core::IoError (the file), core::StoreError.
WorkloadExport export_workload_csv(store::Workspace& ws, const std::filesystem::path& out,
                                   const core::Date& as_of,
                                   const std::optional<std::string>& officer = {});

} // namespace redline::workflow
