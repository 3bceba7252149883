// Merging several layers of one role into the single layer per role that the rules read.
#include "analysis/breach_input.hpp"

#include "core/error.hpp"

namespace redline::analysis {

void BreachInput::add(core::Role role, core::LayerData&& layer) {
    if (layers.count(role) != 0 || layer.epsg != 27700)
        return add(role, static_cast<const core::LayerData&>(layer));
    sources[role].push_back(layer.name);
    core::LayerData& merged = layers[role];
    merged = std::move(layer);
    merged.name = core::to_string(role);
    for (auto& f : merged.fields)
        f.name = core::normalise_field_name(f.name);
}

void BreachInput::add(core::Role role, const core::LayerData& layer) {
    if (layer.epsg != 27700)
        throw core::GeometryError("layer '" + layer.name +
                                  "' is in EPSG:" + std::to_string(layer.epsg) +
                                  "; the breach rules measure in EPSG:27700");
    auto [it, fresh] = layers.try_emplace(role);
    core::LayerData& merged = it->second;
    sources[role].push_back(layer.name);
    if (fresh) {
        merged = layer;
        merged.name = core::to_string(role);
        for (auto& f : merged.fields)
            f.name = core::normalise_field_name(f.name);
        return;
    }
    // Where each of the new layer's fields goes in the merged one.
    std::vector<std::size_t> target;
    for (const auto& f : layer.fields) {
        const auto name = core::normalise_field_name(f.name);
        auto idx = merged.field_index(name);
        if (!idx) {
            merged.fields.push_back({name, f.type});
            for (auto& feature : merged.features)
                feature.values.emplace_back();
            idx = merged.fields.size() - 1;
        }
        target.push_back(*idx);
    }
    for (const auto& feature : layer.features) {
        core::Feature copy;
        copy.source_fid = feature.source_fid;
        copy.geometry = feature.geometry;
        copy.values.resize(merged.fields.size());
        for (std::size_t i = 0; i < target.size() && i < feature.values.size(); ++i)
            copy.values[target[i]] = feature.values[i];
        merged.features.push_back(std::move(copy));
    }
}

const core::LayerData* BreachInput::get(core::Role role) const {
    const auto it = layers.find(role);
    return it == layers.end() ? nullptr : &it->second;
}

} // namespace redline::analysis
