// The UI driven like a user (ImGui with no window), the app's executor carrying out the actions,
// and the renderer showing the result.

#include "render/fixture_scene.hpp"
#include "render/gl_context.hpp"
#include "unit/app/viewer_driver.hpp"

#include <gtest/gtest.h>

using namespace redline;

namespace {

struct Flow : test::ViewerDriver {
    Flow() : ViewerDriver(1280, 800) {
        state.scene = std::make_unique<scene::Scene>(test::fixture_scene());
        state.view = scene::Viewport({533005, 179012}, 1, 800, 600);
        state.view.set_scale_denominator(1000);
        run(); // the map panel reports its size
    }
};

render::Image draw(const app::AppState& s) {
    return test::draw_offscreen(*s.scene, s.view);
}

} // namespace

TEST(UiFlow, ClickingAFeatureSelectsIt) {
    Flow f;
    // Inside application 24/AP/0123 (x 532994..533014) but outside its approved footprint.
    f.click_map_at({533004, 178985});
    ASSERT_TRUE(f.state.scene->selection());
    EXPECT_EQ(f.state.scene->selection()->layer, "applications");
    EXPECT_EQ(f.state.scene->selection()->feature, 0u);
    // A complaint symbol is on top of everything.
    f.click_map_at({532960, 178995});
    ASSERT_TRUE(f.state.scene->selection());
    EXPECT_EQ(f.state.scene->selection()->layer, "complaints");
    // Nothing there: the selection clears.
    f.click_map_at({533100, 179100});
    EXPECT_FALSE(f.state.scene->selection());
}

TEST(UiFlow, TogglingVisibilityChangesTheRenderedImage) {
    REQUIRE_GL();
    Flow f;
    const render::Image before = draw(f.state);
    ASSERT_TRUE(f.state.scene->find("buildings")->visible);
    f.click("layers.visible.buildings");
    EXPECT_FALSE(f.state.scene->find("buildings")->visible);
    const render::Image after = draw(f.state);
    const auto d = render::compare_images(before, after, 8);
    EXPECT_GT(d.differing, 500u);
}

TEST(UiFlow, SearchingAReferenceSelectsAndFramesIt) {
    Flow f;
    f.state.view.set_centre({540000, 170000}); // somewhere else entirely
    f.state.view.set_scale_denominator(50000);
    f.imgui.memory.focus_search = true;
    f.run();
    f.run();
    f.run();
    f.execute(f.imgui.type_and_enter(f.view_state(), "25/ap/0456"));
    ASSERT_TRUE(f.state.scene->selection());
    EXPECT_EQ(f.state.scene->selection()->layer, "applications");
    EXPECT_EQ(f.state.scene->selection()->feature, 1u);
    // Framed: the site (533038..533058, 178980..179025) is on screen, at a site-plan scale.
    const core::Envelope b = f.state.view.world_bounds();
    EXPECT_LE(b.min_x, 533038);
    EXPECT_GE(b.max_x, 533058);
    EXPECT_LE(b.min_y, 178980);
    EXPECT_GE(b.max_y, 179025);
    EXPECT_LE(f.state.view.scale_denominator(), 1250.0 + 1e-6);
    // The result list shows it, and clicking it again keeps it selected.
    ASSERT_EQ(f.state.search_hits.size(), 1u);
    f.run();
    f.click("search.hit.0");
    EXPECT_EQ(f.state.scene->selection()->feature, 1u);
}
