#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace redline::analysis {

/// Every limit and tolerance of the breach rules (shared/docs/breach-rules.md), with its default.
/// Lengths in metres and areas in square metres on EPSG:27700; settable by name from the command
/// line (`--set NAME=VALUE`) or a rules file of NAME=VALUE lines.
struct Parameters {
    // Section 1: developments.
    double sliver_width_m = 0.3;          ///< opening width that removes slivers and spikes
    double min_development_area_m2 = 2.0; ///< smaller connected pieces are not developments
    // Section 2: coverage by an application.
    double cover_min_overlap_m2 = 1.0;       ///< red line overlap that covers a development...
    double cover_min_overlap_fraction = 0.1; ///< ...or this fraction of the development's area
    // Section 2: rules.
    double outside_min_area_m2 = 1.0;       ///< outside-red-line
    double footprint_tolerance_m = 0.25;    ///< approved footprint grown by this (mitred)
    double exceed_min_area_m2 = 1.0;        ///< exceeds-approved-footprint
    double rear_depth_detached_m = 4.0;     ///< GPDO Sch.2 Pt.1 A.1(f), detached house
    double rear_depth_attached_m = 3.0;     ///< A.1(f), any other house
    double depth_tolerance_m = 0.1;         ///< measuring tolerance on depth, width, forward
    double coverage_limit = 0.5;            ///< A.1(b)/E.1(b), a fraction (0.5 = 50 %)
    double eaves_boundary_distance_m = 2.0; ///< A.1(i): within this of the boundary...
    double eaves_limit_m = 3.0;             ///< ...eaves may not exceed this
    double listed_distance_m = 0.5;         ///< works this close to a listed outline affect it
    double rpa_stem_multiplier = 12.0;    ///< BS 5837: root protection radius = 12 x stem diameter
    double rpa_max_m = 15.0;              ///< BS 5837 cap on the radius
    double tpo_default_rpa_m = 15.0;      ///< radius when the stem diameter is unknown
    double min_demolition_area_m2 = 10.0; ///< demolition-in-conservation-area
    double commencement_years = 3.0;      ///< TCPA s91 time limit (whole years add calendar years)
    double complaint_link_m = 20.0;       ///< complaints outside curtilages link this far
    // Section 3: permitted-development geometry.
    double detached_distance_m = 0.5; ///< no other original building this close: detached
    double touch_distance_m = 0.3;    ///< this close to the original house: an extension

    /// Set one parameter from text. Throws core::UsageError naming the parameter for an unknown
    /// name, a value that is not a number, or one out of range (negative, coverage above 1).
    void set(std::string_view name, std::string_view value);
    /// Apply "NAME=VALUE" (also used for `--set`).
    void set_assignment(std::string_view assignment);
    /// Apply a rules file: NAME=VALUE lines, '#' comments, blank lines. Throws core::IoError when
    /// it cannot be read, UsageError with the line number for a bad line.
    void apply_rules_file(const std::filesystem::path& path);
    void apply_rules_text(std::string_view text, const std::string& source_name);
    /// Value by name; throws UsageError for an unknown name.
    double get(std::string_view name) const;
    /// All parameters as a JSON object {"name": value, ...} in declaration order.
    std::string to_json() const;
};

/// One parameter's name, unit and meaning (for help text and the report).
struct ParameterInfo {
    const char* name;
    const char* unit;
    const char* meaning;
    double Parameters::*member;
};
const std::vector<ParameterInfo>& parameter_table();

} // namespace redline::analysis
