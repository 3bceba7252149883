#pragma once

#include "core/geometry.hpp"
#include "scene/viewport.hpp"

#include <compare>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace redline::scene {

/// A tile of the basemap grid: level `level` has square pixels of 2^level metres (level -3 is
/// 0.125 m) and tiles of k_tile_px pixels, counted from the EPSG:27700 false origin (0, 0)
/// eastwards (tx) and northwards (ty). A fixed grid, so that tiles read for one view serve the
/// next and the renderer can keep their textures.
struct TileKey {
    int level = 0;
    std::int64_t tx = 0, ty = 0;
    friend auto operator<=>(const TileKey&, const TileKey&) = default;
};

inline constexpr int k_tile_px = 256;
/// Finest and coarsest grid levels: 1/16 m (beyond any aerial photo) to 1024 m per pixel.
inline constexpr int k_finest_level = -4;
inline constexpr int k_coarsest_level = 10;

/// Ground size of one pixel at `level`, metres.
double tile_cell_m(int level);
/// EPSG:27700 extent of a tile.
core::Envelope tile_extent(const TileKey& key);
/// The level whose pixels are no larger than the view's, so the basemap is never blurred by more
/// than the screen; never finer than half the source's native cell (`native_cell_m`), where
/// reading more pixels shows nothing new.
int level_for(double metres_per_px, double native_cell_m);
/// Tiles of `level` that meet `area`, nearest the centre of `area` first (they load first).
std::vector<TileKey> tiles_covering(const core::Envelope& area, int level);

/// A read tile: RGBA rows north first, k_tile_px square. `id` is process-wide unique, so that a
/// renderer can cache its texture.
struct BasemapTile {
    TileKey key;
    std::vector<std::uint8_t> rgba;
    std::uint64_t id = 0;
};

/// A raster basemap in a scene: where it comes from, what it covers and the tiles read so far.
/// Tiles are read elsewhere (a worker thread) and added here by the UI thread; not thread-safe.
class Basemap {
public:
    Basemap(std::string path, core::Envelope extent, double native_cell_m);

    const std::string& path() const { return m_path; }
    /// Display name: the file name.
    std::string name() const;
    const core::Envelope& extent() const { return m_extent; }
    double native_cell_m() const { return m_native_cell_m; }
    bool visible = true;
    float opacity = 1.0f;

    /// Tiles the view needs at its level, not yet held (centre first).
    std::vector<TileKey> missing_tiles(const Viewport& view) const;
    /// Add a read tile (replacing one with the same key) and drop the tiles farthest from
    /// `keep_near` beyond `max_tiles`, so that panning a city does not exhaust memory.
    void add_tile(TileKey key, std::vector<std::uint8_t> rgba, core::Coord keep_near,
                  std::size_t max_tiles = 512);
    const std::map<TileKey, BasemapTile>& tiles() const { return m_tiles; }
    /// Held tiles to draw for `view`, coarse levels first so that finer ones cover them: levels
    /// from the view's level up, so a coarser tile fills in while a finer one is still loading.
    std::vector<const BasemapTile*> tiles_to_draw(const Viewport& view) const;

private:
    std::string m_path;
    core::Envelope m_extent;
    double m_native_cell_m;
    std::map<TileKey, BasemapTile> m_tiles;
};

} // namespace redline::scene
