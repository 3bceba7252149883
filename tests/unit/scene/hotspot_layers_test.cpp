// Issue #6 in the scene: the heat filter (which complaints are splatted) and the Gi* class
// layers with their styles and legend lines.

#include "scene/complaint_layer.hpp"
#include "scene/gistar_layer.hpp"
#include "scene/legend.hpp"
#include "scene/scene.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>

#include <map>

using namespace redline;

namespace {

core::Complaint complaint(double x, const char* received, const char* category,
                          const char* status) {
    core::Complaint c;
    c.reference = "C" + std::to_string(int(x));
    c.received_date = received;
    c.category = category;
    c.status = status;
    c.location = {x, 179000};
    return c;
}

scene::Scene complaints_scene() {
    scene::Scene s;
    s.add_layer({scene::complaint_layer({complaint(533000, "2026-01-10", "extension", "open"),
                                         complaint(533010, "2026-02-10", "extension", "Closed"),
                                         complaint(533020, "2026-03-10", "tree", "open"),
                                         complaint(533030, "not a date", "tree", "open")}),
                 core::Role::Complaint});
    return s;
}

std::vector<double> xs(const scene::HeatPoints& p) {
    std::vector<double> out;
    for (const auto& c : p.points)
        out.push_back(c.x);
    return out;
}

core::Feature cell(double x, std::int64_t cls) {
    core::Feature f;
    f.geometry = core::Geometry::polygon({{{{x, 0}, {x + 10, 0}, {x + 10, 10}, {x, 10}, {x, 0}}}});
    f.values = {
        std::string("r0c") + std::to_string(int(x)), 1.0, std::int64_t(9), 2.5, 0.01, 0.02, cls};
    return f;
}

core::LayerData gistar_result() {
    core::LayerData d;
    d.name = "gistar";
    for (const char* f : {"site_id", "value", "neighbours", "gi_z", "p_value", "p_fdr", "class"})
        d.fields.push_back({f, core::FieldType::Text});
    d.features = {cell(0, 3), cell(10, 3), cell(20, 0), cell(30, -1)};
    return d;
}

} // namespace

TEST(HeatFilter, NoFilterTakesEveryComplaint) {
    const auto p = scene::select_heat_points(complaints_scene(), {});
    EXPECT_EQ(p.considered, 4u);
    EXPECT_EQ(p.points.size(), 4u);
}

TEST(HeatFilter, DatesAreInclusiveAndAnUnreadableDateIsLeftOut) {
    scene::HeatFilter f;
    f.from = core::Date::parse("2026-02-10");
    f.to = core::Date::parse("2026-03-10");
    EXPECT_EQ(xs(scene::select_heat_points(complaints_scene(), f)),
              (std::vector<double>{533010, 533020}));
}

TEST(HeatFilter, CategoryExactAndStatusIgnoringCase) {
    scene::HeatFilter f;
    f.categories = {"extension"};
    EXPECT_EQ(xs(scene::select_heat_points(complaints_scene(), f)),
              (std::vector<double>{533000, 533010}));
    f.statuses = {"CLOSED"};
    EXPECT_EQ(xs(scene::select_heat_points(complaints_scene(), f)), (std::vector<double>{533010}));
    EXPECT_TRUE(f.active());
    EXPECT_FALSE(scene::HeatFilter{}.active());
}

TEST(HeatFilter, ASceneWithoutComplaintsHasNoPoints) {
    const auto p = scene::select_heat_points(scene::Scene{}, {});
    EXPECT_TRUE(p.points.empty());
    EXPECT_EQ(p.considered, 0u);
}

TEST(GistarLayers, OneLayerPerClassWithItsCells) {
    const auto layers =
        scene::gistar_class_layers(gistar_result(), *core::Date::parse("2026-06-01"));
    ASSERT_EQ(layers.size(), 7u);
    std::map<std::string, std::size_t> counts;
    for (const auto& l : layers) {
        counts[l.name()] = l.data().features.size();
        EXPECT_TRUE(l.built());
        EXPECT_TRUE(scene::is_gistar_layer(l));
        // Every statistic stays on the cell for identify.
        EXPECT_EQ(l.data().fields.size(), 7u);
    }
    EXPECT_EQ(counts["Gi* hot 99%"], 2u);
    EXPECT_EQ(counts["Gi* not significant"], 1u);
    EXPECT_EQ(counts["Gi* cold 90%"], 1u);
    EXPECT_EQ(counts["Gi* hot 95%"], 0u);
}

TEST(GistarLayers, HotIsRedColdIsBlueAndNotSignificantIsNotFilled) {
    const auto hot = scene::gistar_class_style(3), cold = scene::gistar_class_style(-3);
    EXPECT_TRUE(hot.fill.enabled);
    EXPECT_GT(hot.fill.colour.r, hot.fill.colour.b);
    EXPECT_GT(cold.fill.colour.b, cold.fill.colour.r);
    EXPECT_FALSE(scene::gistar_class_style(0).fill.enabled);
    // Darker with confidence.
    const auto hot90 = scene::gistar_class_style(1);
    EXPECT_GT(hot90.fill.colour.g, hot.fill.colour.g);
}

TEST(GistarLayers, LegendExplainsEachClassHotFirst) {
    scene::Scene s = complaints_scene();
    scene::replace_gistar_layers(s, scene::gistar_class_layers(gistar_result(), s.reference_date));
    std::vector<std::string> labels;
    for (const auto& e : scene::build_legend(s))
        if (e.label.rfind("Gi*", 0) == 0)
            labels.push_back(e.label);
    EXPECT_EQ(labels, (std::vector<std::string>{"Gi* hot spot, 99% confidence (p < 0.01)",
                                                "Gi* hot spot, 95% confidence (p < 0.05)",
                                                "Gi* hot spot, 90% confidence (p < 0.10)",
                                                "Gi* cold spot, 99% confidence (p < 0.01)",
                                                "Gi* cold spot, 95% confidence (p < 0.05)",
                                                "Gi* cold spot, 90% confidence (p < 0.10)",
                                                "Gi* not significant"}));
    // The complaints stay on top of the cells.
    EXPECT_EQ(s.layers().back().role(), core::Role::Complaint);
}

TEST(GistarLayers, ReplacingRemovesTheOldRunAndItsSelection) {
    scene::Scene s = complaints_scene();
    scene::replace_gistar_layers(s, scene::gistar_class_layers(gistar_result(), s.reference_date));
    ASSERT_EQ(s.layers().size(), 8u);
    s.select(scene::FeatureRef{"Gi* hot 99%", 0});
    scene::replace_gistar_layers(s, {});
    EXPECT_EQ(s.layers().size(), 1u);
    EXPECT_FALSE(s.selection());
}

TEST(GistarLayers, ALayerWithoutClassIsRefused) {
    core::LayerData d;
    d.name = "not_gistar";
    EXPECT_THROW(scene::gistar_class_layers(d, core::Date{}), core::UsageError);
}
