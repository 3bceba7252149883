// Issue #6 in the viewer, driven like a user: the heat filter changes the count and the picture,
// the Gi* layer is drawn by class (golden image) and a click on a cell identifies it.

#include "render/fixture_scene.hpp"
#include "render/gl_context.hpp"
#include "render/golden.hpp"
#include "unit/app/viewer_driver.hpp"

#include "app/gistar_worker.hpp"
#include "render/heat_layer.hpp"
#include "render/offscreen_target.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace redline;

namespace {

/// The fixture street with its complaints replaced by 100: 40 clustered north-east of the street
/// and 60 spread evenly (a fixed LCG, so the picture is the same every run), and the Hotspots
/// tab's inputs.
struct HotspotsFlow : test::ViewerDriver {
    HotspotsFlow() : ViewerDriver(1280, 800) {
        scene::Scene s = test::fixture_scene();
        std::vector<core::Complaint> complaints;
        std::uint32_t seed = 12345;
        auto next = [&seed] {
            seed = seed * 1664525u + 1013904223u;
            return double(seed >> 8) / double(1u << 24);
        };
        for (int i = 0; i < 100; ++i) {
            core::Complaint c;
            c.reference = "GEN/" + std::to_string(i);
            c.received_date = i % 2 ? "2026-03-01" : "2026-09-01";
            c.category = i % 3 ? "extension" : "tree";
            c.status = i % 4 ? "open" : "closed";
            if (i < 40)
                c.location = {533040 + 12 * (next() - 0.5), 179025 + 12 * (next() - 0.5)};
            else
                c.location = {532930 + 160 * next(), 178940 + 140 * next()};
            complaints.push_back(c);
        }
        s.add_layer({scene::complaint_layer(complaints), core::Role::Complaint});
        s.build();
        state.scene = std::make_unique<scene::Scene>(std::move(s));
        state.view = scene::Viewport({533005, 179012}, 1, 800, 600);
        state.view.set_scale_denominator(1500);
        state.dashboard.emplace();
        state.dashboard->categories = {"extension", "tree"};
        state.dashboard->statuses = {"closed", "open"};
        app::refresh_heat_count(state);
        imgui.memory.select_tab = "Hotspots";
        run();
    }
    /// The map alone (no scale bar or north arrow) at `view`.
    render::Image draw(scene::Viewport view) const {
        render::DrawOptions options;
        options.furniture = false;
        return test::draw_offscreen(*state.scene, view, options);
    }
};

} // namespace

TEST(HotspotsFlow, UntickingAStatusChangesTheCountAndTheHeatImage) {
    REQUIRE_GL();
    HotspotsFlow f;
    f.click("hotspots.enabled");
    ASSERT_TRUE(f.state.scene->heat.enabled);
    EXPECT_EQ(f.state.heat_points_total, 100u);
    EXPECT_EQ(f.state.heat_points_in, 100u);
    const render::Image before = f.draw(f.state.view);

    f.click("hotspots.status.open");
    EXPECT_EQ(f.state.scene->heat.filter.statuses, (std::vector<std::string>{"closed"}));
    // Closed: every fourth complaint.
    EXPECT_EQ(f.state.heat_points_in, 25u);
    const render::Image after = f.draw(f.state.view);
    EXPECT_GT(render::compare_images(before, after, 8).differing, 2000u);
}

TEST(HotspotsFlow, GistarCellsAreDrawnByClassAndIdentified) {
    REQUIRE_GL();
    HotspotsFlow f;
    f.imgui.memory.gistar.cell_m = 10;
    f.imgui.memory.gistar.band_m = 25;
    f.imgui.memory.gistar.hex = true;
    f.click("hotspots.gistar.run");
    ASSERT_TRUE(f.state.gistar_request);
    app::run_gistar_now(f.state, f.state.scene->reference_date);
    ASSERT_TRUE(f.state.error.empty()) << f.state.error;
    ASSERT_TRUE(f.state.scene->find("Gi* hot 99%"));
    EXPECT_GT(f.state.scene->find("Gi* hot 99%")->data().features.size(), 0u);
    EXPECT_NE(f.state.gistar_summary.find("hex cells"), std::string::npos)
        << f.state.gistar_summary;

    scene::Viewport view({533005, 179012}, 1, 480, 320);
    view.set_scale_denominator(1500);
    EXPECT_TRUE(test::matches_golden("gistar_classes", f.draw(view)));

    // Identify in the middle of the cluster: a hot cell, with its statistics.
    f.imgui.memory.select_tab = "Layers";
    f.run();
    // Hide the complaints first, or their symbols are what the click finds.
    f.state.scene->find("complaints")->visible = false;
    f.click_map_at({533040, 179025});
    ASSERT_TRUE(f.state.scene->selection());
    const auto& ref = *f.state.scene->selection();
    EXPECT_EQ(ref.layer.rfind("Gi* hot", 0), 0u) << ref.layer;
    const core::LayerData& cells = f.state.scene->find(ref.layer)->data();
    const auto cls = cells.field_index("class");
    ASSERT_TRUE(cls);
    EXPECT_GT(std::stoi(core::to_text(cells.features[ref.feature].values[*cls])), 0);
    EXPECT_TRUE(cells.field_index("p_fdr"));
    EXPECT_TRUE(cells.field_index("neighbours"));
}

