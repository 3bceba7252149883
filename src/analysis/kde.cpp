#include "analysis/kde.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <numbers>
#include <thread>

namespace redline::analysis {
namespace {

// Kernels as functions of u = t^2 = d^2 / r^2, so the inner loop needs no square root except for
// the triangular kernel. Templated so the compiler inlines the shape into the cell loop.
struct Quartic {
    static double eval(double u) {
        const double a = 1.0 - u;
        return a * a;
    }
};
struct Triweight {
    static double eval(double u) {
        const double a = 1.0 - u;
        return a * a * a;
    }
};
struct Epanechnikov {
    static double eval(double u) { return 1.0 - u; }
};
struct Uniform {
    static double eval(double) { return 1.0; }
};
struct Triangular {
    static double eval(double u) { return 1.0 - std::sqrt(u); }
};

/// Points sorted into bands by the grid row that holds them (a one-dimensional bucket grid):
/// the points that can reach row j are in bands j - reach .. j + reach.
struct RowBuckets {
    std::vector<std::size_t> start; // rows + 1 offsets
    std::vector<double> x, y, w;
};

RowBuckets bucket_by_row(std::span<const WeightedPoint> pts, const CellGrid& g) {
    RowBuckets b;
    b.start.assign(g.rows + 1, 0);
    std::vector<std::size_t> row_of(pts.size());
    const double top = g.max_y();
    for (std::size_t i = 0; i < pts.size(); ++i) {
        const double r = std::floor((top - pts[i].at.y) / g.cell_m);
        row_of[i] = static_cast<std::size_t>(std::clamp(r, 0.0, static_cast<double>(g.rows - 1)));
        ++b.start[row_of[i] + 1];
    }
    for (std::size_t r = 0; r < g.rows; ++r)
        b.start[r + 1] += b.start[r];
    std::vector<std::size_t> fill(b.start.begin(), b.start.end() - 1);
    b.x.resize(pts.size());
    b.y.resize(pts.size());
    b.w.resize(pts.size());
    // Stable: points keep their input order inside a band, which fixes the summation order.
    for (std::size_t i = 0; i < pts.size(); ++i) {
        const std::size_t k = fill[row_of[i]]++;
        b.x[k] = pts[i].at.x;
        b.y[k] = pts[i].at.y;
        b.w[k] = pts[i].weight;
    }
    return b;
}

/// One output row: scatter each nearby point along the chord of its disc that the row's centre
/// line cuts. The row buffer stays in cache; only this thread writes it.
template <class K>
void density_row(const RowBuckets& b, const CellGrid& g, double radius, std::size_t row,
                 double* out) {
    const double r2 = radius * radius;
    const double inv_r2 = 1.0 / r2;
    const double cy = g.max_y() - (static_cast<double>(row) + 0.5) * g.cell_m;
    const auto reach = static_cast<std::size_t>(std::ceil(radius / g.cell_m)) + 1;
    const std::size_t first = row > reach ? row - reach : 0;
    const std::size_t last = std::min(g.rows - 1, row + reach);
    const double last_col = static_cast<double>(g.cols - 1);
    for (std::size_t band = first; band <= last; ++band) {
        for (std::size_t k = b.start[band]; k < b.start[band + 1]; ++k) {
            const double dy = cy - b.y[k];
            const double dy2 = dy * dy;
            if (dy2 > r2)
                continue;
            const double half = std::sqrt(r2 - dy2);
            // Columns whose centre x0 + (c + 0.5) * cell lies within [px - half, px + half];
            // widened by one and re-checked below so rounding can never drop a cell.
            const double px = b.x[k] - g.min_x;
            const double c0 = std::max(0.0, std::floor((px - half) / g.cell_m - 0.5));
            const double c1 = std::min(last_col, std::ceil((px + half) / g.cell_m - 0.5));
            const double wk = b.w[k];
            for (auto c = static_cast<std::size_t>(c0); c <= static_cast<std::size_t>(c1); ++c) {
                const double dx = (static_cast<double>(c) + 0.5) * g.cell_m - px;
                const double d2 = dx * dx + dy2;
                if (d2 <= r2)
                    out[c] += wk * K::eval(d2 * inv_r2);
            }
        }
    }
}

using RowFn = void (*)(const RowBuckets&, const CellGrid&, double, std::size_t, double*);

RowFn row_function(Kernel k) {
    switch (k) {
    case Kernel::Quartic:
        return &density_row<Quartic>;
    case Kernel::Triangular:
        return &density_row<Triangular>;
    case Kernel::Uniform:
        return &density_row<Uniform>;
    case Kernel::Triweight:
        return &density_row<Triweight>;
    case Kernel::Epanechnikov:
        return &density_row<Epanechnikov>;
    }
    return &density_row<Quartic>;
}

} // namespace

const char* to_string(Kernel kernel) {
    switch (kernel) {
    case Kernel::Quartic:
        return "quartic";
    case Kernel::Triangular:
        return "triangular";
    case Kernel::Uniform:
        return "uniform";
    case Kernel::Triweight:
        return "triweight";
    case Kernel::Epanechnikov:
        return "epanechnikov";
    }
    return "?";
}

std::optional<Kernel> parse_kernel(std::string_view name) {
    const auto n = core::to_lower(name);
    for (auto k : {Kernel::Quartic, Kernel::Triangular, Kernel::Uniform, Kernel::Triweight,
                   Kernel::Epanechnikov})
        if (n == to_string(k))
            return k;
    return std::nullopt;
}

const char* to_string(KdeOutput output) {
    return output == KdeOutput::Raw ? "raw" : "density";
}

double kernel_shape(Kernel kernel, double t) {
    if (!(t >= 0.0) || t > 1.0)
        return 0.0;
    const double u = t * t;
    switch (kernel) {
    case Kernel::Quartic:
        return Quartic::eval(u);
    case Kernel::Triangular:
        return 1.0 - t;
    case Kernel::Uniform:
        return 1.0;
    case Kernel::Triweight:
        return Triweight::eval(u);
    case Kernel::Epanechnikov:
        return Epanechnikov::eval(u);
    }
    return 0.0;
}

double kernel_disc_integral(Kernel kernel) {
    // In polar coordinates the integral over the disc is 2 pi r^2 * I with I = int_0^1 K(t) t dt.
    // Substituting s = t^2 (ds = 2t dt) turns the polynomial kernels into int_0^1 (1-s)^n ds / 2
    // = 1 / (2(n+1)): uniform (n=0) 1/2, Epanechnikov (n=1) 1/4, quartic (n=2) 1/6, triweight
    // (n=3) 1/8; triangular int (1-t) t dt = 1/2 - 1/3 = 1/6. So quartic integrates to pi r^2 / 3
    // and its normalised form is 3 / (pi r^2) (1-t^2)^2, as in Silverman (1986) eq. 4.5.
    const double pi = std::numbers::pi;
    switch (kernel) {
    case Kernel::Quartic:
        return pi / 3.0;
    case Kernel::Triangular:
        return pi / 3.0;
    case Kernel::Uniform:
        return pi;
    case Kernel::Triweight:
        return pi / 4.0;
    case Kernel::Epanechnikov:
        return pi / 2.0;
    }
    return pi;
}

double DensityRaster::max() const {
    double m = 0.0;
    for (double v : values)
        m = std::max(m, v);
    return m;
}

double DensityRaster::sum() const {
    double s = 0.0;
    for (double v : values)
        s += v;
    return s;
}

DensityRaster kernel_density(std::span<const WeightedPoint> points, const KdeParams& params,
                             const core::ProgressFn& progress) {
    if (!(params.radius_m > 0.0) || !std::isfinite(params.radius_m))
        throw core::UsageError("the kernel radius must be a positive number of metres");
    if (!(params.cell_m > 0.0) || !std::isfinite(params.cell_m))
        throw core::UsageError("the cell size must be a positive number of metres");

    std::vector<WeightedPoint> usable;
    usable.reserve(points.size());
    core::Envelope extent;
    for (const auto& p : points)
        if (std::isfinite(p.at.x) && std::isfinite(p.at.y) && std::isfinite(p.weight)) {
            usable.push_back(p);
            extent.expand(p.at);
        }
    if (usable.empty())
        throw core::UsageError("no points to compute a density from");

    DensityRaster out;
    out.grid = snapped_grid(extent, params.radius_m, params.cell_m);
    out.points_used = usable.size();
    out.values.assign(out.grid.size(), 0.0);
    core::report_progress(progress, 0.0, "bucketing");
    const RowBuckets buckets = bucket_by_row(usable, out.grid);
    usable = {};

    const RowFn row_fn = row_function(params.kernel);
    const double scale =
        params.output == KdeOutput::Density
            ? 1.0e6 / (kernel_disc_integral(params.kernel) * params.radius_m * params.radius_m)
            : 1.0;
    const std::size_t rows = out.grid.rows;
    std::atomic<std::size_t> next_row{0};
    std::atomic<std::size_t> rows_done{0};
    std::atomic<bool> stop{false};
    auto do_row = [&](std::size_t r) {
        double* row = out.values.data() + r * out.grid.cols;
        row_fn(buckets, out.grid, params.radius_m, r, row);
        if (scale != 1.0)
            for (std::size_t c = 0; c < out.grid.cols; ++c)
                row[c] *= scale;
        return ++rows_done;
    };
    auto work = [&] {
        for (std::size_t r; !stop.load(std::memory_order_relaxed) && (r = next_row++) < rows;)
            do_row(r);
    };
    unsigned n_threads = params.threads ? params.threads : std::thread::hardware_concurrency();
    n_threads = std::clamp<unsigned>(n_threads, 1, 256);
    std::vector<std::thread> workers;
    for (unsigned t = 1; t < n_threads; ++t)
        workers.emplace_back(work);
    // The calling thread works too, and is the only one that reports progress, so a callback
    // that touches a UI never runs on a worker.
    std::exception_ptr failure;
    try {
        for (std::size_t r; !stop && (r = next_row++) < rows;) {
            const std::size_t done = do_row(r);
            if (progress && (r % 16 == 0))
                core::report_progress(progress, static_cast<double>(done) / rows, "density");
        }
    } catch (...) {
        failure = std::current_exception();
        stop = true;
    }
    for (auto& t : workers)
        t.join();
    if (failure)
        std::rethrow_exception(failure);
    core::report_progress(progress, 1.0, "density");
    return out;
}

} // namespace redline::analysis
