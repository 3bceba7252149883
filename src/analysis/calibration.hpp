#pragma once
// Plan calibration: transforms from a plan's own coordinates to EPSG:27700, fitted from a stated
// scale, a known distance or control points.
//
// Plan coordinates. A raster plan (scan, photo, rasterised PDF page) is addressed in pixels: x to
// the right, y DOWN, (0, 0) the top-left corner of the image and (0.5, 0.5) the centre of the
// first pixel. A vector (DXF) plan is addressed in its drawing units with y UP, as CAD draws it;
// every function here takes `y_down` to say which (true for rasters).
//
// Rotation. A plan's rotation is the direction of its +x axis on the map, in degrees
// counter-clockwise from grid east; 0 means the plan's "up" is grid north. Because raster y points
// down while northing points up, a raster transform has a negative determinant (a reflection):
// that is expected and is not an error.

#include "core/geometry.hpp"

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace redline::analysis {

/// The shape of a transform fitted to control points.
enum class TransformKind {
    Helmert,    ///< similarity: scale, rotation, translation (4 parameters, >= 2 points)
    Affine,     ///< 6 parameters, >= 3 points not on one line
    Projective, ///< 8 parameters (a homography), >= 4 points, no three on one line
};
const char* to_string(TransformKind kind);
/// "helmert"/"similarity", "affine", "projective"/"homography"; nullopt otherwise.
std::optional<TransformKind> parse_transform_kind(std::string_view name);
/// Control points each kind needs at least.
std::size_t minimum_points(TransformKind kind);

/// A plan -> EPSG:27700 transform as a 3x3 homogeneous matrix `h` (row-major):
/// [E, N, w]^T = h [x, y, 1]^T, then E/w, N/w. Helmert and affine have a last row of 0 0 1.
/// Cheap to copy and evaluate: the viewer can refit and redraw on every mouse move.
struct PlanTransform {
    TransformKind kind = TransformKind::Helmert;
    std::array<double, 9> h{1, 0, 0, 0, 1, 0, 0, 0, 1};

    /// Plan coordinates -> EPSG:27700 metres. Throws GeometryError when the point maps to
    /// infinity (only a projective transform can, on its vanishing line).
    core::Coord to_map(core::Coord plan) const;
    /// EPSG:27700 metres -> plan coordinates. Throws GeometryError when the matrix is singular.
    core::Coord to_plan(core::Coord en) const;
    /// Local size of one plan unit on the grid (metres per pixel), sqrt|det J| at `plan`.
    double scale_m_per_unit(core::Coord plan) const;
    /// Direction of the plan's +x axis at `plan`, degrees counter-clockwise from grid east,
    /// in (-180, 180].
    double rotation_deg(core::Coord plan) const;
};

/// One control point: the same feature on the plan (plan coordinates) and on the map
/// (EPSG:27700 metres).
struct ControlPoint {
    core::Coord plan;
    core::Coord map;
};

/// The four parameters of a similarity transform, as a user reads them.
struct HelmertParameters {
    double scale_m_per_px = 0; ///< grid metres per plan unit
    double rotation_deg = 0;   ///< counter-clockwise, see the file comment
    double tx = 0;             ///< easting of plan (0, 0), metres
    double ty = 0;             ///< northing of plan (0, 0), metres
};

/// A fitted calibration with its quality figures.
struct Calibration {
    std::string method; ///< "helmert", "affine", "projective", "stated-scale", "known-distance"
    PlanTransform transform;
    bool y_down = true;
    std::vector<ControlPoint> points; ///< the control points (the anchor for scale methods)
    std::vector<double> residuals_m;  ///< |fitted - given| on the map for each point, metres
    double rmse_m = 0;                ///< sqrt(mean(residual^2)), radial, metres
    /// For each point, its error when predicted from a fit to the other points (metres);
    /// nullopt when the others are too few or degenerate. Empty for the scale methods.
    std::vector<std::optional<double>> leave_one_out_m;
    /// Ground metres per plan unit the user stated (scale methods), or 0.
    double stated_ground_m_per_unit = 0;
    std::vector<std::string> warnings;

    /// Similarity parameters when the transform is one (Helmert and the scale methods).
    std::optional<HelmertParameters> helmert() const;
};

/// Ground metres per pixel of a plan drawn at 1:`scale_denominator` and scanned or rasterised at
/// `dpi`: scale_denominator x 0.0254 / dpi. Throws UsageError for values <= 0.
double metres_per_pixel(double scale_denominator, double dpi);

/// Calibrate from a known size of plan unit: `ground_m_per_unit` ground metres per plan unit, the
/// plan rotated by `rotation_deg` and pinned at `anchor`. The plan shows ground distances, so the
/// grid size of a unit is ground x the grid scale factor at the anchor (crs::grid_scale_factor).
/// `method` is recorded ("stated-scale" or "known-distance"). Throws UsageError for a scale <= 0.
Calibration calibrate_from_scale(double ground_m_per_unit, const ControlPoint& anchor,
                                 double rotation_deg, bool y_down = true,
                                 const std::string& method = "stated-scale");

/// Calibrate from two plan points `a`, `b` whose true (ground) distance is `ground_distance_m`,
/// with an anchor and rotation as calibrate_from_scale. Throws GeometryError when a == b.
Calibration calibrate_from_known_distance(core::Coord a, core::Coord b, double ground_distance_m,
                                          const ControlPoint& anchor, double rotation_deg,
                                          bool y_down = true);

/// Least-squares fit of `kind` to control points, with residuals, RMSE and leave-one-out errors.
/// Helmert is solved in closed form; affine and projective after Hartley normalisation (centroid
/// at the origin, mean distance sqrt 2), affine by SVD least squares and projective by the DLT
/// (null vector of the 2n x 9 system by SVD). Throws UsageError for too few points and
/// GeometryError for duplicate points (closer than 0.5 plan unit or 1 mm on the map), collinear
/// points (affine, projective) or any other configuration that does not determine the transform.
Calibration calibrate_control_points(std::span<const ControlPoint> points, TransformKind kind,
                                     bool y_down = true);

/// The warning "plan may not be to scale" when the calibration's ground scale at `plan_centre`
/// differs from `stated_ground_m_per_unit` by more than 2%, else nullopt.
std::optional<std::string> check_stated_scale(const Calibration& calibration,
                                              double stated_ground_m_per_unit,
                                              core::Coord plan_centre);

/// Standard deviation (metres, per axis) assumed for a point digitised on the calibrated plan at
/// `plan`: the calibration RMSE and half a plan unit of picking resolution, in quadrature. Used to
/// propagate uncertainty into measurements (docs/plans.md).
double point_sigma_m(const Calibration& calibration, core::Coord plan);

} // namespace redline::analysis
