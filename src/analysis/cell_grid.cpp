#include "analysis/cell_grid.hpp"

#include "core/error.hpp"

#include <cmath>
#include <string>

namespace redline::analysis {

core::Polygon CellGrid::cell_polygon(std::size_t col, std::size_t row) const {
    const double x0 = min_x + static_cast<double>(col) * cell_m;
    const double y1 = max_y() - static_cast<double>(row) * cell_m;
    const double x1 = x0 + cell_m;
    const double y0 = y1 - cell_m;
    return core::Polygon{{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}};
}

bool CellGrid::locate(const core::Coord& c, std::size_t& col, std::size_t& row) const {
    if (!(c.x >= min_x && c.x <= max_x() && c.y >= min_y && c.y <= max_y()))
        return false;
    const auto fc = static_cast<std::size_t>(std::floor((c.x - min_x) / cell_m));
    const auto fr = static_cast<std::size_t>(std::floor((max_y() - c.y) / cell_m));
    col = fc < cols ? fc : cols - 1;
    // Rows count from the north: a point on an inner edge must go to the northern cell, which
    // the floor of the distance from the north edge gives one too many.
    const double from_north = (max_y() - c.y) / cell_m;
    std::size_t r = fr;
    if (r > 0 && from_north == std::floor(from_north))
        --r;
    row = r < rows ? r : rows - 1;
    return true;
}

CellGrid snapped_grid(const core::Envelope& extent, double grow_m, double cell_m) {
    if (!(cell_m > 0.0) || !std::isfinite(cell_m))
        throw core::UsageError("cell size must be a positive number of metres");
    if (extent.empty())
        throw core::UsageError("no points to build a grid over");
    if (!(grow_m >= 0.0) || !std::isfinite(grow_m))
        throw core::UsageError("grid margin must be zero or a positive number of metres");
    const double x0 = std::floor((extent.min_x - grow_m) / cell_m);
    const double y0 = std::floor((extent.min_y - grow_m) / cell_m);
    double x1 = std::ceil((extent.max_x + grow_m) / cell_m);
    double y1 = std::ceil((extent.max_y + grow_m) / cell_m);
    // A single point on a grid line with no margin would give a zero-width grid.
    x1 = std::max(x1, x0 + 1);
    y1 = std::max(y1, y0 + 1);
    const double cells = (x1 - x0) * (y1 - y0);
    if (cells > static_cast<double>(k_max_grid_cells))
        throw core::UsageError("a " + std::to_string(static_cast<long long>(x1 - x0)) + " x " +
                               std::to_string(static_cast<long long>(y1 - y0)) +
                               " grid is too large; choose a larger cell size");
    CellGrid g;
    g.min_x = x0 * cell_m;
    g.min_y = y0 * cell_m;
    g.cell_m = cell_m;
    g.cols = static_cast<std::size_t>(x1 - x0);
    g.rows = static_cast<std::size_t>(y1 - y0);
    return g;
}

} // namespace redline::analysis
