#include "scene/complaint_layer.hpp"
#include "scene/feature_picker.hpp"
#include "scene/feature_search.hpp"
#include "scene/legend.hpp"
#include "scene/scene.hpp"

#include <gtest/gtest.h>

using namespace redline;

namespace {

core::Path rect(double x0, double y0, double w, double h) {
    return {{x0, y0}, {x0 + w, y0}, {x0 + w, y0 + h}, {x0, y0 + h}, {x0, y0}};
}

core::LayerData applications() {
    core::LayerData d;
    d.name = "applications";
    d.fields = {{"reference", core::FieldType::Text}, {"address_text", core::FieldType::Text}};
    core::Feature a;
    a.source_fid = 1;
    a.geometry = core::Geometry::polygon({{rect(533000, 179000, 20, 30)}});
    a.values = {std::string("24/AP/0123"), std::string("12 Example Road")};
    core::Feature b;
    b.source_fid = 2;
    b.geometry = core::Geometry::polygon({{rect(533100, 179000, 20, 30)}});
    b.values = {std::string("24/AP/0999"), std::string("14 Example Road")};
    d.features = {a, b};
    return d;
}

core::LayerData conservation() {
    core::LayerData d;
    d.name = "conservation";
    d.fields = {{"name", core::FieldType::Text}};
    core::Feature f;
    f.geometry = core::Geometry::polygon({{rect(532900, 178900, 400, 400)}});
    f.values = {std::string("Camberwell Grove")};
    d.features = {f};
    return d;
}

} // namespace

TEST(Scene, LayersGoInRoleOrderAndOriginIsRounded) {
    scene::Scene s;
    s.add_layer({applications(), core::Role::PlanningApplication});
    s.add_layer({conservation(), core::Role::ConservationArea});
    ASSERT_EQ(s.layers().size(), 2u);
    EXPECT_EQ(s.layers()[0].name(), "conservation"); // designations underneath
    EXPECT_EQ(s.origin().x, 533000);
    EXPECT_EQ(s.origin().y, 179000);
    s.move_layer(0, 1);
    EXPECT_EQ(s.layers()[1].name(), "conservation");
}

TEST(Scene, BuildTriangulatesOnceAndCaches) {
    scene::Scene s;
    s.add_layer({applications(), core::Role::PlanningApplication});
    s.build();
    const auto& layer = s.layers()[0];
    EXPECT_TRUE(layer.built());
    EXPECT_EQ(layer.draw_list().fill.triangle_count(), 4u);
    EXPECT_EQ(layer.draw_list().lines.size(), 2u);
    const auto rev = layer.revision();
    s.layers()[0].opacity = 0.5f;
    s.build();
    EXPECT_EQ(s.layers()[0].revision(), rev); // style changes do not rebuild geometry
    s.layers()[0].set_data(applications());
    s.build();
    EXPECT_NE(s.layers()[0].revision(), rev);
}

TEST(Scene, DefaultStylesReadAtAGlance) {
    const auto red = scene::default_style(core::Role::PlanningApplication);
    EXPECT_GT(red.stroke.colour.r, 0.8f);
    EXPECT_LT(red.stroke.colour.g, 0.2f);
    const auto approved = scene::default_style(core::Role::ApprovedFootprint);
    EXPECT_GT(approved.stroke.colour.b, 0.7f);
    EXPECT_GT(approved.stroke.dash_px, 0);
    const auto baseline = scene::default_style(core::Role::BaselineBuilding);
    const auto building = scene::default_style(core::Role::Building);
    EXPECT_LT(baseline.fill.colour.a, building.fill.colour.a);
    // Every designation has its own colour and a hatch.
    std::vector<scene::Rgba> seen;
    for (auto r : {core::Role::ConservationArea, core::Role::Article4DirectionArea,
                   core::Role::ListedBuildingOutline, core::Role::TreePreservationZone}) {
        const auto st = scene::default_style(r);
        EXPECT_GT(st.fill.hatch_spacing_px, 0);
        for (const auto& c : seen)
            EXPECT_NE(c, st.stroke.colour);
        seen.push_back(st.stroke.colour);
    }
}

