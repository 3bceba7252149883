#pragma once

#include "core/date.hpp"
#include "core/geometry.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace redline::scene {

class MapLayer;
class Scene;

/// Which complaints the heat surface and the viewer's Gi* count: the rules of
/// analysis::select_complaints (and `redline-cli hotspot --from/--to/--category/--status`).
/// Empty lists mean "any".
struct HeatFilter {
    std::optional<core::Date> from;      ///< received on or after (inclusive)
    std::optional<core::Date> to;        ///< received on or before (inclusive)
    std::vector<std::string> categories; ///< exact match
    std::vector<std::string> statuses;   ///< case-insensitive
    bool active() const { return from || to || !categories.empty() || !statuses.empty(); }
    friend bool operator==(const HeatFilter&, const HeatFilter&) = default;
};

/// The complaint points a filter lets through, EPSG:27700 metres.
struct HeatPoints {
    std::vector<core::Coord> points;
    std::size_t considered = 0; ///< complaints with a point
};

/// Filter a complaint layer (scene::complaint_layer's fields received_date, category, status).
/// A complaint with an unreadable received date is left out when a date bound is set.
HeatPoints select_heat_points(const MapLayer& complaints, const HeatFilter& filter);

/// The points of the scene's complaint layer (the last layer with the complaint role) under
/// `filter`; empty when there is none.
HeatPoints select_heat_points(const Scene& scene, const HeatFilter& filter);

} // namespace redline::scene
