#pragma once

// A small street near (533000, 179000) with one layer of every role the viewer styles, built in
// code so that the golden images depend on nothing but the renderer.

#include "scene/complaint_layer.hpp"
#include "scene/scene.hpp"

namespace redline::test {

inline core::Path box(double x0, double y0, double w, double h) {
    return {{x0, y0}, {x0 + w, y0}, {x0 + w, y0 + h}, {x0, y0 + h}, {x0, y0}};
}

inline core::Feature polygon_feature(std::int64_t fid, core::Polygon p,
                                     std::vector<core::FieldValue> values) {
    core::Feature f;
    f.source_fid = fid;
    f.geometry = core::Geometry::polygon(std::move(p));
    f.values = std::move(values);
    return f;
}

inline core::LayerData layer(const std::string& name, std::vector<std::string> fields) {
    core::LayerData d;
    d.name = name;
    for (auto& f : fields)
        d.fields.push_back({f, core::FieldType::Text});
    return d;
}

inline scene::Scene fixture_scene() {
    using core::Role;
    scene::Scene s;
    s.reference_date = *core::Date::parse("2026-06-01");
    const double x = 533000, y = 179000;

    auto ca = layer("conservation_area", {"name"});
    ca.features.push_back(polygon_feature(
        1, {{box(x - 60, y - 10, 90, 70), box(x - 40, y + 10, 15, 15)}}, {std::string("Grove")}));
    s.add_layer({ca, Role::ConservationArea});
    auto a4 = layer("article_4", {"name", "permitted_development_rights"});
    a4.features.push_back(polygon_feature(1, {{box(x + 10, y - 30, 60, 50)}},
                                          {std::string("A4"), std::string("1A")}));
    s.add_layer({a4, Role::Article4DirectionArea});
    auto tpo = layer("tpo_zones", {"reference"});
    tpo.features.push_back(
        polygon_feature(1, {{box(x + 45, y + 25, 25, 20)}}, {std::string("TPO/1")}));
    s.add_layer({tpo, Role::TreePreservationZone});

    auto baseline = layer("baseline_buildings", {"reference"});
    auto buildings = layer("buildings", {"reference"});
    auto curtilages = layer("curtilages", {"uprn", "address_text"});
    for (int i = 0; i < 5; ++i) {
        const double px = x - 50 + i * 22;
        const std::string n = std::to_string(10 + 2 * i);
        curtilages.features.push_back(
            polygon_feature(i, {{box(px, y - 20, 20, 45)}},
                            {std::string("1000000") + n, n + std::string(" Example Road")}));
        baseline.features.push_back(
            polygon_feature(i, {{box(px + 4, y + 8, 12, 10)}}, {std::string("B") + n}));
        // An L-shaped current house: the original plus a rear extension on some plots.
        core::Path house = i % 2 ? core::Path{{px + 4, y + 8},
                                              {px + 16, y + 8},
                                              {px + 16, y + 18},
                                              {px + 4, y + 18},
                                              {px + 4, y + 8}}
                                 : core::Path{{px + 4, y + 2},  {px + 10, y + 2},  {px + 10, y + 8},
                                              {px + 16, y + 8}, {px + 16, y + 18}, {px + 4, y + 18},
                                              {px + 4, y + 2}};
        buildings.features.push_back(polygon_feature(i, {{house}}, {std::string("H") + n}));
    }
    s.add_layer({curtilages, Role::Curtilage});
    s.add_layer({baseline, Role::BaselineBuilding});
    s.add_layer({buildings, Role::Building});

    auto listed = layer("listed_buildings", {"name"});
    listed.features.push_back(
        polygon_feature(1, {{box(x + 40, y + 5, 10, 12)}}, {std::string("The Old Forge")}));
    s.add_layer({listed, Role::ListedBuildingOutline});

    auto roads = layer("roads", {"name"});
    core::Feature road;
    road.geometry.type = core::GeometryType::LineString;
    road.geometry.lines = {{{x - 70, y + 28}, {x + 20, y + 30}, {x + 80, y + 40}}};
    road.values = {std::string("Example Road")};
    roads.features.push_back(road);
    s.add_layer({roads, Role::Highway});

    auto apps = layer("applications", {"reference", "planning_decision", "address_text"});
    apps.features.push_back(polygon_feature(
        1, {{box(x - 6, y - 20, 20, 45)}},
        {std::string("24/AP/0123"), std::string("approved"), std::string("12 Example Road")}));
    apps.features.push_back(polygon_feature(
        2, {{box(x + 38, y - 20, 20, 45)}},
        {std::string("25/AP/0456"), std::string("pending"), std::string("16 Example Road")}));
    s.add_layer({apps, Role::PlanningApplication});
    auto approved = layer("approved_footprints", {"planning_application"});
    approved.features.push_back(
        polygon_feature(1, {{box(x - 2, y + 4, 12, 12)}}, {std::string("24/AP/0123")}));
    s.add_layer({approved, Role::ApprovedFootprint});

    std::vector<core::Complaint> complaints;
    const char* statuses[] = {"open", "investigating", "closed"};
    const char* dates[] = {"2026-05-20", "2026-02-01", "2025-01-10"};
    for (int i = 0; i < 3; ++i) {
        core::Complaint c;
        c.id = i + 1;
        c.reference = "ENF/C/" + std::to_string(i + 1);
        c.received_date = dates[i];
        c.status = statuses[i];
        c.complainant_name = "Confidential Person";
        c.location = {x - 40 + 35.0 * i, y - 5};
        complaints.push_back(c);
    }
    s.add_layer({scene::complaint_layer(complaints), Role::Complaint});
    s.build();
    return s;
}

} // namespace redline::test