TEST(Scene, ComplaintSymbolsByStatusAndAge) {
    core::Complaint open_old;
    open_old.reference = "C1";
    open_old.received_date = "2025-01-01";
    open_old.status = "open";
    open_old.location = {533010, 179010};
    core::Complaint closed_new = open_old;
    closed_new.reference = "C2";
    closed_new.received_date = "2025-12-20";
    closed_new.status = "closed";
    scene::Scene s;
    s.reference_date = *core::Date::parse("2026-01-01");
    s.add_layer({scene::complaint_layer({open_old, closed_new}), core::Role::Complaint});
    s.build();
    const auto& pts = s.layers()[0].draw_list().points;
    ASSERT_EQ(pts.size(), 2u);
    EXPECT_GT(pts[0].style.fill.r, 0.8f);
    EXPECT_GT(pts[0].style.size_px, pts[1].style.size_px); // older is larger
    EXPECT_EQ(pts[1].style.fill, scene::complaint_symbol("closed", scene::AgeBand::New).fill);
    EXPECT_EQ(scene::age_band(10), scene::AgeBand::New);
    EXPECT_EQ(scene::age_band(100), scene::AgeBand::Recent);
    EXPECT_EQ(scene::age_band(400), scene::AgeBand::Old);
}

TEST(Scene, PickTopmostVisibleFeature) {
    scene::Scene s;
    s.add_layer({conservation(), core::Role::ConservationArea});
    s.add_layer({applications(), core::Role::PlanningApplication});
    s.build();
    auto hit = scene::pick_feature(s, {533010, 179010}, 0.5, 0.1);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->layer, "applications");
    EXPECT_EQ(hit->feature, 0u);
    hit = scene::pick_feature(s, {533050, 179010}, 0.5, 0.1);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->layer, "conservation");
    s.find("conservation")->visible = false;
    EXPECT_FALSE(scene::pick_feature(s, {533050, 179010}, 0.5, 0.1));
    EXPECT_FALSE(scene::pick_feature(s, {540000, 170000}, 0.5, 0.1));
}

TEST(Scene, SearchByReferenceAndAddress) {
    scene::Scene s;
    s.add_layer({applications(), core::Role::PlanningApplication});
    auto hits = scene::search_features(s, " 24/ap/0999 ");
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].ref.feature, 1u);
    EXPECT_EQ(hits[0].matched, "reference");
    EXPECT_DOUBLE_EQ(hits[0].extent.min_x, 533100);
    hits = scene::search_features(s, "example road");
    EXPECT_EQ(hits.size(), 2u);
    EXPECT_TRUE(scene::search_features(s, "").empty());
}

TEST(Scene, SearchNeverMatchesComplainants) {
    core::Complaint c;
    c.reference = "ENF/C/1";
    c.complainant_name = "Jane Secret";
    scene::Scene s;
    s.add_layer({scene::complaint_layer({c}), core::Role::Complaint});
    EXPECT_TRUE(scene::search_features(s, "secret").empty());
    EXPECT_EQ(scene::search_features(s, "enf/c/1").size(), 1u);
    EXPECT_TRUE(scene::is_confidential_field("complainant_name"));
}

TEST(Scene, SelectionDrawListAndLegend) {
    scene::Scene s;
    s.add_layer({applications(), core::Role::PlanningApplication});
    s.add_layer({conservation(), core::Role::ConservationArea});
    EXPECT_TRUE(s.selection_draw_list().lines.empty());
    s.select(scene::FeatureRef{"applications", 1});
    EXPECT_EQ(s.selection_draw_list().lines.size(), 1u);
    auto legend = scene::build_legend(s);
    ASSERT_EQ(legend.size(), 2u);
    EXPECT_EQ(legend[0].layer, "applications"); // top of the map first
    s.find("applications")->visible = false;
    EXPECT_EQ(scene::build_legend(s).size(), 1u);
}
