#pragma once
// Small dense linear algebra for plan calibration: a row-major matrix, its singular value
// decomposition and SVD-based least squares. Sizes here are tiny (at most a few hundred rows by
// nine columns), so clarity and numerical robustness matter more than speed.

#include <array>
#include <cstddef>
#include <vector>

namespace redline::analysis {

/// A dense row-major matrix of doubles.
class Matrix {
public:
    Matrix() = default;
    /// A rows x cols matrix of zeros.
    Matrix(std::size_t rows, std::size_t cols) : m_rows(rows), m_cols(cols), m_a(rows * cols) {}

    std::size_t rows() const { return m_rows; }
    std::size_t cols() const { return m_cols; }
    double& operator()(std::size_t r, std::size_t c) { return m_a[r * m_cols + c]; }
    double operator()(std::size_t r, std::size_t c) const { return m_a[r * m_cols + c]; }

private:
    std::size_t m_rows = 0;
    std::size_t m_cols = 0;
    std::vector<double> m_a;
};

/// A = U diag(s) V^T with U (rows x cols, orthonormal columns where s > 0), s descending and
/// non-negative, V (cols x cols) orthogonal. Thin SVD; needs rows >= cols (pad with zero rows
/// otherwise: that changes neither s nor V).
struct Svd {
    Matrix u;
    std::vector<double> s;
    Matrix v;
};

/// Singular value decomposition by one-sided Jacobi rotations (Hestenes 1958; see Demmel &
/// Veselic 1992 for why it is accurate even for small singular values). Throws
/// std::invalid_argument when rows < cols.
Svd svd(const Matrix& a);

/// Least-squares solution of A x = b (minimum norm when rank deficient) through the SVD, treating
/// singular values below `rcond` x the largest as zero. `rank` (optional) receives the numerical
/// rank: callers use it to detect degenerate geometry (collinear control points).
std::vector<double> solve_least_squares(const Matrix& a, const std::vector<double>& b,
                                        double rcond = 1e-12, std::size_t* rank = nullptr);

/// The unit vector x minimising |A x| (the right singular vector of the smallest singular value):
/// the homogeneous least-squares solution used by the DLT. `ratio` (optional) receives the second
/// smallest singular value divided by the largest, which is ~0 when the solution is not unique.
std::vector<double> null_vector(const Matrix& a, double* ratio = nullptr);

/// A 3x3 matrix, row-major: the homogeneous plan -> map transforms.
using Mat3 = std::array<double, 9>;
Mat3 multiply(const Mat3& a, const Mat3& b);
double determinant(const Mat3& m);
/// Inverse by the adjugate; throws core::GeometryError when the matrix is singular.
Mat3 inverse(const Mat3& m);

} // namespace redline::analysis
