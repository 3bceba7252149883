#include "scene/heat_filter.hpp"

#include "core/text.hpp"
#include "scene/scene.hpp"

#include <algorithm>
#include <cmath>

namespace redline::scene {

HeatPoints select_heat_points(const MapLayer& complaints, const HeatFilter& filter) {
    const core::LayerData& data = complaints.data();
    const auto date_i = data.field_index("received_date");
    const auto category_i = data.field_index("category");
    const auto status_i = data.field_index("status");
    auto text = [](const core::Feature& f, std::optional<std::size_t> i) {
        return i && *i < f.values.size() ? core::to_text(f.values[*i]) : std::string();
    };
    std::vector<std::string> statuses;
    for (const std::string& s : filter.statuses)
        statuses.push_back(core::to_lower(s));
    HeatPoints out;
    for (const core::Feature& f : data.features) {
        if (f.geometry.points.empty())
            continue;
        ++out.considered;
        if (filter.from || filter.to) {
            const auto d = core::Date::parse(text(f, date_i));
            if (!d || (filter.from && *d < *filter.from) || (filter.to && *d > *filter.to))
                continue;
        }
        if (!filter.categories.empty() &&
            std::find(filter.categories.begin(), filter.categories.end(), text(f, category_i)) ==
                filter.categories.end())
            continue;
        if (!statuses.empty() && std::find(statuses.begin(), statuses.end(),
                                           core::to_lower(text(f, status_i))) == statuses.end())
            continue;
        for (const core::Coord& c : f.geometry.points)
            if (std::isfinite(c.x) && std::isfinite(c.y))
                out.points.push_back(c);
    }
    return out;
}

HeatPoints select_heat_points(const Scene& scene, const HeatFilter& filter) {
    const MapLayer* source = nullptr;
    for (const MapLayer& l : scene.layers())
        if (l.role() == core::Role::Complaint)
            source = &l;
    return source ? select_heat_points(*source, filter) : HeatPoints{};
}

} // namespace redline::scene
