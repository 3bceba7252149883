#pragma once

#include "core/geometry.hpp"

#include <cstdint>
#include <vector>

namespace redline::analysis {

/// A pointy-top hexagonal lattice in EPSG:27700 metres with a hexagon centred on the origin
/// (0,0), so lattices with the same spacing always line up. Hexagons sit in rows of constant
/// northing `spacing * sqrt(3) / 2` apart; odd rows are shifted east by half a spacing.
/// `spacing_m` is the distance between neighbouring centres, which is also the hexagon's width
/// across its flat (east and west) sides; its area is spacing^2 * sqrt(3) / 2.
class HexGrid {
public:
    /// A hexagon by row (north positive) and column within the row (east positive).
    struct Index {
        std::int64_t col = 0;
        std::int64_t row = 0;
        friend bool operator==(const Index&, const Index&) = default;
    };

    /// Throws core::UsageError unless spacing_m is positive and finite.
    explicit HexGrid(double spacing_m);

    double spacing_m() const { return m_spacing; }
    /// Centre-to-vertex distance (spacing / sqrt(3)).
    double size_m() const { return m_size; }
    double area_m2() const;
    core::Coord centre(Index i) const;
    /// The hexagon holding `c`: the one with the nearest centre (ties to the lower row, then the
    /// lower column, so the answer is deterministic on shared edges).
    Index index_of(const core::Coord& c) const;
    /// The hexagon as a closed counter-clockwise ring of 6 vertices (+ closing vertex).
    core::Polygon polygon(Index i) const;
    /// Every hexagon whose bounding box meets `extent`, row by row from the south, west to east.
    std::vector<Index> covering(const core::Envelope& extent) const;

private:
    double m_spacing;
    double m_size;
    double m_row_height;
};

} // namespace redline::analysis
