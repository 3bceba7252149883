#pragma once
// Many polylines in two flat arrays, for the screen's outlines.

#include "core/geometry.hpp"

#include <cstdint>
#include <vector>

namespace redline::scene {

/// Polylines stored flat: path i is the vertices [start(i), start(i + 1)), each kept as float
/// metres from `origin()` (EPSG:27700). A million building outlines took ~150 MB as one
/// std::vector of doubles per ring and take ~55 MB here. Floats relative to an origin inside the
/// layer keep a few millimetres at 50 km from it: ample for the screen; print strokes the features'
/// own double coordinates instead.
class PathList {
public:
    /// Append a path; `close` repeats its first vertex at the end when the two differ. The first
    /// vertex ever added becomes the origin.
    void add(const core::Path& path, bool close);
    std::size_t size() const { return m_start.empty() ? 0 : m_start.size() - 1; }
    bool empty() const { return size() == 0; }
    /// Number of vertices of path `i`.
    std::size_t length(std::size_t i) const { return m_start[i + 1] - m_start[i]; }
    /// Vertex `k` of path `i`, EPSG:27700 metres.
    core::Coord at(std::size_t i, std::size_t k) const {
        const std::size_t v = 2 * (m_start[i] + k);
        return {m_origin.x + m_xy[v], m_origin.y + m_xy[v + 1]};
    }
    /// Path `i` as a plain path (a copy).
    core::Path path(std::size_t i) const;
    core::Path operator[](std::size_t i) const { return path(i); }
    core::Coord origin() const { return m_origin; }

private:
    core::Coord m_origin{};
    std::vector<float> m_xy;            ///< x, y pairs relative to m_origin
    std::vector<std::uint32_t> m_start; ///< first vertex of each path, then the end
};

} // namespace redline::scene
