#pragma once
// The viewer's Gi* layer (issue #6): the cells of a Getis-Ord Gi* run (analysis::gistar_layer,
// fields site_id, value, neighbours, gi_z, p_value, p_fdr, class) drawn as one map layer per
// confidence class, so that each class has its colour, its legend line and its own visibility,
// and a click on a cell identifies it with all its statistics.

#include "scene/heat_filter.hpp"
#include "scene/map_layer.hpp"

#include <string>
#include <vector>

namespace redline::scene {

class Scene;

/// What the Hotspots tab asks Gi* for: square or hexagonal cells of `cell_m` (EPSG:27700 metres,
/// the side, or for hexagons the distance between centres), a binary distance band `band_m`
/// (metres, inclusive), classes on Benjamini-Hochberg adjusted p when `fdr`, over the complaints
/// the filter lets through.
struct GistarSettings {
    double band_m = 600;
    double cell_m = 150;
    bool hex = false;
    bool fdr = false;
    HeatFilter filter;
    friend bool operator==(const GistarSettings&, const GistarSettings&) = default;
};

/// Confidence classes in draw order (bottom first): not significant, then the cold spots, then
/// the hot spots, 99% on top.
inline constexpr int k_gistar_classes[] = {0, -1, -2, -3, 1, 2, 3};

/// Legend text of a class: "Hot spot, 99% confidence (p < 0.01)", ..., "Not significant".
std::string gistar_class_label(int confidence_class);
/// Cold spots blue and hot spots red, darker with confidence; class 0 a faint outline only.
Style gistar_class_style(int confidence_class);
/// Layer name of a class: "Gi* hot 99%", "Gi* cold 90%", "Gi* not significant".
std::string gistar_layer_name(int confidence_class);
/// True for a layer made by gistar_class_layers.
bool is_gistar_layer(const MapLayer& layer);

/// Split a Gi* result layer into one layer per class of k_gistar_classes (in that order, empty
/// classes included so the legend always explains the scheme), each styled and labelled, built
/// (triangulated) for `today`. Pure: call on a worker. Throws core::UsageError when the layer has
/// no `class` field.
std::vector<MapLayer> gistar_class_layers(const core::LayerData& gistar, core::Date today);

/// Replace the scene's Gi* layers with `layers`: drawn above every other layer except the
/// complaints, so the points stay visible over the cells. Clears a selection on a removed layer.
void replace_gistar_layers(Scene& scene, std::vector<MapLayer> layers);

} // namespace redline::scene
