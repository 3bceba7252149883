#pragma once

#include "analysis/weighted_point.hpp"
#include "core/date.hpp"
#include "core/feature.hpp"
#include "core/records.hpp"

#include <optional>
#include <string>
#include <vector>

namespace redline::analysis {

/// Which complaints a hotspot map counts. Empty lists mean "any".
struct ComplaintFilter {
    std::optional<core::Date> from; ///< received on or after (inclusive)
    std::optional<core::Date> to;   ///< received on or before (inclusive)
    std::vector<std::string> categories;
    std::vector<std::string> statuses; ///< compared case-insensitively
};

/// Points selected for a hotspot analysis, and how many were left out and why.
struct PointSelection {
    std::vector<WeightedPoint> points; ///< EPSG:27700 metres
    std::size_t considered = 0;
    std::size_t filtered_out = 0; ///< did not match the filter
    std::size_t unusable = 0;     ///< no geometry, bad date, or a null/non-numeric weight
};

/// The complaints matching `filter`, each with weight 1, at their EPSG:27700 location. A
/// complaint whose received date cannot be parsed is unusable when a date bound is set.
PointSelection select_complaints(const std::vector<core::Complaint>& complaints,
                                 const ComplaintFilter& filter);

/// One point per vertex of a point layer's (multi)points, or per feature centroid for lines and
/// polygons; weighted by `weight_field` when not empty (numeric or numeric text; features with a
/// null or non-numeric weight are unusable). Throws core::UsageError when the weight field does
/// not exist.
PointSelection select_layer_points(const core::LayerData& layer, const std::string& weight_field);

} // namespace redline::analysis
