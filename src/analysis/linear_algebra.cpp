// One-sided Jacobi SVD (Hestenes): orthogonalise the columns of A by plane rotations accumulated
// in V; the column norms are then the singular values. It needs no bidiagonalisation, is short
// enough to check by eye and is accurate to machine precision relative to each singular value.
#include "analysis/linear_algebra.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace redline::analysis {

Svd svd(const Matrix& a) {
    const std::size_t m = a.rows(), n = a.cols();
    if (m < n)
        throw std::invalid_argument("svd: needs rows >= cols");
    Matrix u = a;
    Matrix v(n, n);
    for (std::size_t i = 0; i < n; ++i)
        v(i, i) = 1.0;
    const double eps = 1e-15;
    // Convergence is quadratic once the columns are nearly orthogonal; 60 sweeps is far more than
    // any 9-column problem needs and only guards against an endless loop on NaN input.
    for (int sweep = 0; sweep < 60; ++sweep) {
        bool rotated = false;
        for (std::size_t p = 0; p + 1 < n; ++p) {
            for (std::size_t q = p + 1; q < n; ++q) {
                double alpha = 0, beta = 0, gamma = 0;
                for (std::size_t i = 0; i < m; ++i) {
                    alpha += u(i, p) * u(i, p);
                    beta += u(i, q) * u(i, q);
                    gamma += u(i, p) * u(i, q);
                }
                if (gamma == 0.0 || std::abs(gamma) <= eps * std::sqrt(alpha * beta))
                    continue;
                rotated = true;
                const double zeta = (beta - alpha) / (2.0 * gamma);
                const double t =
                    (zeta >= 0 ? 1.0 : -1.0) / (std::abs(zeta) + std::sqrt(1.0 + zeta * zeta));
                const double c = 1.0 / std::sqrt(1.0 + t * t), s = c * t;
                for (std::size_t i = 0; i < m; ++i) {
                    const double up = u(i, p), uq = u(i, q);
                    u(i, p) = c * up - s * uq;
                    u(i, q) = s * up + c * uq;
                }
                for (std::size_t i = 0; i < n; ++i) {
                    const double vp = v(i, p), vq = v(i, q);
                    v(i, p) = c * vp - s * vq;
                    v(i, q) = s * vp + c * vq;
                }
            }
        }
        if (!rotated)
            break;
    }
    std::vector<double> s(n);
    for (std::size_t j = 0; j < n; ++j) {
        double norm = 0;
        for (std::size_t i = 0; i < m; ++i)
            norm += u(i, j) * u(i, j);
        s[j] = std::sqrt(norm);
    }
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return s[x] > s[y]; });
    Svd out{Matrix(m, n), std::vector<double>(n), Matrix(n, n)};
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t j = order[k];
        out.s[k] = s[j];
        for (std::size_t i = 0; i < m; ++i)
            out.u(i, k) = s[j] > 0 ? u(i, j) / s[j] : 0.0;
        for (std::size_t i = 0; i < n; ++i)
            out.v(i, k) = v(i, j);
    }
    return out;
}

std::vector<double> solve_least_squares(const Matrix& a, const std::vector<double>& b, double rcond,
                                        std::size_t* rank) {
    if (b.size() != a.rows())
        throw std::invalid_argument("solve_least_squares: b does not match A");
    const std::size_t n = a.cols();
    Matrix padded = a;
    if (a.rows() < n) {
        padded = Matrix(n, n);
        for (std::size_t i = 0; i < a.rows(); ++i)
            for (std::size_t j = 0; j < n; ++j)
                padded(i, j) = a(i, j);
    }
    const Svd d = svd(padded);
    // x = V diag(1/s) U^T b over the singular values that carry information.
    std::vector<double> x(n, 0.0);
    std::size_t r = 0;
    const double cutoff = d.s.empty() ? 0.0 : rcond * d.s.front();
    for (std::size_t k = 0; k < n; ++k) {
        if (!(d.s[k] > cutoff))
            continue;
        ++r;
        double utb = 0;
        for (std::size_t i = 0; i < a.rows(); ++i)
            utb += d.u(i, k) * b[i];
        for (std::size_t j = 0; j < n; ++j)
            x[j] += d.v(j, k) * utb / d.s[k];
    }
    if (rank)
        *rank = r;
    return x;
}

std::vector<double> null_vector(const Matrix& a, double* ratio) {
    const std::size_t n = a.cols();
    Matrix padded(std::max(a.rows(), n), n);
    for (std::size_t i = 0; i < a.rows(); ++i)
        for (std::size_t j = 0; j < n; ++j)
            padded(i, j) = a(i, j);
    const Svd d = svd(padded);
    std::vector<double> x(n);
    for (std::size_t j = 0; j < n; ++j)
        x[j] = d.v(j, n - 1);
    if (ratio)
        *ratio = (n >= 2 && d.s.front() > 0) ? d.s[n - 2] / d.s.front() : 0.0;
    return x;
}

Mat3 multiply(const Mat3& a, const Mat3& b) {
    Mat3 c{};
    for (int r = 0; r < 3; ++r)
        for (int k = 0; k < 3; ++k)
            for (int j = 0; j < 3; ++j)
                c[r * 3 + j] += a[r * 3 + k] * b[k * 3 + j];
    return c;
}

double determinant(const Mat3& m) {
    return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) +
           m[2] * (m[3] * m[7] - m[4] * m[6]);
}

Mat3 inverse(const Mat3& m) {
    const double det = determinant(m);
    if (!std::isfinite(det) || det == 0.0)
        throw core::GeometryError("the plan transform is singular and cannot be inverted");
    Mat3 r{m[4] * m[8] - m[5] * m[7], m[2] * m[7] - m[1] * m[8], m[1] * m[5] - m[2] * m[4],
           m[5] * m[6] - m[3] * m[8], m[0] * m[8] - m[2] * m[6], m[2] * m[3] - m[0] * m[5],
           m[3] * m[7] - m[4] * m[6], m[1] * m[6] - m[0] * m[7], m[0] * m[4] - m[1] * m[3]};
    for (auto& v : r)
        v /= det;
    return r;
}

} // namespace redline::analysis
