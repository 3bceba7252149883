#include "scene/basemap.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>

namespace redline::scene {
namespace {

std::uint64_t next_tile_id() {
    static std::atomic<std::uint64_t> counter{0};
    return ++counter;
}

double tile_span_m(int level) {
    return tile_cell_m(level) * k_tile_px;
}

core::Envelope clip(const core::Envelope& a, const core::Envelope& b) {
    core::Envelope e;
    if (!a.intersects(b))
        return e;
    e.expand(core::Coord{std::max(a.min_x, b.min_x), std::max(a.min_y, b.min_y)});
    e.expand(core::Coord{std::min(a.max_x, b.max_x), std::min(a.max_y, b.max_y)});
    return e;
}

} // namespace

double tile_cell_m(int level) {
    return std::ldexp(1.0, level);
}

core::Envelope tile_extent(const TileKey& key) {
    const double span = tile_span_m(key.level);
    core::Envelope e;
    e.expand(core::Coord{double(key.tx) * span, double(key.ty) * span});
    e.expand(core::Coord{double(key.tx + 1) * span, double(key.ty + 1) * span});
    return e;
}

int level_for(double metres_per_px, double native_cell_m) {
    // floor: a pixel of the tile is never larger than a pixel of the screen.
    int level = static_cast<int>(std::floor(std::log2(std::max(metres_per_px, 1e-6))));
    const int native = static_cast<int>(std::floor(std::log2(std::max(native_cell_m, 1e-6))));
    level = std::max(level, native - 1);
    return std::clamp(level, k_finest_level, k_coarsest_level);
}

std::vector<TileKey> tiles_covering(const core::Envelope& area, int level) {
    std::vector<TileKey> out;
    if (area.empty())
        return out;
    const double span = tile_span_m(level);
    const auto x0 = static_cast<std::int64_t>(std::floor(area.min_x / span));
    const auto x1 = static_cast<std::int64_t>(std::ceil(area.max_x / span));
    const auto y0 = static_cast<std::int64_t>(std::floor(area.min_y / span));
    const auto y1 = static_cast<std::int64_t>(std::ceil(area.max_y / span));
    // A runaway request (a tiny level over a county) is a bug upstream; cap what one view asks.
    if ((x1 - x0) * (y1 - y0) > 4096)
        return out;
    for (auto ty = y0; ty < y1; ++ty)
        for (auto tx = x0; tx < x1; ++tx)
            out.push_back({level, tx, ty});
    const core::Coord c = area.centre();
    auto dist = [&](const TileKey& k) {
        const core::Coord t = tile_extent(k).centre();
        return std::hypot(t.x - c.x, t.y - c.y);
    };
    std::stable_sort(out.begin(), out.end(),
                     [&](const TileKey& a, const TileKey& b) { return dist(a) < dist(b); });
    return out;
}

Basemap::Basemap(std::string path, core::Envelope extent, double native_cell_m)
    : m_path(std::move(path)), m_extent(extent), m_native_cell_m(native_cell_m) {}

std::string Basemap::name() const {
    return std::filesystem::path(m_path).filename().string();
}

std::vector<TileKey> Basemap::missing_tiles(const Viewport& view) const {
    const int level = level_for(view.metres_per_px(), m_native_cell_m);
    std::vector<TileKey> out;
    for (const TileKey& k : tiles_covering(clip(view.world_bounds(), m_extent), level))
        if (!m_tiles.count(k))
            out.push_back(k);
    return out;
}

void Basemap::add_tile(TileKey key, std::vector<std::uint8_t> rgba, core::Coord keep_near,
                       std::size_t max_tiles) {
    m_tiles[key] = BasemapTile{key, std::move(rgba), next_tile_id()};
    if (m_tiles.size() <= max_tiles)
        return;
    std::vector<std::pair<double, TileKey>> by_distance;
    for (const auto& [k, t] : m_tiles) {
        const core::Coord c = tile_extent(k).centre();
        by_distance.push_back({std::hypot(c.x - keep_near.x, c.y - keep_near.y), k});
    }
    std::sort(by_distance.begin(), by_distance.end());
    for (std::size_t i = max_tiles; i < by_distance.size(); ++i)
        m_tiles.erase(by_distance[i].second);
}

std::vector<const BasemapTile*> Basemap::tiles_to_draw(const Viewport& view) const {
    const int level = level_for(view.metres_per_px(), m_native_cell_m);
    const core::Envelope bounds = view.world_bounds();
    std::vector<const BasemapTile*> out;
    for (const auto& [k, t] : m_tiles)
        if (k.level >= level && tile_extent(k).intersects(bounds))
            out.push_back(&t);
    std::stable_sort(out.begin(), out.end(), [](const BasemapTile* a, const BasemapTile* b) {
        return a->key.level > b->key.level;
    });
    return out;
}

} // namespace redline::scene
