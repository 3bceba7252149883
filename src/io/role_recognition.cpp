#include "io/role_recognition.hpp"

#include "core/feature.hpp"
#include "core/text.hpp"

#include <algorithm>

namespace redline::io {
namespace {

bool has(const std::vector<std::string>& fields, const char* name) {
    return std::find(fields.begin(), fields.end(), name) != fields.end();
}

/// Fields that only one role's data carries (shared/docs/data-model.md and the
/// planning.data.gov.uk field lists in shared/docs/domain.md). Checked in order; the first
/// match wins.
std::optional<core::Role> role_from_fields(const std::vector<std::string>& f) {
    using core::Role;
    if (has(f, "permitted_development_rights"))
        return Role::Article4DirectionArea;
    if (has(f, "planning_decision") && has(f, "decision_date"))
        return Role::PlanningApplication;
    if (has(f, "complainant_name") || (has(f, "received_date") && has(f, "category")))
        return Role::Complaint;
    if (has(f, "tree_preservation_order") && has(f, "zone_type"))
        return Role::TreePreservationZone;
    if (has(f, "tree_preservation_order") && (has(f, "stem_diameter_m") || has(f, "tree_species")))
        return Role::Tree;
    if (has(f, "listed_building"))
        return Role::ListedBuildingOutline;
    if (has(f, "planning_application") && !has(f, "planning_decision"))
        return Role::ApprovedFootprint;
    return std::nullopt;
}

} // namespace

std::optional<core::Role> role_from_dataset_name(const std::string& name) {
    std::string key = core::to_lower(core::trim(name));
    std::replace(key.begin(), key.end(), '_', '-');
    std::replace(key.begin(), key.end(), ' ', '-');
    if (key.empty() || key == "basemap")
        return std::nullopt; // "basemap" is Redline's own word, not a dataset
    return core::parse_role(key);
}

std::optional<core::Role> recognise_role(const RoleEvidence& evidence) {
    if (evidence.dataset_values.size() == 1)
        if (auto r = role_from_dataset_name(evidence.dataset_values.front()))
            return r;
    if (auto r = role_from_dataset_name(evidence.file_stem))
        return r;
    if (auto r = role_from_dataset_name(evidence.layer_name))
        return r;
    return role_from_fields(evidence.field_names);
}

std::string role_names_list() {
    std::string out;
    for (auto role : core::all_roles()) {
        if (!out.empty())
            out += ", ";
        out += core::to_string(role);
    }
    return out;
}

} // namespace redline::io
