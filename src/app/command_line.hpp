#pragma once

#include "core/date.hpp"
#include "core/geometry.hpp"
#include "scene/gistar_layer.hpp"

#include <optional>
#include <string>
#include <vector>

namespace redline::app {

/// `redline [WORKSPACE] [--screenshot OUT.png] [--view E,N,SCALE] [--size WxH]
///  [--layers a,b,...] [--select QUERY] [--no-furniture] [--basemap FILE]...
///  [--window-screenshot OUT.png] [--tab NAME] [--case REF [--form stage|evidence]]
///  [--complaint-at E,N[,open-case]]`
struct CommandLine {
    std::optional<std::string> workspace;
    std::optional<std::string> screenshot; ///< headless: render one frame to this PNG and exit
    std::optional<double> centre_e, centre_n, scale; ///< view centre (EPSG:27700) and 1:N
    int width_px = 1200, height_px = 800;
    std::optional<std::vector<std::string>> layers; ///< the only layers to show
    std::optional<std::string> select;              ///< search text; the first hit is selected
    bool furniture = true;
    std::vector<std::string> basemaps; ///< raster basemaps, bottom first
    /// Window mode: once the workspace and basemaps have loaded, save the whole window (panels
    /// included) to this PNG and exit; for documentation screenshots under xvfb-run.
    std::optional<std::string> window_screenshot;
    std::optional<std::string> finding; ///< window mode: select the first finding with this code
    std::optional<double> heat_m;       ///< show the complaints' heat surface with this bandwidth
    std::optional<std::string> tab;     ///< sidebar tab to open first ("Complaints & cases", ...)
    std::optional<std::string> select_case; ///< window mode: select this case once loaded
    std::optional<std::string> form;        ///< with select_case: open "stage" or "evidence"
    /// Window mode: once loaded, open the Add complaint form at this point (EPSG:27700), with
    /// "Open a new case" ticked when complaint_opens_case.
    std::optional<core::Coord> complaint_at;
    bool complaint_opens_case = false;
    // issue #5
    std::optional<long long> plan; ///< show this plan (id) over the map through its calibration
    float plan_opacity = 0.6f;     ///< its opacity, [0, 1]
    std::optional<long long> measurement; ///< draw this saved measurement (id) with its label
    /// --heat-from/--heat-to/--heat-category/--heat-status: the complaints the heat surface and
    /// --gistar count.
    scene::HeatFilter heat_filter;
    /// --gistar BAND,CELL[,hex][,fdr]: compute the Gi* layer once loaded (metres).
    std::optional<scene::GistarSettings> gistar;
    std::optional<core::Date> as_of; ///< the dashboard's date (default: today)
    /// Window mode: once loaded, save the Dashboard tab to this PNG and exit.
    std::optional<std::string> dashboard_png;
    bool help = false;
};

/// Parse argv. Throws core::UsageError with the reason for anything malformed.
CommandLine parse_command_line(int argc, char** argv);
/// The usage text printed by --help.
const char* usage_text();

} // namespace redline::app
