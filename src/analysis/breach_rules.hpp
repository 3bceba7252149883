#pragma once
// The rules of breach-rules.md section 2, one function per group. Private to the analysis module.

#include "analysis/breach_model.hpp"

#include <set>

namespace redline::analysis::detail {

/// A finding with the curtilage and development it belongs to (for complaint linking).
struct RawFinding {
    Finding finding;
    std::optional<std::size_t> curtilage;
    std::optional<std::size_t> development; ///< index into Model::developments
};

/// Codes skipped by this run (a layer they need is missing).
using SkipSet = std::set<std::string>;

/// A finding of `code` about development `d` (nullptr for none), with severity, provision,
/// development id, uprn and application references filled in.
Finding new_finding(const Model& m, const char* code, const Development* d);

/// Approved (granted, permitted) and decided on or before the analysis date.
bool application_live(const Model& m, std::size_t application);
/// Section 2 coverage: live applications whose red line overlaps the development by at least
/// cover_min_overlap_m2 or cover_min_overlap_fraction of its area. Sets Development::covering.
void find_covering(const Model& m, Development& d);

/// outside-red-line, exceeds-approved-footprint and no-permission for one development.
void permission_rules(const Model& m, std::size_t dev, const SkipSet& skip,
                      std::vector<RawFinding>& out);
/// The pd-* rules and article-4 for one uncovered development with a plot.
void pd_rules(const Model& m, std::size_t dev, const SkipSet& skip, std::vector<RawFinding>& out);
/// listed-building-works, tpo-root-protection, demolition-in-conservation-area.
void designation_rules(const Model& m, std::size_t dev, const SkipSet& skip,
                       std::vector<RawFinding>& out);
/// permission-lapsed, over all applications.
void lapsed_rules(const Model& m, const SkipSet& skip, std::vector<RawFinding>& out);

/// A straight annotation line / point, EPSG:27700.
core::Geometry line_geometry(core::Coord a, core::Coord b);
core::Geometry point_geometry(core::Coord p);

/// The sentence every explanation ends with (section 3: a screening measure).
inline constexpr const char* k_screening_note =
    " This is a screening measure taken from mapped footprints, not a decision: confirm it on "
    "site.";

} // namespace redline::analysis::detail
