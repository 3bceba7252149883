#include "scene/gistar_layer.hpp"

#include "core/error.hpp"
#include "scene/scene.hpp"

#include <algorithm>
#include <cmath>

namespace redline::scene {
namespace {

constexpr const char* k_prefix = "Gi* ";

Rgba rgb(int r, int g, int b, float a) {
    return {float(r) / 255.0f, float(g) / 255.0f, float(b) / 255.0f, a};
}

const char* confidence(int cls) {
    switch (std::abs(cls)) {
    case 3:
        return "99%";
    case 2:
        return "95%";
    default:
        return "90%";
    }
}

const char* threshold(int cls) {
    switch (std::abs(cls)) {
    case 3:
        return "p < 0.01";
    case 2:
        return "p < 0.05";
    default:
        return "p < 0.10";
    }
}

} // namespace

std::string gistar_class_label(int cls) {
    if (cls == 0)
        return "Gi* not significant";
    return std::string("Gi* ") + (cls > 0 ? "hot" : "cold") + " spot, " + confidence(cls) +
           " confidence (" + threshold(cls) + ")";
}

std::string gistar_layer_name(int cls) {
    if (cls == 0)
        return std::string(k_prefix) + "not significant";
    return std::string(k_prefix) + (cls > 0 ? "hot " : "cold ") + confidence(cls);
}

bool is_gistar_layer(const MapLayer& layer) {
    return layer.name().rfind(k_prefix, 0) == 0;
}

Style gistar_class_style(int cls) {
    Style s;
    if (cls == 0) {
        // Not significant: the lattice stays readable without covering the map.
        s.stroke = {true, rgb(90, 90, 90, 0.25f), 0.5f, 0, 0};
        return s;
    }
    // A diverging red-blue ramp (ColorBrewer RdBu): the darker, the more confident.
    const Rgba hot[] = {rgb(253, 219, 199, 0.70f), rgb(239, 138, 98, 0.75f),
                        rgb(178, 24, 43, 0.80f)};
    const Rgba cold[] = {rgb(209, 229, 240, 0.70f), rgb(103, 169, 207, 0.75f),
                         rgb(33, 102, 172, 0.80f)};
    const int level = std::abs(cls) >= 3 ? 3 : std::abs(cls);
    const Rgba fill = cls > 0 ? hot[level - 1] : cold[level - 1];
    s.fill.enabled = true;
    s.fill.colour = fill;
    s.stroke = {true, {fill.r * 0.7f, fill.g * 0.7f, fill.b * 0.7f, 0.9f}, 0.75f, 0, 0};
    return s;
}

std::vector<MapLayer> gistar_class_layers(const core::LayerData& gistar, core::Date today) {
    const auto ci = gistar.field_index("class");
    if (!ci)
        throw core::UsageError("layer '" + gistar.name +
                               "' has no field 'class' (not a Gi* result)");
    std::vector<MapLayer> out;
    for (int cls : k_gistar_classes) {
        core::LayerData d;
        d.name = gistar_layer_name(cls);
        d.fields = gistar.fields;
        d.epsg = gistar.epsg;
        for (const core::Feature& f : gistar.features) {
            if (*ci >= f.values.size())
                continue;
            const auto& v = f.values[*ci];
            const long value =
                std::holds_alternative<std::int64_t>(v) ? long(std::get<std::int64_t>(v))
                : std::holds_alternative<double>(v)     ? std::lround(std::get<double>(v))
                                                        : 0;
            if (value == cls)
                d.features.push_back(f);
        }
        // Role::Basemap is the one role with no rules or required fields: any geometry goes.
        MapLayer layer(std::move(d), core::Role::Basemap);
        layer.style = gistar_class_style(cls);
        layer.label = gistar_class_label(cls);
        layer.build(today);
        out.push_back(std::move(layer));
    }
    return out;
}

void replace_gistar_layers(Scene& scene, std::vector<MapLayer> layers) {
    auto& all = scene.layers();
    if (scene.selection()) {
        const MapLayer* selected = scene.find(scene.selection()->layer);
        if (selected && is_gistar_layer(*selected))
            scene.select(std::nullopt);
    }
    std::erase_if(all, [](const MapLayer& l) { return is_gistar_layer(l); });
    auto at = std::find_if(all.begin(), all.end(),
                           [](const MapLayer& l) { return l.role() == core::Role::Complaint; });
    all.insert(at, std::make_move_iterator(layers.begin()), std::make_move_iterator(layers.end()));
}

} // namespace redline::scene
