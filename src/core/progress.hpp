#pragma once

#include <functional>
#include <string_view>

namespace redline::core {

/// Reports progress of long work: `fraction` in [0, 1], `stage` a short label ("reading",
/// "writing"). Returns false to ask the work to stop; the work then throws `Cancelled` and leaves
/// everything as it was. May be called from a worker thread.
using ProgressFn = std::function<bool(double fraction, std::string_view stage)>;

/// Call `progress` if set; throws Cancelled when it asks to stop.
void report_progress(const ProgressFn& progress, double fraction, std::string_view stage);

} // namespace redline::core
