#pragma once

#include "core/date.hpp"
#include "core/feature.hpp"
#include "core/role.hpp"

#include <map>
#include <string>
#include <vector>

namespace redline::analysis {

/// What a breach check reads: one merged layer per role (all the workspace's layers of that role
/// together), EPSG:27700, and the analysis date. A role with no layer is absent from `layers`,
/// which is how the check knows to skip the rules that need it.
struct BreachInput {
    core::Date as_of = core::Date::today();
    std::map<core::Role, core::LayerData> layers;
    /// Names of the source layers merged into each role (for messages and the run record).
    std::map<core::Role, std::vector<std::string>> sources;

    /// Merge `layer` into the role's layer: fields are matched by normalised name, new ones are
    /// appended (earlier features get null), and source fids are kept. Throws GeometryError when
    /// the layer is not in EPSG:27700.
    void add(core::Role role, const core::LayerData& layer);
    /// As add(), taking the layer over instead of copying it (the first layer of a role).
    void add(core::Role role, core::LayerData&& layer);
    /// The role's merged layer, or nullptr when no layer has that role.
    const core::LayerData* get(core::Role role) const;
};

} // namespace redline::analysis
