#pragma once

#include "io/raster_reader.hpp"
#include "scene/basemap.hpp"

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace redline::app {

/// Read one grid tile of `source` (k_tile_px square RGBA, rows north first). Throws core::IoError.
std::vector<std::uint8_t> read_tile(const io::RasterSource& source, const scene::TileKey& key);

/// Open `path` and read every tile `view` needs, at once (headless screenshots and tests).
/// Throws core::IoError / core::CrsError.
scene::Basemap load_basemap_now(const std::string& path, const scene::Viewport& view);

/// Basemap reading on one worker thread, so that the window never waits for GDAL: the UI thread
/// asks for sources to open and tiles to read, and collects results with poll(). GDAL datasets
/// are opened, used and closed on the worker only. The destructor stops and joins the worker.
class BasemapLoader {
public:
    /// Something the worker finished: a source opened (info set), a tile read (rgba set), or a
    /// failure (error set).
    struct Result {
        std::string path;
        std::optional<io::RasterSourceInfo> opened;
        std::optional<scene::TileKey> key;
        std::vector<std::uint8_t> rgba;
        std::string error;
    };

    BasemapLoader();
    ~BasemapLoader();
    BasemapLoader(const BasemapLoader&) = delete;
    BasemapLoader& operator=(const BasemapLoader&) = delete;

    /// Queue opening a source; its Result carries `opened` or `error`.
    void open(const std::string& path);
    /// Replace the tiles wanted from `path` (nearest the view centre first): tiles asked for
    /// earlier and no longer wanted are dropped from the queue, so a fast pan does not wait for
    /// tiles that have scrolled away.
    void want(const std::string& path, std::vector<scene::TileKey> keys);
    /// Results finished since the last call (UI thread).
    std::vector<Result> poll();
    /// True while anything is queued or being read (for the progress bar).
    bool busy() const;

private:
    void run();
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::string> m_to_open;
    std::map<std::string, std::deque<scene::TileKey>> m_wanted;
    std::vector<Result> m_results;
    int m_working = 0;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace redline::app
