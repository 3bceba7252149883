#pragma once

#include "core/geometry.hpp"
#include "scene/map_layer.hpp"
#include "scene/overlay_style.hpp"
#include "scene/style.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace redline::scene {

/// A breach-check finding as the viewer shows it (the app converts the store's records; the
/// scene does not read the store). Geometry EPSG:27700.
struct Finding {
    std::int64_t id = 0;
    std::string code;     ///< rule code, e.g. "pd-rear-depth"
    std::string severity; ///< "breach", "likely", "check", ...
    std::string development_id;
    std::vector<std::string> applications;
    std::string uprn;
    std::vector<std::string> complaints;
    std::optional<double> value; ///< measured
    std::optional<double> limit;
    std::string unit;
    std::string explanation;
    std::string provision;
    std::string annotation_text; ///< "4.6 m beyond rear wall, limit 3.0 m"
    core::Geometry geometry;     ///< what the finding is about (the development)
    core::Geometry annotation;   ///< dimension line (or point) where the value was measured
};

/// The text drawn beside a finding's dimension line: its annotation text, else "value unit,
/// limit L unit", else its code.
std::string finding_label(const Finding& f);

// finding_style() - the highlighted finding's style - lives in scene/overlay_style.hpp, shared with
// the printed evidence pack so the screen and the page draw findings alike.

/// Draw list of a finding: its geometry (areas, outlines) and its annotation lines.
DrawList finding_draw_list(const Finding& f);

/// Ends of the dimension line as ticks: for each annotation line, short segments across its two
/// ends (`tick_m` long), in the way a surveyor's drawing marks a measured length.
std::vector<core::Path> dimension_ticks(const core::Geometry& annotation, double tick_m);

} // namespace redline::scene
