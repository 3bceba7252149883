#pragma once

#include "core/progress.hpp"
#include "scene/basemap.hpp"
#include "scene/finding.hpp"
#include "scene/heat_filter.hpp"
#include "scene/map_layer.hpp"
#include "scene/measure_overlay.hpp"
#include "scene/plan_overlay.hpp"

#include <optional>
#include <string>
#include <vector>

namespace redline::scene {

/// The heat layer of the Hotspots tab: a kernel density of the complaint points, computed on the
/// GPU. `kernel` numbers the shapes as analysis::Kernel (0 quartic, 1 triangular, 2 uniform,
/// 3 triweight, 4 Epanechnikov).
struct HeatSettings {
    bool enabled = false;
    double radius_m = 150;
    int kernel = 0;
    float opacity = 0.85f;
    HeatFilter filter; ///< which complaints are splatted (date range, category, status)
    friend bool operator==(const HeatSettings&, const HeatSettings&) = default;
};

/// A feature of a scene layer, by layer name (stable when layers are reordered) and index.
struct FeatureRef {
    std::string layer;
    std::size_t feature = 0;
    friend bool operator==(const FeatureRef&, const FeatureRef&) = default;
};

/// Draw position of a role when a layer is added: areas underneath, outlines and symbols on top.
int default_draw_rank(core::Role role);

/// What the map shows: layers in draw order (index 0 drawn first, at the bottom), the selection and
/// a local origin for single-precision rendering. Built on a worker thread, then owned and changed
/// by the UI thread only.
class Scene {
public:
    /// Add a layer at the position its role's rank gives it (after layers of the same rank).
    /// Replaces a layer of the same name.
    void add_layer(MapLayer layer);
    std::vector<MapLayer>& layers() { return m_layers; }
    const std::vector<MapLayer>& layers() const { return m_layers; }
    MapLayer* find(const std::string& name);
    const MapLayer* find(const std::string& name) const;
    /// Move a layer in the draw order; out-of-range indices are ignored.
    void move_layer(std::size_t from, std::size_t to);

    /// Raster basemaps, drawn under every layer, first at the bottom.
    std::vector<Basemap>& basemaps() { return m_basemaps; }
    const std::vector<Basemap>& basemaps() const { return m_basemaps; }
    /// Add a basemap on top of the others (replacing one with the same path); it sets the local
    /// origin when no layer has.
    void add_basemap(Basemap basemap);
    Basemap* find_basemap(const std::string& path);

    /// Build every layer's draw list that is not built yet (triangulation), reporting progress;
    /// throws core::Cancelled when `progress` asks to stop.
    void build(const core::ProgressFn& progress = {});

    /// The date complaints are aged against (defaults to today, fixed in tests).
    core::Date reference_date = core::Date::today();

    /// Origin subtracted from EPSG:27700 coordinates before they become floats (float32 has a
    /// 7-digit mantissa: 530000.25 m would round to 530000.25 +- 0.03 m; relative to an origin
    /// within a few km it stays exact to a millimetre). The first layer's centre, rounded to 1 km.
    core::Coord origin() const { return m_origin; }
    /// Union of the extents of every layer (EPSG:27700); the basemaps' when there is no layer.
    core::Envelope extent() const;

    const std::optional<FeatureRef>& selection() const { return m_selection; }
    /// Select a feature (or clear with nullopt); bumps selection_revision().
    void select(std::optional<FeatureRef> ref);
    std::uint64_t selection_revision() const { return m_selection_revision; }
    /// Draw list of the selected feature alone (empty when nothing is selected).
    DrawList selection_draw_list() const;

    /// The heat layer (drawn above the areas, under the symbols of the top layer).
    HeatSettings heat;

    /// The finding drawn over the map with its dimension line and label (nullopt: none); bumps
    /// finding_revision().
    void highlight_finding(std::optional<Finding> f);
    const std::optional<Finding>& highlighted_finding() const { return m_finding; }
    std::uint64_t finding_revision() const { return m_finding_revision; }

    // ---- plans and measurement (issue #5)
    /// The plan drawn over the layers through its transform (nullopt: none).
    std::optional<PlanOverlay> plan_overlay;
    /// The measurement drawn over everything: the measure tool's or a saved one (nullopt: none).
    std::optional<MeasureOverlay> measure_overlay;

private:
    void set_origin_from(const core::Envelope& e);
    std::vector<MapLayer> m_layers;
    std::vector<Basemap> m_basemaps;
    std::optional<FeatureRef> m_selection;
    std::uint64_t m_selection_revision = 0;
    std::optional<Finding> m_finding;
    std::uint64_t m_finding_revision = 0;
    core::Coord m_origin{};
    bool m_has_origin = false;
};

} // namespace redline::scene
