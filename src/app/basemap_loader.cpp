#include "app/basemap_loader.hpp"

#include <memory>
#include <utility>

namespace redline::app {

std::vector<std::uint8_t> read_tile(const io::RasterSource& source, const scene::TileKey& key) {
    const core::Envelope e = scene::tile_extent(key);
    return source
        .read(e.min_x, e.max_y, scene::tile_cell_m(key.level), scene::k_tile_px, scene::k_tile_px)
        .rgba;
}

scene::Basemap load_basemap_now(const std::string& path, const scene::Viewport& view) {
    const io::RasterSource source(path);
    scene::Basemap b(path, source.info().extent, source.info().cell_m);
    for (const scene::TileKey& k : b.missing_tiles(view))
        b.add_tile(k, read_tile(source, k), view.centre());
    return b;
}

BasemapLoader::BasemapLoader() : m_thread([this] { run(); }) {}

BasemapLoader::~BasemapLoader() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void BasemapLoader::open(const std::string& path) {
    {
        std::lock_guard lock(m_mutex);
        m_to_open.push_back(path);
    }
    m_wake.notify_all();
}

void BasemapLoader::want(const std::string& path, std::vector<scene::TileKey> keys) {
    {
        std::lock_guard lock(m_mutex);
        m_wanted[path] = std::deque<scene::TileKey>(keys.begin(), keys.end());
    }
    m_wake.notify_all();
}

std::vector<BasemapLoader::Result> BasemapLoader::poll() {
    std::lock_guard lock(m_mutex);
    return std::exchange(m_results, {});
}

bool BasemapLoader::busy() const {
    std::lock_guard lock(m_mutex);
    if (m_working || !m_to_open.empty())
        return true;
    for (const auto& [path, q] : m_wanted)
        if (!q.empty())
            return true;
    return false;
}

void BasemapLoader::run() {
    // Sources stay open between tiles: opening a GeoTIFF or a WMS description costs more than a
    // tile. They live and die on this thread, as GDAL datasets must.
    std::map<std::string, std::unique_ptr<io::RasterSource>> sources;
    std::unique_lock lock(m_mutex);
    while (true) {
        m_wake.wait(lock, [&] {
            if (m_stop || !m_to_open.empty())
                return true;
            for (const auto& [p, q] : m_wanted)
                if (!q.empty())
                    return true;
            return false;
        });
        if (m_stop)
            return;
        Result r;
        std::optional<scene::TileKey> key;
        if (!m_to_open.empty()) {
            r.path = m_to_open.front();
            m_to_open.pop_front();
        } else {
            for (auto& [p, q] : m_wanted)
                if (!q.empty()) {
                    r.path = p;
                    key = q.front();
                    q.pop_front();
                    break;
                }
        }
        ++m_working;
        lock.unlock();
        try {
            auto& src = sources[r.path];
            if (!src)
                src = std::make_unique<io::RasterSource>(r.path);
            if (key) {
                r.key = key;
                r.rgba = read_tile(*src, *key);
            } else {
                r.opened = src->info();
            }
        } catch (const std::exception& e) {
            sources.erase(r.path);
            r.key = key;
            r.error = e.what();
        }
        lock.lock();
        --m_working;
        m_results.push_back(std::move(r));
    }
}

} // namespace redline::app
