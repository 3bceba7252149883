#include "scene/basemap.hpp"
#include "scene/scene.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace redline;

TEST(BasemapGrid, LevelNeverBlursBeyondTheScreenNorGoesFinerThanTheSource) {
    EXPECT_EQ(scene::level_for(0.26, 0.1), -2); // 0.25 m pixels for a 0.26 m/px view
    EXPECT_EQ(scene::level_for(1.0, 0.1), 0);
    EXPECT_EQ(scene::level_for(3.9, 0.1), 1);
    EXPECT_EQ(scene::level_for(0.05, 0.5), -2); // a 0.5 m source is read no finer than 0.25 m
    EXPECT_EQ(scene::level_for(1e6, 1), scene::k_coarsest_level);
}

TEST(BasemapGrid, TilesCoverTheAreaCentreFirstAndAbut) {
    core::Envelope area;
    area.expand(core::Coord{533000, 179000});
    area.expand(core::Coord{533300, 179100});
    const auto tiles = scene::tiles_covering(area, 0); // 256 m tiles
    ASSERT_EQ(tiles.size(), 2u); // x 2082..2083, y 699 (179000..179100 / 256 m)
    core::Envelope covered;
    for (const auto& t : tiles)
        covered.expand(scene::tile_extent(t));
    EXPECT_LE(covered.min_x, area.min_x);
    EXPECT_GE(covered.max_x, area.max_x);
    EXPECT_DOUBLE_EQ(scene::tile_extent({0, 2082, 699}).max_x,
                     scene::tile_extent({0, 2083, 699}).min_x);
    const core::Coord first = scene::tile_extent(tiles.front()).centre();
    const core::Coord last = scene::tile_extent(tiles.back()).centre();
    const core::Coord c = area.centre();
    EXPECT_LE(std::hypot(first.x - c.x, first.y - c.y), std::hypot(last.x - c.x, last.y - c.y));
}

TEST(BasemapGrid, MissingTilesStopAtTheSourceAndCacheIsBounded) {
    core::Envelope extent;
    extent.expand(core::Coord{533000, 179000});
    extent.expand(core::Coord{533100, 179100});
    scene::Basemap b("/data/aerial.tif", extent, 0.25);
    EXPECT_EQ(b.name(), "aerial.tif");
    const scene::Viewport view({533050, 179050}, 0.25, 1200, 800);
    const auto missing = b.missing_tiles(view);
    ASSERT_FALSE(missing.empty());
    for (const auto& k : missing)
        EXPECT_TRUE(scene::tile_extent(k).intersects(extent));
    for (const auto& k : missing)
        b.add_tile(k, std::vector<std::uint8_t>(4), view.centre(), 2);
    EXPECT_EQ(b.tiles().size(), 2u);
    EXPECT_FALSE(b.missing_tiles(view).empty());
}

TEST(BasemapGrid, CoarserTilesAreDrawnFirstAndFinerOnesAreSkipped) {
    core::Envelope extent;
    extent.expand(core::Coord{533000, 179000});
    extent.expand(core::Coord{533500, 179500});
    scene::Basemap b("a.tif", extent, 0.25);
    const scene::Viewport view({533010, 179010}, 1.0, 100, 100); // level 0
    b.add_tile({1, 1041, 349}, {}, view.centre());
    b.add_tile({0, 2082, 699}, {}, view.centre());
    b.add_tile({-1, 4164, 1398}, {}, view.centre());
    const auto draw = b.tiles_to_draw(view);
    ASSERT_EQ(draw.size(), 2u);
    EXPECT_EQ(draw[0]->key.level, 1);
    EXPECT_EQ(draw[1]->key.level, 0);
}

TEST(BasemapGrid, ABasemapAloneSetsTheOriginAndExtent) {
    scene::Scene s;
    core::Envelope extent;
    extent.expand(core::Coord{533000, 179000});
    extent.expand(core::Coord{533600, 179400});
    s.add_basemap({"a.tif", extent, 1});
    EXPECT_DOUBLE_EQ(s.origin().x, 533000);
    EXPECT_DOUBLE_EQ(s.extent().max_x, 533600);
    ASSERT_TRUE(s.find_basemap("a.tif"));
    s.add_basemap({"a.tif", extent, 2});
    EXPECT_EQ(s.basemaps().size(), 1u);
}
