#include "analysis/hex_grid.hpp"

#include "core/error.hpp"

#include <cmath>
#include <numbers>

namespace redline::analysis {

HexGrid::HexGrid(double spacing_m)
    : m_spacing(spacing_m), m_size(spacing_m / std::numbers::sqrt3),
      m_row_height(spacing_m * std::numbers::sqrt3 / 2.0) {
    if (!(spacing_m > 0.0) || !std::isfinite(spacing_m))
        throw core::UsageError("hexagon spacing must be a positive number of metres");
}

double HexGrid::area_m2() const {
    return m_spacing * m_spacing * std::numbers::sqrt3 / 2.0;
}

core::Coord HexGrid::centre(Index i) const {
    const double shift = (i.row & 1) ? 0.5 : 0.0;
    return {(static_cast<double>(i.col) + shift) * m_spacing,
            static_cast<double>(i.row) * m_row_height};
}

HexGrid::Index HexGrid::index_of(const core::Coord& c) const {
    // The hexagons are the Voronoi cells of their centres, so the nearest centre decides. Only
    // the nearest row and its two neighbours can hold it, and in each row only the nearest
    // column.
    const auto r0 = static_cast<std::int64_t>(std::floor(c.y / m_row_height + 0.5));
    Index best{};
    double best_d2 = INFINITY;
    for (std::int64_t r = r0 - 1; r <= r0 + 1; ++r) {
        const double shift = (r & 1) ? 0.5 : 0.0;
        const auto q = static_cast<std::int64_t>(std::floor(c.x / m_spacing - shift + 0.5));
        for (std::int64_t col = q - 1; col <= q + 1; ++col) {
            const Index i{col, r};
            const auto ctr = centre(i);
            const double d2 = (ctr.x - c.x) * (ctr.x - c.x) + (ctr.y - c.y) * (ctr.y - c.y);
            if (d2 < best_d2) {
                best_d2 = d2;
                best = i;
            }
        }
    }
    return best;
}

core::Polygon HexGrid::polygon(Index i) const {
    // Pointy-top: vertices at 30 + 60k degrees, counter-clockwise from east-north-east.
    const auto c = centre(i);
    const double hx = m_spacing / 2.0;
    const double hy = m_size / 2.0;
    core::Path ring{{c.x + hx, c.y - hy}, {c.x + hx, c.y + hy}, {c.x, c.y + m_size},
                    {c.x - hx, c.y + hy}, {c.x - hx, c.y - hy}, {c.x, c.y - m_size}};
    ring.push_back(ring.front());
    return core::Polygon{{std::move(ring)}};
}

std::vector<HexGrid::Index> HexGrid::covering(const core::Envelope& extent) const {
    std::vector<Index> out;
    if (extent.empty())
        return out;
    const auto r0 = static_cast<std::int64_t>(std::floor((extent.min_y - m_size) / m_row_height));
    const auto r1 = static_cast<std::int64_t>(std::ceil((extent.max_y + m_size) / m_row_height));
    const auto q0 = static_cast<std::int64_t>(std::floor(extent.min_x / m_spacing)) - 1;
    const auto q1 = static_cast<std::int64_t>(std::ceil(extent.max_x / m_spacing)) + 1;
    for (std::int64_t r = r0; r <= r1; ++r)
        for (std::int64_t q = q0; q <= q1; ++q) {
            const auto c = centre({q, r});
            if (c.x + m_spacing / 2 >= extent.min_x && c.x - m_spacing / 2 <= extent.max_x &&
                c.y + m_size >= extent.min_y && c.y - m_size <= extent.max_y)
                out.push_back({q, r});
        }
    return out;
}

} // namespace redline::analysis
