#include "core/progress.hpp"

#include "core/error.hpp"

namespace redline::core {

void report_progress(const ProgressFn& progress, double fraction, std::string_view stage) {
    if (progress && !progress(fraction, stage))
        throw Cancelled("cancelled by the user during " + std::string(stage));
}

} // namespace redline::core
