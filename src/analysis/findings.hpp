#pragma once

#include "analysis/breach_parameters.hpp"
#include "core/date.hpp"
#include "core/feature.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace redline::analysis {

enum class Severity { Info, Medium, High };
/// "info", "medium", "high".
const char* to_string(Severity s);

/// One of the thirteen rules of shared/docs/breach-rules.md section 2, with the provision of
/// section 5 that an officer cites.
struct RuleInfo {
    const char* code;
    Severity severity;
    const char* provision;
};
/// The thirteen rules in the order of the spec's table.
const std::vector<RuleInfo>& breach_rules();
/// A rule by code, or nullptr.
const RuleInfo* find_rule(std::string_view code);
/// Position of a code in breach_rules() (no-breach-detected sorts last).
std::size_t rule_order(std::string_view code);

/// The code of the complaint-list entry for a complaint with no finding at its site (section 4).
inline constexpr const char* k_no_breach_detected = "no-breach-detected";

/// A place where the geometry shows a *potential* breach. Geometry in EPSG:27700 metres.
struct Finding {
    std::string code;
    Severity severity = Severity::Info;
    std::string development_id;            ///< "" for permission-lapsed and no-breach-detected
    std::vector<std::string> applications; ///< application references, sorted
    std::string uprn;                      ///< of the curtilage, "" outside any
    std::vector<std::string> complaints;   ///< linked complaint references, sorted
    std::optional<double> value;           ///< the measured value, in `unit`
    std::optional<double> limit;           ///< the limit it was tested against, in `unit`
    std::string unit;                      ///< "m", "m2", "%", "years"
    /// Second measure where the rule has one: the largest distance (m) beyond the red line or
    /// the approved footprint.
    std::optional<double> distance_m;
    std::string explanation; ///< plain English, read aloud by an officer
    std::string provision;   ///< the legal provision (breach-rules.md section 5)
    core::Geometry geometry; ///< what the finding is about (the part outside, the excess, ...)
    /// Where a viewer draws the measurement: a LineString dimension line (from the reference
    /// wall/line to the farthest point) or a Point for findings without a length.
    core::Geometry annotation;
    std::string annotation_text; ///< e.g. "4.6 m beyond rear wall, limit 3.0 m"
};

/// A rule that could not be applied, and why ("no baseline-building layer").
struct SkippedRule {
    std::string code;
    std::string reason;
};

/// A complaint and the findings at its site (indexes into CheckResult::findings, which include
/// its no-breach-detected entry when there is nothing else).
struct ComplaintFindings {
    std::string reference;
    std::string uprn; ///< the curtilage it falls in, "" outside any
    std::vector<std::size_t> findings;
    bool breach_detected = false;
};

/// Everything one breach check produced, in a deterministic order.
struct CheckResult {
    core::Date as_of;
    Parameters parameters;
    std::vector<Finding> findings;
    std::vector<SkippedRule> skipped;
    std::vector<ComplaintFindings> complaints;
    std::size_t development_count = 0;
    std::size_t demolition_count = 0;
};

/// The findings as a layer for writing (fields code, severity, development_id, application,
/// uprn, complaints, value, limit, unit, distance_m, explanation, provision, annotation; lists
/// joined with ';'), EPSG:27700.
core::LayerData findings_layer(const std::vector<Finding>& findings, const std::string& name);

/// Text of a number the way findings print it: `decimals` places, no "-0.0".
std::string format_number(double v, int decimals = 1);

} // namespace redline::analysis
