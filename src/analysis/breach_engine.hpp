#pragma once

#include "analysis/breach_input.hpp"
#include "analysis/breach_parameters.hpp"
#include "analysis/findings.hpp"
#include "core/progress.hpp"

namespace redline::analysis {

struct CheckOptions {
    /// Worker threads; 0 uses every core. The result is identical for any count.
    unsigned threads = 0;
    /// Progress in [0, 1] with a stage label; may be called from worker threads' parent only.
    core::ProgressFn progress;
};

/// Run the breach screening rules of shared/docs/breach-rules.md over `input` (EPSG:27700) as of
/// `input.as_of`: developments and demolitions, coverage by applications, the thirteen rules,
/// complaint linking. Rules whose layers are missing are skipped and listed with the reason.
/// Pure: reads only its arguments. Findings are sorted by rule, then development id.
/// Throws GeometryError when GEOS fails, Cancelled when progress asks to stop.
CheckResult run_check(const BreachInput& input, const Parameters& params,
                      const CheckOptions& options = {});

} // namespace redline::analysis
