#include "scene/feature_search.hpp"

#include "core/text.hpp"

#include <algorithm>

namespace redline::scene {

const std::vector<std::string>& searchable_fields() {
    static const std::vector<std::string> fields{
        "reference", "planning_application", "uprn", "address_text", "name", "description"};
    return fields;
}

bool is_confidential_field(const std::string& normalised_name) {
    return normalised_name == "complainant_name" || normalised_name == "complainant_contact";
}

std::string feature_label(const MapLayer& layer, std::size_t feature) {
    const core::LayerData& d = layer.data();
    std::string head;
    for (const char* f : {"reference", "name", "address_text"}) {
        auto idx = d.field_index(f);
        if (idx && feature < d.features.size() && *idx < d.features[feature].values.size()) {
            std::string v = core::to_text(d.features[feature].values[*idx]);
            if (!v.empty()) {
                head = head.empty() ? v : head + " - " + v;
                if (head.size() > 60)
                    break;
            }
        }
    }
    if (head.empty() && feature < d.features.size())
        head = "feature " + std::to_string(d.features[feature].source_fid);
    return head + " (" + layer.name() + ")";
}

std::vector<SearchHit> search_features(const Scene& scene, std::string_view query,
                                       std::size_t max_hits) {
    const std::string q = core::to_lower(core::trim(query));
    if (q.empty())
        return {};
    std::vector<SearchHit> exact, partial;
    const auto& layers = scene.layers();
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
        const core::LayerData& d = it->data();
        std::vector<std::pair<std::size_t, std::string>> columns;
        for (const auto& name : searchable_fields())
            if (auto idx = d.field_index(name))
                columns.emplace_back(*idx, name);
        for (std::size_t i = 0; i < d.features.size(); ++i) {
            for (const auto& [idx, name] : columns) {
                if (idx >= d.features[i].values.size())
                    continue;
                const std::string v = core::to_lower(core::to_text(d.features[i].values[idx]));
                const auto pos = v.find(q);
                if (pos == std::string::npos)
                    continue;
                SearchHit hit{{it->name(), i},
                              feature_label(*it, i),
                              name,
                              d.features[i].geometry.envelope()};
                (v == q ? exact : partial).push_back(std::move(hit));
                break;
            }
        }
    }
    exact.insert(exact.end(), std::make_move_iterator(partial.begin()),
                 std::make_move_iterator(partial.end()));
    if (exact.size() > max_hits)
        exact.resize(max_hits);
    return exact;
}

} // namespace redline::scene
