#pragma once
// Case priority P1/P2/P3 as English councils' local enforcement plans commonly set it (the NPPF
// encourages each council to publish such a plan), with the reasons an officer can read out, and
// the acknowledgement and first-visit targets that follow from it.

#include "analysis/case_stage.hpp"
#include "core/date.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace redline::analysis {

enum class Priority { P1 = 1, P2 = 2, P3 = 3 };
/// "P1", "P2", "P3".
const char* to_string(Priority p);

/// A council's service targets. Working days count from the day after receipt (working_days.hpp).
/// Defaults: P1 visit within 2 working days (the top of "1-2"), P2 within 10, P3 within 20;
/// acknowledge within 1/3/5 working days; resolve within 13 weeks (91 days); performance is
/// reported against "acknowledged within 5 working days" and "resolved within 13 weeks".
struct Targets {
    std::array<int, 3> acknowledge_working_days = {1, 3, 5}; ///< by priority P1, P2, P3
    std::array<int, 3> visit_working_days = {2, 10, 20};
    int resolve_days = 91;
    int performance_acknowledge_working_days = 5;
    /// "Cases within 6 months of immunity are top priority" (shared/docs/domain.md).
    int immunity_window_months = 6;
};

struct PriorityAssessment {
    Priority level = Priority::P3;
    std::vector<std::string> reasons; ///< why, most serious first; never empty
    int acknowledge_working_days = 5;
    int visit_working_days = 20;
};

/// Breach-engine rule codes that make a case P1 (harm that cannot be undone: listed buildings,
/// protected trees, demolition in a conservation area).
bool is_p1_finding(const std::string& code);
/// Codes that show building works at the site (P2 when no P1 reason applies).
bool is_building_works_finding(const std::string& code);

/// Priority of a case on `as_of`. `immunity` is the case's s171B immunity date while the clock
/// still runs (nullopt when unknown or stopped by enforcement action). Rules, first match wins:
/// P1 - a P1 finding at the site, a complaint about a listed building or a tree, an alleged breach
/// naming a listed building, a protected tree (TPO) or demolition in a conservation area, or
/// fewer than `immunity_window_months` left before immunity;
/// P2 - operational development shown by a building-works finding or complained of as building
/// works, an extension, an outbuilding or a fence/wall;
/// P3 - everything else.
PriorityAssessment assess_priority(const CaseFile& c, const std::optional<core::Date>& immunity,
                                   const core::Date& as_of, const Targets& targets = {});

} // namespace redline::analysis
