// SelectCase carried out by the app's executor: a case frames its application's red line, its
// UPRN's curtilage, or its own site point.

#include "render/fixture_scene.hpp"

#include "app/app_state.hpp"

#include <gtest/gtest.h>

using namespace redline;

namespace {

app::AppState state_with_cases() {
    app::AppState st;
    st.scene = std::make_unique<scene::Scene>(test::fixture_scene());
    st.view = scene::Viewport({530000, 170000}, 5, 800, 600);
    core::EnforcementCase a;
    a.reference = "ENF/26/0001";
    a.application_reference = "25/AP/0456";
    core::EnforcementCase b;
    b.reference = "ENF/26/0002";
    b.uprn = "100000014";
    core::EnforcementCase c;
    c.reference = "ENF/26/0003";
    c.site = core::Coord{533100, 179100};
    st.cases = {a, b, c};
    return st;
}

} // namespace

TEST(CaseworkFlow, ACaseFramesItsApplicationsRedLine) {
    app::AppState st = state_with_cases();
    app::execute(st, ui::SelectCase{"ENF/26/0001"});
    EXPECT_EQ(st.selected_case, "ENF/26/0001");
    ASSERT_TRUE(st.scene->selection());
    EXPECT_EQ(st.scene->selection()->layer, "applications");
    EXPECT_EQ(st.scene->selection()->feature, 1u);
    EXPECT_NEAR(st.view.centre().x, 533048, 1);
    EXPECT_LE(st.view.metres_per_px(), app::framing_metres_per_px() + 1e-9);
}

TEST(CaseworkFlow, ACaseWithAUprnFramesTheCurtilage) {
    app::AppState st = state_with_cases();
    app::execute(st, ui::SelectCase{"ENF/26/0002"});
    ASSERT_TRUE(st.scene->selection());
    EXPECT_EQ(st.scene->selection()->layer, "curtilages");
    EXPECT_EQ(st.scene->selection()->feature, 2u);
}

TEST(CaseworkFlow, ACaseWithOnlyASitePointCentresThereAt1To1250) {
    app::AppState st = state_with_cases();
    app::execute(st, ui::SelectCase{"ENF/26/0003"});
    EXPECT_FALSE(st.scene->selection());
    EXPECT_DOUBLE_EQ(st.view.centre().x, 533100);
    EXPECT_NEAR(st.view.scale_denominator(), 1250, 1e-6);
}
