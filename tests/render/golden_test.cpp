#include "render/basemap_fixture.hpp"
#include "render/fixture_scene.hpp"
#include "render/golden.hpp"

#include "app/basemap_loader.hpp"

#include "render/gl_context.hpp"

using namespace redline;

namespace {

render::Image draw(const scene::Scene& s, const scene::Viewport& view, bool furniture) {
    render::DrawOptions options;
    options.furniture = furniture;
    return test::draw_offscreen(s, view, options);
}

scene::Viewport street_view(double scale) {
    scene::Viewport v({533005, 179012}, 1, 480, 320);
    v.set_scale_denominator(scale);
    return v;
}

} // namespace

TEST(Golden, DefaultStyles) {
    REQUIRE_GL();
    const scene::Scene s = test::fixture_scene();
    EXPECT_TRUE(test::matches_golden("default_styles", draw(s, street_view(1000), false)));
}

TEST(Golden, SelectedFeature) {
    REQUIRE_GL();
    scene::Scene s = test::fixture_scene();
    s.select(scene::FeatureRef{"applications", 0});
    EXPECT_TRUE(test::matches_golden("selected_feature", draw(s, street_view(1000), false)));
}

TEST(Golden, HiddenLayer) {
    REQUIRE_GL();
    scene::Scene s = test::fixture_scene();
    s.find("buildings")->visible = false;
    s.find("article_4")->visible = false;
    EXPECT_TRUE(test::matches_golden("hidden_layer", draw(s, street_view(1000), false)));
}

TEST(Golden, ScaleBarAt1250) {
    REQUIRE_GL();
    const scene::Scene s = test::fixture_scene();
    EXPECT_TRUE(test::matches_golden("scale_bar_1250", draw(s, street_view(1250), true)));
}

TEST(Golden, RasterBasemapUnderTheLayers) {
    REQUIRE_GL();
    // A generated 0.5 m GeoTIFF (EPSG:27700) under the street; the conservation area and
    // curtilages are hidden so the picture shows through the buildings and the red lines.
    const auto dir = std::filesystem::temp_directory_path() / "redline_golden_basemap";
    std::filesystem::create_directories(dir);
    test::write_basemap(
        dir / "aerial.tif", "GTiff", 27700, 532900, 179080, 0.5, 400, 320, [](double&, double&) {},
        true);
    scene::Scene s = test::fixture_scene();
    s.find("conservation_area")->visible = false;
    s.find("curtilages")->visible = false;
    const scene::Viewport view = street_view(1000);
    s.add_basemap(app::load_basemap_now((dir / "aerial.tif").string(), view));
    EXPECT_TRUE(test::matches_golden("raster_basemap", draw(s, view, true)));
}

TEST(Golden, FindingWithDimensionLineAndLabel) {
    REQUIRE_GL();
    scene::Scene s = test::fixture_scene();
    scene::Finding f;
    f.id = 1;
    f.code = "pd-rear-depth";
    f.annotation_text = "4.6 m beyond rear wall, limit 3.0 m";
    // The rear extension of house 12 (x 532996..533006): from the original rear wall at y+8
    // down to y+2, drawn as a dimension line beside it.
    f.geometry = core::Geometry::polygon({{{{532996, 179002},
                                            {533002, 179002},
                                            {533002, 179008},
                                            {532996, 179008},
                                            {532996, 179002}}}});
    f.annotation.type = core::GeometryType::LineString;
    f.annotation.lines = {{{532994.5, 179008}, {532994.5, 179002}}};
    s.highlight_finding(f);
    EXPECT_TRUE(test::matches_golden("finding_dimension", draw(s, street_view(500), false)));
}

TEST(Golden, HeatSurfaceOfComplaints) {
    REQUIRE_GL();
    scene::Scene s = test::fixture_scene();
    s.heat.enabled = true;
    s.heat.radius_m = 40;
    EXPECT_TRUE(test::matches_golden("heat_surface", draw(s, street_view(1000), false)));
}
