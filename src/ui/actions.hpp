#pragma once

#include "scene/gistar_layer.hpp"
#include "scene/scene.hpp"
#include "scene/viewport.hpp"

#include <string>
#include <variant>
#include <vector>

namespace redline::ui {

/// Panels never change state themselves: they emit these, and the app executes them (on the UI
/// thread for view changes, on a worker for anything that reads files).
struct PanBy {
    double dx_px = 0, dy_px = 0; ///< screen drag, pixels
};
struct ZoomAbout {
    scene::ScreenPoint anchor; ///< map-relative pixels
    double factor = 1;         ///< > 1 zooms in
};
struct SetScale {
    double denominator = 0; ///< N of 1:N
};
struct IdentifyAt {
    scene::ScreenPoint at; ///< map-relative pixels
};
struct HoverAt {
    scene::ScreenPoint at; ///< map-relative pixels, for the status bar readout
};
struct ResizeMap {
    int width_px = 0, height_px = 0;
};
struct SetVisibility {
    std::string layer;
    bool visible = true;
};
struct SetOpacity {
    std::string layer;
    float opacity = 1;
};
struct MoveLayer {
    std::size_t from = 0, to = 0; ///< draw-order indices (0 = bottom)
};
struct RunSearch {
    std::string query;
};
struct SelectFeature {
    scene::FeatureRef ref;
    bool frame = true; ///< zoom the map to the feature
};
struct ClearSelection {};
/// Show, hide or change the heat surface (Hotspots tab).
struct SetHeat {
    scene::HeatSettings heat;
};
/// Select a finding: frame it, highlight its geometry and annotate its measured value.
struct SelectFinding {
    std::int64_t id = 0;
};
/// Select an enforcement case: frame its site (application red line, else its point, else its
/// first complaint) and show it in the inspector.
struct SelectCase {
    std::string reference;
};
struct RevealConfidential {
    bool reveal = false;
};
struct OpenWorkspace {
    std::string path;
};
/// Add a raster basemap (GeoTIFF, image + world file, GDAL WMS/TMS XML) to this session.
struct AddBasemap {
    std::string path;
};
struct SetBasemapVisibility {
    std::string path;
    bool visible = true;
};
struct SetBasemapOpacity {
    std::string path;
    float opacity = 1;
};
struct ExportMapPng {
    std::string path;
};
/// Compute Gi* over the filtered complaints on a worker and show it as the Gi* layers.
struct RunGistar {
    scene::GistarSettings settings;
};
/// Remove the Gi* layers from the map.
struct ClearGistar {};
/// Recompute the dashboard as of another date (on a worker).
struct SetDashboardDate {
    core::Date as_of;
};
/// Save the Dashboard tab (its panel, as drawn) to a PNG.
struct ExportDashboardPng {
    std::string path;
};
struct Quit {};

using Action =
    std::variant<PanBy, ZoomAbout, SetScale, IdentifyAt, HoverAt, ResizeMap, SetVisibility,
                 SetOpacity, MoveLayer, RunSearch, SelectFeature, ClearSelection, SelectCase,
                 SelectFinding, SetHeat, RevealConfidential, OpenWorkspace, AddBasemap,
                 SetBasemapVisibility, SetBasemapOpacity, ExportMapPng, RunGistar, ClearGistar,
                 ExportDashboardPng, SetDashboardDate, Quit>;

using Actions = std::vector<Action>;

} // namespace redline::ui
