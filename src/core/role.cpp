#include "core/role.hpp"

#include "core/feature.hpp"

#include <map>

namespace redline::core {
namespace {

struct RoleInfo {
    Role role;
    const char* name;
    GeometryKind geometry;
    std::vector<std::string> required;
    std::vector<std::string> optional;
    std::vector<std::string> dates;
};

const std::vector<RoleInfo>& table() {
    // shared/docs/data-model.md, "layer roles and their fields". The planning.data.gov.uk entity
    // dates apply to every role (an entity with a past end_date no longer applies).
    static const std::vector<RoleInfo> k_table = {
        {Role::PlanningApplication,
         "planning-application",
         GeometryKind::Polygon,
         {"reference", "planning_decision", "decision_date"},
         {"description", "address_text", "uprn", "development_type"},
         {"decision_date"}},
        {Role::ApprovedFootprint,
         "approved-footprint",
         GeometryKind::Polygon,
         {"planning_application"},
         {"height_m", "eaves_m"},
         {}},
        {Role::Building,
         "building",
         GeometryKind::Polygon,
         {},
         {"reference", "observed_date", "height_m", "eaves_m"},
         {"observed_date"}},
        {Role::BaselineBuilding,
         "baseline-building",
         GeometryKind::Polygon,
         {},
         {"reference", "observed_date"},
         {"observed_date"}},
        {Role::Curtilage, "curtilage", GeometryKind::Polygon, {}, {"uprn", "address_text"}, {}},
        {Role::Highway, "highway", GeometryKind::Line, {}, {"name"}, {}},
        {Role::Complaint,
         "complaint",
         GeometryKind::Point,
         {"reference", "received_date"},
         {"category", "description", "status", "complainant_name", "complainant_contact"},
         {"received_date"}},
        {Role::ConservationArea,
         "conservation-area",
         GeometryKind::Polygon,
         {},
         {"reference", "name", "designation_date"},
         {"designation_date"}},
        {Role::Article4DirectionArea,
         "article-4-direction-area",
         GeometryKind::Polygon,
         {"permitted_development_rights"},
         {"reference", "name"},
         {}},
        {Role::ListedBuildingOutline,
         "listed-building-outline",
         GeometryKind::Polygon,
         {},
         {"reference", "name", "listed_building"},
         {}},
        {Role::TreePreservationZone,
         "tree-preservation-zone",
         GeometryKind::Polygon,
         {},
         {"reference", "tree_preservation_order", "zone_type"},
         {}},
        {Role::Tree,
         "tree",
         GeometryKind::Point,
         {},
         {"reference", "tree_preservation_order", "stem_diameter_m"},
         {}},
        {Role::Basemap, "basemap", GeometryKind::None, {}, {}, {}},
    };
    return k_table;
}

const RoleInfo& info(Role role) {
    for (const auto& r : table())
        if (r.role == role)
            return r;
    return table().back();
}

} // namespace

const std::vector<Role>& all_roles() {
    static const std::vector<Role> k_roles = [] {
        std::vector<Role> out;
        for (const auto& r : table())
            out.push_back(r.role);
        return out;
    }();
    return k_roles;
}

const char* to_string(Role role) {
    return info(role).name;
}

std::optional<Role> parse_role(std::string_view name) {
    std::string key = normalise_field_name(std::string(name));
    for (auto& c : key)
        if (c == '_')
            c = '-';
    for (const auto& r : table())
        if (key == r.name)
            return r.role;
    return std::nullopt;
}

GeometryKind expected_geometry(Role role) {
    return info(role).geometry;
}

const std::vector<std::string>& required_fields(Role role) {
    return info(role).required;
}

const std::vector<std::string>& date_fields(Role role) {
    static const std::map<Role, std::vector<std::string>> k_dates = [] {
        std::map<Role, std::vector<std::string>> out;
        for (const auto& r : table()) {
            auto d = r.dates;
            for (const char* entity : {"entry_date", "start_date", "end_date"})
                d.emplace_back(entity);
            out[r.role] = d;
        }
        return out;
    }();
    return k_dates.at(role);
}

const std::vector<std::string>& known_fields(Role role) {
    static const std::map<Role, std::vector<std::string>> k_known = [] {
        std::map<Role, std::vector<std::string>> out;
        for (const auto& r : table()) {
            auto all = r.required;
            all.insert(all.end(), r.optional.begin(), r.optional.end());
            out[r.role] = all;
        }
        return out;
    }();
    return k_known.at(role);
}

bool is_designation(Role role) {
    return role == Role::ConservationArea || role == Role::Article4DirectionArea ||
           role == Role::ListedBuildingOutline || role == Role::TreePreservationZone ||
           role == Role::Tree;
}

} // namespace redline::core
