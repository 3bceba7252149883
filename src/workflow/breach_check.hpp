#pragma once
// The breach check over a workspace, shared by `redline-cli check` and the viewer's Tools > Run
// breach check: read every layer the rules use, run the engine, store the run record and its
// findings (issue #4).

#include "analysis/breach_engine.hpp"
#include "store/workspace.hpp"

#include <functional>
#include <vector>

namespace redline::workflow {

/// Every layer of the workspace by role (basemaps aside), and the complaints table (complaints
/// added by hand included) without the confidential complainant fields. `used` receives each
/// input's name, role, source SHA-256 and feature count for the run record. Layers are read two
/// at a time (Workspace::read_layers). Throws StoreError.
analysis::BreachInput read_breach_input(const store::Workspace& ws,
                                        std::vector<store::CheckRunInput>& used);

/// Store `result` as a check run with its findings, in one audited transaction; `run` is filled
/// in (id, time, user, counts) and its id returned. `before_commit` runs inside the transaction
/// just before it commits (the CLI waits there for its findings file); if it throws, nothing is
/// stored. Throws StoreError; the workspace is then unchanged.
std::int64_t store_breach_check(store::Workspace& ws, const analysis::CheckResult& result,
                                const analysis::Parameters& params,
                                const std::vector<store::CheckRunInput>& used,
                                store::CheckRunRecord& run,
                                const std::function<void()>& before_commit = {});

/// Read, check and store in one call (the viewer's path): the findings as of `as_of` with the
/// default parameters. Returns the stored run. Throws StoreError, GeometryError.
store::CheckRunRecord run_breach_check(store::Workspace& ws, const core::Date& as_of,
                                       const analysis::CheckOptions& options = {});

} // namespace redline::workflow
