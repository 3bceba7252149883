#pragma once
// Attribute checks that a role's data must pass before it may enter a workspace. Each throws
// IoError naming the file and layer (from `where`), the feature (its source id) and the field.

#include "core/error.hpp"
#include "core/feature.hpp"
#include "core/role.hpp"

#include <string>
#include <utility>
#include <vector>

namespace redline::io {

/// Every text value and field name is well-formed UTF-8 (core::is_valid_utf8).
void check_utf8(const core::LayerData& layer, const core::ErrorContext& where);

/// The role's required fields exist in the layer and have a non-empty value in every feature.
void check_required_fields(const core::LayerData& layer, core::Role role,
                           const core::ErrorContext& where);

/// Every non-empty value of the role's date fields present in the layer is a real day written
/// as ISO 8601 `YYYY-MM-DD` (a trailing `THH:MM...` time is tolerated and ignored).
void check_dates(const core::LayerData& layer, core::Role role, const core::ErrorContext& where);

/// Rewrite `planning_decision` values to approved/refused/withdrawn/pending (granted and
/// permitted mean approved; case and surrounding spaces ignored). Any other value is an error.
void normalise_planning_decisions(core::LayerData& layer, const core::ErrorContext& where);

/// The planning_decision value for free text, or empty when it is not one of the accepted words.
std::string normalise_planning_decision(const std::string& text);

/// Fill `field` (normalised name) with `value` where it is absent or empty, adding the field when
/// the layer lacks it; existing values are kept. Returns how many features were filled.
std::size_t fill_field(core::LayerData& layer, const std::string& field, const std::string& value);

} // namespace redline::io
