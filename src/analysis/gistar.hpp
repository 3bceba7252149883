#pragma once

#include "core/geometry.hpp"
#include "core/progress.hpp"

#include <cstddef>
#include <span>
#include <vector>

namespace redline::analysis {

/// Parameters of getis_ord_gistar.
struct GiStarParams {
    /// Distance band in metres (EPSG:27700): j is a neighbour of i when d(i, j) <= band (with a
    /// relative tolerance of 1e-9, so lattice neighbours exactly one band apart are included
    /// despite rounding). Every site is its own neighbour (Gi*).
    double band_m = 0.0;
    /// Classify on Benjamini-Hochberg adjusted p-values instead of the raw ones.
    bool fdr = false;
};

/// Gi* of one site.
struct GiStarResult {
    double value = 0.0;         ///< the site's value x_i
    std::size_t neighbours = 0; ///< sites within the band, itself included
    double z = 0.0;             ///< Gi* as a standard normal deviate
    double p = 1.0;             ///< two-sided p-value of z under the normal distribution
    double p_fdr = 1.0;         ///< Benjamini-Hochberg adjusted p over all sites
    /// +3/+2/+1: hot spot at 99/95/90% confidence, -3/-2/-1 cold, 0 not significant; judged on
    /// p_fdr when GiStarParams::fdr, else on p.
    int confidence_class = 0;
};

/// Getis-Ord Gi* (Getis & Ord 1992; Ord & Getis 1995 eq. 14) with binary distance-band weights:
///   z_i = (sum_j w_ij x_j - xbar W_i) / (S sqrt((n W_i - W_i^2) / (n - 1)))
/// where W_i is the neighbour count (w_ij in {0, 1}, w_ii = 1), xbar and S = sqrt(sum x^2 / n -
/// xbar^2) the global mean and standard deviation over all n sites (i included). z is 0 and p is
/// 1 where it is undefined (all values equal, or a site whose band holds every site).
/// `sites` in EPSG:27700 metres, `values` lined up with them. Throws core::UsageError when the
/// sizes differ, there are fewer than 2 sites, the band is not positive, or a value is not
/// finite; core::Cancelled when `progress` asks to stop.
std::vector<GiStarResult> getis_ord_gistar(std::span<const core::Coord> sites,
                                           std::span<const double> values,
                                           const GiStarParams& params,
                                           const core::ProgressFn& progress = {});

/// Two-sided p-value of a standard normal deviate: P(|Z| >= |z|) = erfc(|z| / sqrt 2).
double two_sided_p(double z);

/// Benjamini & Hochberg (1995) step-up adjusted p-values ("BH" / "fdr" of R's p.adjust):
/// p_(k) * m / k, made monotone from the largest down and capped at 1, returned in input order.
/// A hypothesis is rejected at FDR level q exactly when its adjusted p <= q.
std::vector<double> benjamini_hochberg(std::span<const double> p_values);

/// The class +-3/2/1 for p < 0.01/0.05/0.10, signed by z; 0 otherwise.
int confidence_class(double z, double p);

} // namespace redline::analysis
