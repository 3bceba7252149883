#pragma once
// How `case show` and `workload` print dates and clocks (the case files themselves are read by
// workflow/case_files.hpp, shared with the viewer).

#include "analysis/case_clocks.hpp"
#include "core/date.hpp"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>

namespace redline::cli {

/// A date option ("--as-of") or today.
core::Date as_of_date(const std::optional<std::string>& text, const char* option = "--as-of");
/// One clock as JSON: name, date, days_left, state, kind, statutory, action, basis, met_on, note.
nlohmann::json clock_json(const analysis::Clock& c, const core::Date& as_of);

} // namespace redline::cli
