#pragma once

#include "core/geometry.hpp"

#include <cstddef>
#include <span>
#include <vector>

namespace redline::render {

/// Kernel shapes of the heat layer, as analysis::Kernel names them (render does not depend on
/// analysis; the values match one to one).
enum class HeatKernel { Quartic, Triangular, Uniform, Triweight, Epanechnikov };

/// A point with a weight, EPSG:27700.
struct HeatPoint {
    core::Coord at;
    float weight = 1;
};

/// The grid the surface is computed on: south-west corner, cell size and counts (as
/// analysis::CellGrid).
struct HeatGrid {
    double min_x = 0, min_y = 0, cell_m = 1;
    int cols = 0, rows = 0;
};

/// Raw kernel density (sum of weight * K(d / r) at each cell centre over the points within r)
/// computed on the GPU: every point splatted as an instanced quad into a 32-bit float
/// framebuffer with additive blending, so a bandwidth change redraws at once. Values row-major,
/// row 0 the northernmost (as analysis::DensityRaster). Float32 sums: within ~1e-5 of the CPU's
/// doubles relative to the peak. Needs a current GL 3.3 context; throws RenderError.
std::vector<float> compute_heat_surface(std::span<const HeatPoint> points, const HeatGrid& grid,
                                        double radius_m, HeatKernel kernel);

} // namespace redline::render
