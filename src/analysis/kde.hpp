#pragma once

#include "analysis/cell_grid.hpp"
#include "analysis/weighted_point.hpp"
#include "core/progress.hpp"

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace redline::analysis {

/// Kernel shapes, named as QGIS's heatmap names them. Each is K(t) for t = d / r in [0, 1] and 0
/// beyond the radius.
enum class Kernel { Quartic, Triangular, Uniform, Triweight, Epanechnikov };

/// "quartic", "triangular", "uniform", "triweight", "epanechnikov".
const char* to_string(Kernel kernel);
/// Parse a kernel name (case-insensitive); nullopt when unknown.
std::optional<Kernel> parse_kernel(std::string_view name);

/// The kernel's raw value K(t) at t = d / r: quartic (1-t^2)^2, triweight (1-t^2)^3,
/// Epanechnikov 1-t^2, uniform 1, triangular 1-t; 0 for t > 1 (and t < 0).
double kernel_shape(Kernel kernel, double t);

/// The integral of K(d/r) over the disc of radius r, divided by r^2 (so the integral is this times
/// r^2 in m^2). Dividing K by it times r^2 gives a kernel that integrates to 1 over the plane.
double kernel_disc_integral(Kernel kernel);

/// What a cell holds: `Raw` is the (weighted) sum of K(d/r) over the points within the radius;
/// `Density` normalises each kernel to integrate to 1 and reports events per square kilometre, so
/// that away from the edges the cells times their area (km^2) sum to the (weighted) point count.
enum class KdeOutput { Raw, Density };
const char* to_string(KdeOutput output);

/// Parameters of kernel_density. Distances in metres (EPSG:27700).
struct KdeParams {
    double radius_m = 0.0; ///< bandwidth r, > 0
    double cell_m = 0.0;   ///< cell size, > 0
    Kernel kernel = Kernel::Quartic;
    KdeOutput output = KdeOutput::Raw;
    unsigned threads =
        0; ///< worker threads; 0 = all hardware threads. Results do not depend on it.
};

/// A density surface: `values` row-major, row 0 the northernmost row (GeoTIFF order).
struct DensityRaster {
    CellGrid grid;
    std::vector<double> values;
    std::size_t points_used = 0;

    double at(std::size_t col, std::size_t row) const { return values[row * grid.cols + col]; }
    double max() const;
    /// Sum of all cells (not multiplied by their area).
    double sum() const;
};

/// Kernel density of `points` (EPSG:27700) on the grid of their extent grown by the radius and
/// snapped outward to multiples of the cell size from (0,0). Each cell is evaluated at its centre
/// from every point with d <= r. Points with a non-finite coordinate or weight are ignored.
/// Multi-threaded over rows; the output is bit-identical whatever the thread count, because each
/// cell sums its points in one fixed order. Throws core::UsageError for bad parameters or no
/// usable points, core::Cancelled when `progress` asks to stop (progress is called from the
/// calling thread only).
DensityRaster kernel_density(std::span<const WeightedPoint> points, const KdeParams& params,
                             const core::ProgressFn& progress = {});

} // namespace redline::analysis
