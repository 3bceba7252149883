#pragma once
// Developments and demolitions (breach-rules.md section 1). Private to the analysis module.

#include "analysis/breach_model.hpp"

namespace redline::analysis::detail {

/// The connected pieces of union(`from`) minus union(`minus`), split along curtilage boundaries,
/// opened by the sliver width and kept when at least min_development_area_m2. Ids are left empty
/// and `demolition` is set as given. Parallel over clusters of touching changed footprints; the
/// result's order is not defined (sort_and_name fixes it).
std::vector<Development> changed_pieces(const Model& m, const Layer& from, const Layer& minus,
                                        bool demolition);

/// Sort developments by position (centroid, then area) and give each a stable id derived from
/// its geometry ("D-531925.4-179281.7", "X-..." for demolitions): the same whatever the thread
/// count or the order of the input features.
void sort_and_name(std::vector<Development>& developments);

} // namespace redline::analysis::detail
