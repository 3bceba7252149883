#pragma once

#include "core/geometry.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace redline::core {

/// What a layer is for (docs: shared/docs/data-model.md). Decides the rules, styles and checks.
enum class Role {
    PlanningApplication,
    ApprovedFootprint,
    Building,
    BaselineBuilding,
    Curtilage,
    Highway,
    Complaint,
    ConservationArea,
    Article4DirectionArea,
    ListedBuildingOutline,
    TreePreservationZone,
    Tree,
    Basemap,
};

/// All roles, in the order the data model lists them.
const std::vector<Role>& all_roles();
/// The role's name as published ("planning-application", "article-4-direction-area", ...).
const char* to_string(Role role);
/// Parse a role name; '-' and '_' are the same, case-insensitive. nullopt when unknown.
std::optional<Role> parse_role(std::string_view name);

/// Geometry a role's features must have (None for basemap: anything goes).
GeometryKind expected_geometry(Role role);

/// Fields (normalised names) that a layer of this role must have, with a value in every feature.
const std::vector<std::string>& required_fields(Role role);
/// Fields (normalised) holding ISO dates, checked on import when present. Includes the
/// planning.data.gov.uk entity dates (entry_date, start_date, end_date).
const std::vector<std::string>& date_fields(Role role);
/// Every field the data model names for the role (required or optional), normalised.
const std::vector<std::string>& known_fields(Role role);

/// True for the designation roles drawn as tinted areas and used as constraints.
bool is_designation(Role role);

} // namespace redline::core
