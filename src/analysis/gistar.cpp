#include "analysis/gistar.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace redline::analysis {
namespace {

/// Sites sorted into square buckets at least one band wide (a bucket grid), so each site's
/// neighbours are found among the buckets its band box touches.
struct SiteBuckets {
    double min_x = 0, min_y = 0, size = 1;
    std::size_t nx = 1, ny = 1;
    std::vector<std::size_t> start; // nx * ny + 1 offsets
    std::vector<std::size_t> order; // site indices, bucket by bucket, ascending inside each

    std::size_t bx(double x) const {
        return static_cast<std::size_t>(
            std::clamp(std::floor((x - min_x) / size), 0.0, static_cast<double>(nx - 1)));
    }
    std::size_t by(double y) const {
        return static_cast<std::size_t>(
            std::clamp(std::floor((y - min_y) / size), 0.0, static_cast<double>(ny - 1)));
    }
};

SiteBuckets bucket_sites(std::span<const core::Coord> sites, double band) {
    SiteBuckets b;
    core::Envelope e;
    for (const auto& c : sites)
        e.expand(c);
    b.min_x = e.min_x;
    b.min_y = e.min_y;
    // At least one band, and coarse enough that there are no more buckets than about 4 per site.
    const double area = std::max(e.width(), band) * std::max(e.height(), band);
    b.size = std::max(band, std::sqrt(area / (4.0 * static_cast<double>(sites.size()))));
    b.nx = static_cast<std::size_t>(e.width() / b.size) + 1;
    b.ny = static_cast<std::size_t>(e.height() / b.size) + 1;
    b.start.assign(b.nx * b.ny + 1, 0);
    std::vector<std::size_t> key(sites.size());
    for (std::size_t i = 0; i < sites.size(); ++i) {
        key[i] = b.by(sites[i].y) * b.nx + b.bx(sites[i].x);
        ++b.start[key[i] + 1];
    }
    std::partial_sum(b.start.begin(), b.start.end(), b.start.begin());
    std::vector<std::size_t> fill(b.start.begin(), b.start.end() - 1);
    b.order.resize(sites.size());
    for (std::size_t i = 0; i < sites.size(); ++i)
        b.order[fill[key[i]]++] = i;
    return b;
}

} // namespace

double two_sided_p(double z) {
    return std::erfc(std::fabs(z) / std::numbers::sqrt2);
}

int confidence_class(double z, double p) {
    const int level = p < 0.01 ? 3 : p < 0.05 ? 2 : p < 0.10 ? 1 : 0;
    return z > 0 ? level : z < 0 ? -level : 0;
}

std::vector<double> benjamini_hochberg(std::span<const double> p_values) {
    const std::size_t m = p_values.size();
    std::vector<std::size_t> order(m);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return p_values[a] < p_values[b]; });
    // Benjamini & Hochberg (1995) reject H_(1..k) for the largest k with p_(k) <= k q / m; the
    // adjusted p_(i) = min_{k >= i} p_(k) m / k is the smallest q at which H_(i) is rejected.
    std::vector<double> adjusted(m);
    double running = 1.0;
    for (std::size_t r = m; r-- > 0;) {
        const double v = p_values[order[r]] * static_cast<double>(m) / static_cast<double>(r + 1);
        running = std::min(running, v);
        adjusted[order[r]] = running;
    }
    return adjusted;
}

std::vector<GiStarResult> getis_ord_gistar(std::span<const core::Coord> sites,
                                           std::span<const double> values,
                                           const GiStarParams& params,
                                           const core::ProgressFn& progress) {
    if (sites.size() != values.size())
        throw core::UsageError("Gi*: " + std::to_string(sites.size()) + " sites but " +
                               std::to_string(values.size()) + " values");
    if (sites.size() < 2)
        throw core::UsageError("Gi* needs at least 2 sites");
    if (!(params.band_m > 0.0) || !std::isfinite(params.band_m))
        throw core::UsageError("the distance band must be a positive number of metres");
    for (std::size_t i = 0; i < sites.size(); ++i)
        if (!std::isfinite(values[i]) || !std::isfinite(sites[i].x) || !std::isfinite(sites[i].y))
            throw core::UsageError("Gi*: site " + std::to_string(i) +
                                   " has a non-finite value or position");

    const std::size_t n = sites.size();
    const double nd = static_cast<double>(n);
    // Global moments over every site, i included (the Gi* form of Ord & Getis 1995).
    double sum = 0.0, sum2 = 0.0;
    for (double x : values) {
        sum += x;
        sum2 += x * x;
    }
    const double mean = sum / nd;
    const double var = std::max(0.0, sum2 / nd - mean * mean);
    const double s = std::sqrt(var);
    // Constant data has no spread to test against: every z is undefined, reported as 0.
    const bool degenerate = !(s > 1e-12 * std::max(1.0, std::fabs(mean)));

    const double band = params.band_m;
    const double band2 = band * band * (1.0 + 2e-9);
    const auto buckets = bucket_sites(sites, band);
    std::vector<GiStarResult> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (progress && i % 4096 == 0)
            core::report_progress(progress, static_cast<double>(i) / nd, "gi*");
        const auto c = sites[i];
        const std::size_t x0 = buckets.bx(c.x - band), x1 = buckets.bx(c.x + band);
        const std::size_t y0 = buckets.by(c.y - band), y1 = buckets.by(c.y + band);
        double lag = 0.0;
        std::size_t w = 0;
        for (std::size_t by = y0; by <= y1; ++by)
            for (std::size_t bx = x0; bx <= x1; ++bx) {
                const std::size_t key = by * buckets.nx + bx;
                for (std::size_t k = buckets.start[key]; k < buckets.start[key + 1]; ++k) {
                    const std::size_t j = buckets.order[k];
                    const double dx = sites[j].x - c.x, dy = sites[j].y - c.y;
                    if (dx * dx + dy * dy <= band2) {
                        lag += values[j];
                        ++w;
                    }
                }
            }
        auto& r = out[i];
        r.value = values[i];
        r.neighbours = w;
        const double wd = static_cast<double>(w);
        // With binary weights sum_j w_ij^2 = sum_j w_ij = W_i.
        const double spread = (nd * wd - wd * wd) / (nd - 1.0);
        if (!degenerate && spread > 0.0) {
            r.z = (lag - mean * wd) / (s * std::sqrt(spread));
            r.p = two_sided_p(r.z);
        }
    }
    std::vector<double> p(n);
    for (std::size_t i = 0; i < n; ++i)
        p[i] = out[i].p;
    const auto adjusted = benjamini_hochberg(p);
    for (std::size_t i = 0; i < n; ++i) {
        out[i].p_fdr = adjusted[i];
        out[i].confidence_class = confidence_class(out[i].z, params.fdr ? out[i].p_fdr : out[i].p);
    }
    core::report_progress(progress, 1.0, "gi*");
    return out;
}

} // namespace redline::analysis