TEST(HotspotsFlow, ABandwidthChangeRecomputesWithoutUploadingTheFilterReuploads) {
    REQUIRE_GL();
    HotspotsFlow f;
    scene::Scene& s = *f.state.scene;
    s.heat.enabled = true;
    render::OffscreenTarget target(320, 240);
    render::HeatLayer layer;
    scene::Viewport view({533005, 179012}, 0.5, 320, 240);
    auto draw = [&] {
        target.bind();
        layer.draw(s, view);
    };
    draw();
    EXPECT_EQ(layer.upload_count(), 1u);
    EXPECT_EQ(layer.compute_count(), 1u);
    EXPECT_EQ(layer.point_count(), 100u);
    view.pan_px(30, 10);
    s.heat.opacity = 0.5f;
    draw();
    EXPECT_EQ(layer.upload_count(), 1u);
    EXPECT_EQ(layer.compute_count(), 1u);
    s.heat.radius_m = 80;
    draw();
    s.heat.kernel = 2;
    draw();
    EXPECT_EQ(layer.upload_count(), 1u);
    EXPECT_EQ(layer.compute_count(), 3u);
    s.heat.filter.categories = {"tree"}; // i % 3 == 0: 34 of 100
    draw();
    EXPECT_EQ(layer.upload_count(), 2u);
    EXPECT_EQ(layer.compute_count(), 4u);
    EXPECT_EQ(layer.point_count(), 34u);
}

TEST(HotspotsFlow, ASurfaceComputedInStepsKeepsTheOldOneUntilDoneAndEndsTheSame) {
    REQUIRE_GL();
    HotspotsFlow f;
    scene::Scene& s = *f.state.scene;
    s.heat.enabled = true;
    scene::Viewport view({533005, 179012}, 0.5, 320, 240);
    render::OffscreenTarget target(320, 240);
    auto draw = [&](render::HeatLayer& layer, double budget_ms) {
        target.clear(1, 1, 1, 1);
        layer.draw(s, view, budget_ms);
        target.resolve();
        return target.read_image();
    };
    render::HeatLayer at_once;
    s.heat.radius_m = 60;
    const render::Image radius_60 = draw(at_once, 0);
    s.heat.radius_m = 80;
    const render::Image whole = draw(at_once, 0);
    EXPECT_FALSE(at_once.progress());

    // 7 points a step (at least 3): 100 points take several frames, each a partial surface.
    render::HeatLayer stepped;
    stepped.set_step_points(7, 3);
    s.heat.radius_m = 60;
    draw(stepped, 0);
    EXPECT_EQ(stepped.compute_count(), 1u);
    s.heat.radius_m = 80;
    std::vector<double> shares;
    render::Image last;
    for (int frame = 0; frame < 200 && (shares.empty() || stepped.progress()); ++frame) {
        last = draw(stepped, 1e-9); // any budget is spent by the first step
        if (auto p = stepped.progress()) {
            shares.push_back(*p);
            // Until the new surface is complete the map shows the previous one.
            EXPECT_EQ(render::compare_images(last, radius_60, 0).differing, 0u) << frame;
        }
    }
    ASSERT_GE(shares.size(), 3u);
    EXPECT_TRUE(std::is_sorted(shares.begin(), shares.end()));
    EXPECT_GT(shares.front(), 0.0);
    EXPECT_LT(shares.back(), 1.0);
    EXPECT_FALSE(stepped.progress());
    EXPECT_EQ(stepped.compute_count(), 2u);
    // The same points added in the same order: the same surface, pixel for pixel.
    EXPECT_EQ(render::compare_images(last, whole, 0).differing, 0u);
    EXPECT_GT(render::compare_images(whole, radius_60, 8).differing, 100u);
}
