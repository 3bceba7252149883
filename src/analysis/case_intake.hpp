#pragma once
// Intake: complaints that are probably about the same site and should be merged into one, so that
// one breach does not become two cases (and two officers' visits).

#include "core/geometry.hpp"
#include "core/records.hpp"

#include <optional>
#include <string>
#include <vector>

namespace redline::analysis {

/// A curtilage polygon (EPSG:27700) and its UPRN.
struct Curtilage {
    std::string uprn;
    core::Geometry area;
};

/// Two complaints at the same site received close together: `keep` is the earlier (the first
/// report), `duplicate` the later one, offered for merging.
struct DuplicatePair {
    std::string keep;
    std::string duplicate;
    long days_apart = 0;
    double distance_m = 0; ///< between the pinned points, EPSG:27700 metres
    std::string same_site; ///< "same curtilage (UPRN ...)" or "within N m"
};

/// Pairs of complaints (status other than "merged") received at most `max_days` apart that are
/// at the same site: both inside the same curtilage when `curtilages` is not empty and at least
/// one of them falls inside a curtilage; otherwise (no curtilage layer, or both points outside
/// every curtilage) within `max_distance_m` of each other. Ordered by the later complaint's
/// received date, then references. Throws core::GeometryError for an unusable curtilage polygon.
std::vector<DuplicatePair> find_duplicate_complaints(const std::vector<core::Complaint>& complaints,
                                                     const std::vector<Curtilage>& curtilages,
                                                     int max_days = 30,
                                                     double max_distance_m = 25.0);

} // namespace redline::analysis
