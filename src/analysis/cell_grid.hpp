#pragma once

#include "core/geometry.hpp"

#include <cstddef>

namespace redline::analysis {

/// A north-up grid of square cells in EPSG:27700 metres whose edges lie on multiples of the cell
/// size from the CRS origin (0,0), so grids made with the same cell size always line up.
/// Row 0 is the northernmost row (GeoTIFF order); column 0 the westernmost.
struct CellGrid {
    double min_x = 0.0; ///< west edge, metres
    double min_y = 0.0; ///< south edge, metres
    double cell_m = 1.0;
    std::size_t cols = 0;
    std::size_t rows = 0;

    double max_x() const { return min_x + static_cast<double>(cols) * cell_m; }
    double max_y() const { return min_y + static_cast<double>(rows) * cell_m; }
    std::size_t size() const { return cols * rows; }
    double cell_area_m2() const { return cell_m * cell_m; }
    /// Centre of the cell in column `col`, row `row` (row 0 north).
    core::Coord centre(std::size_t col, std::size_t row) const {
        return {min_x + (static_cast<double>(col) + 0.5) * cell_m,
                max_y() - (static_cast<double>(row) + 0.5) * cell_m};
    }
    /// The cell's square as a closed counter-clockwise polygon.
    core::Polygon cell_polygon(std::size_t col, std::size_t row) const;
    /// Column and row of the cell holding `c`; a point on an inner edge belongs to the cell east
    /// (or north) of it, a point on the grid's outer east (north) edge to the last column (first
    /// row). False when `c` is outside the grid.
    bool locate(const core::Coord& c, std::size_t& col, std::size_t& row) const;
};

/// Largest grid snapped_grid builds (cells); beyond it the caller must choose a larger cell.
inline constexpr std::size_t k_max_grid_cells = 400'000'000;

/// The grid covering `extent` grown by `grow_m` on every side, snapped outward to multiples of
/// `cell_m` from (0,0); at least one cell. Throws core::UsageError when `cell_m` is not positive
/// and finite, the extent is empty, or the grid would exceed k_max_grid_cells.
CellGrid snapped_grid(const core::Envelope& extent, double grow_m, double cell_m);

} // namespace redline::analysis
