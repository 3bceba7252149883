#pragma once

#include "scene/scene.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace redline::scene {

/// One search result: the feature, a line of text to show and its extent (EPSG:27700).
struct SearchHit {
    FeatureRef ref;
    std::string label;   ///< e.g. "24/AP/0123 - 12 Example Road (planning-application)"
    std::string matched; ///< the field that matched ("reference", "uprn", "address_text", ...)
    core::Envelope extent;
};

/// Fields searched, in priority order: references first, then UPRN, address and name.
const std::vector<std::string>& searchable_fields();

/// Find features whose searchable fields contain `query` (case-insensitive, spaces trimmed);
/// exact matches come before partial ones, then layers top-down. At most `max_hits`.
/// Complainant fields are never searched. Pure; runs on any thread holding the scene.
std::vector<SearchHit> search_features(const Scene& scene, std::string_view query,
                                       std::size_t max_hits = 50);

/// A one-line label for a feature: its reference (or name, address, fid) and its layer.
std::string feature_label(const MapLayer& layer, std::size_t feature);

/// True for fields that must stay hidden unless the user reveals them (complainant details).
bool is_confidential_field(const std::string& normalised_name);

} // namespace redline::scene
