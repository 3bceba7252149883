#include "analysis/point_selection.hpp"

#include "analysis/hotspot_sites.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cmath>

namespace redline::analysis {

PointSelection select_complaints(const std::vector<core::Complaint>& complaints,
                                 const ComplaintFilter& filter) {
    PointSelection out;
    std::vector<std::string> statuses;
    for (const auto& s : filter.statuses)
        statuses.push_back(core::to_lower(s));
    for (const auto& c : complaints) {
        ++out.considered;
        if (filter.from || filter.to) {
            const auto d = core::Date::parse(c.received_date);
            if (!d) {
                ++out.unusable;
                continue;
            }
            if ((filter.from && *d < *filter.from) || (filter.to && *d > *filter.to)) {
                ++out.filtered_out;
                continue;
            }
        }
        if (!filter.categories.empty() &&
            std::find(filter.categories.begin(), filter.categories.end(), c.category) ==
                filter.categories.end()) {
            ++out.filtered_out;
            continue;
        }
        if (!statuses.empty() && std::find(statuses.begin(), statuses.end(),
                                           core::to_lower(c.status)) == statuses.end()) {
            ++out.filtered_out;
            continue;
        }
        if (!std::isfinite(c.location.x) || !std::isfinite(c.location.y)) {
            ++out.unusable;
            continue;
        }
        out.points.push_back({c.location, 1.0});
    }
    return out;
}

PointSelection select_layer_points(const core::LayerData& layer, const std::string& weight_field) {
    std::optional<std::size_t> wi;
    if (!weight_field.empty()) {
        wi = layer.field_index(weight_field);
        if (!wi)
            throw core::UsageError("layer '" + layer.name + "' has no field '" + weight_field +
                                   "'");
    }
    PointSelection out;
    for (const auto& f : layer.features) {
        ++out.considered;
        double w = 1.0;
        if (wi) {
            const auto& v = f.values[*wi];
            bool ok = false;
            if (const auto* i = std::get_if<std::int64_t>(&v)) {
                w = static_cast<double>(*i);
                ok = true;
            } else if (const auto* d = std::get_if<double>(&v)) {
                w = *d;
                ok = std::isfinite(w);
            } else if (const auto* s = std::get_if<std::string>(&v)) {
                ok = core::parse_double(core::trim(*s), w);
            }
            if (!ok) {
                ++out.unusable;
                continue;
            }
        }
        if (f.geometry.empty()) {
            ++out.unusable;
            continue;
        }
        if (!f.geometry.points.empty()) {
            for (const auto& c : f.geometry.points)
                out.points.push_back({c, w});
        } else {
            out.points.push_back({centroid(f.geometry), w});
        }
    }
    return out;
}

} // namespace redline::analysis
