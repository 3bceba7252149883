#pragma once

#include "core/feature.hpp"
#include "core/records.hpp"
#include "store/workspace.hpp"

#include <string>
#include <vector>

namespace redline::cli::demo {

/// The date the demo's intended findings are stated for (docs/demo.md); the breach check of the
/// demo should be run with `--as-of` this date.
inline constexpr const char* k_demo_as_of = "2026-11-01";

/// A synthetic layer of the demo with the role it is imported as.
struct SyntheticLayer {
    core::LayerData data; ///< EPSG:27700; name starts with "demo_"
    std::string role;     ///< data-model role name
    std::string description;
};

/// Everything the deterministic generator makes: "Demo Road (synthetic)", a street of house plots
/// near St George's Circus laid out so that every breach rule has a true case and a near miss.
struct DemoStreet {
    std::vector<SyntheticLayer> layers;
    std::vector<core::EnforcementCase> cases; ///< with complaint_references filled
};

/// Build the synthetic street. Pure and deterministic: the same output on every run.
DemoStreet build_demo_street();

/// Give the demo's cases (already added) their s171B classification and stage histories
/// (issue #8), so that the workload as of k_demo_as_of shows them in a designed order.
void record_case_histories(store::Workspace& ws);

} // namespace redline::cli::demo
