#include "render/gl_context.hpp"
#include "render/gl_objects.hpp"

#include <gtest/gtest.h>

using namespace redline;

namespace {

core::LayerData square_layer(const std::string& name, double x0, double y0, double size) {
    core::LayerData d;
    d.name = name;
    core::Feature f;
    f.geometry = core::Geometry::polygon(
        {{{{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}, {x0, y0}}}});
    d.features.push_back(f);
    return d;
}

} // namespace

TEST(MapRenderer, DrawsFillsAndOutlinesWhereTheViewPutsThem) {
    REQUIRE_GL();
    scene::Scene s;
    s.add_layer({square_layer("buildings", 533000, 179000, 20), core::Role::Building});
    s.build();
    render::OffscreenTarget target(200, 100);
    render::MapRenderer renderer;
    scene::Viewport view({533010, 179010}, 0.25, 200, 100);
    target.bind();
    render::DrawOptions opts;
    opts.furniture = false;
    renderer.draw(s, view, opts);
    target.resolve();
    const render::Image img = target.read_image();
    ASSERT_EQ(img.width, 200);
    // Centre pixel: inside the building, grey.
    const auto* c = img.pixel(100, 50);
    EXPECT_NEAR(c[0], c[1], 3);
    EXPECT_LT(c[0], 200);
    // Far left: outside the 80 px wide square, paper background.
    const auto* bg = img.pixel(10, 50);
    EXPECT_GT(bg[0], 240);
    EXPECT_EQ(renderer.upload_count(), 1u);

    // A second frame with another opacity uploads nothing new.
    s.layers()[0].opacity = 0.5f;
    target.bind();
    renderer.draw(s, view, opts);
    EXPECT_EQ(renderer.upload_count(), 1u);
    s.layers()[0].set_data(square_layer("buildings", 533000, 179000, 10));
    s.build();
    target.bind();
    renderer.draw(s, view, opts);
    EXPECT_EQ(renderer.upload_count(), 2u);
}

TEST(MapRenderer, HiddenLayerIsNotDrawn) {
    REQUIRE_GL();
    scene::Scene s;
    s.add_layer({square_layer("red", 533000, 179000, 20), core::Role::PlanningApplication});
    s.build();
    render::OffscreenTarget target(64, 64);
    render::MapRenderer renderer;
    scene::Viewport view({533000, 179010}, 0.5, 64, 64); // the left edge runs down the middle
    render::DrawOptions opts;
    opts.furniture = false;
    target.bind();
    renderer.draw(s, view, opts);
    target.resolve();
    const auto* edge = target.read_image().pixel(32, 32);
    EXPECT_GT(edge[0], 180);
    EXPECT_LT(edge[1], 120); // red outline
    s.layers()[0].visible = false;
    target.bind();
    renderer.draw(s, view, opts);
    target.resolve();
    const auto* hidden = target.read_image().pixel(32, 32);
    EXPECT_GT(hidden[1], 240);
}

TEST(MapRenderer, BadShaderThrowsWithProgramName) {
    REQUIRE_GL();
    try {
        render::compile_program("broken", "#version 330 core\nvoid main() { nope; }",
                                "#version 330 core\nvoid main() {}");
        FAIL() << "expected RenderError";
    } catch (const render::RenderError& e) {
        EXPECT_NE(std::string(e.what()).find("broken"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("vertex"), std::string::npos);
    }
}
