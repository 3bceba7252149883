#pragma once
// Records of plans, plan calibrations and saved measurements kept in the workspace (issue #5).
// The methods that read and write them are on Workspace (store/workspace.hpp).

#include "core/geometry.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace redline::store {

/// A plan (an approved drawing) held in the workspace with its original file.
struct PlanInfo {
    std::int64_t id = 0;
    std::string name;      ///< unique within the workspace
    std::string file_name; ///< the original file name, without folders
    std::string sha256;    ///< of the stored bytes (set by the store)
    std::string format;    ///< "png", "jpeg", "tiff", "pdf", "dxf"
    int page = 1;          ///< PDF page, 1-based
    double dpi = 0;        ///< raster DPI (PDF: rasterised at; scans: as stated), 0 when unknown
    int width_px = 0;      ///< raster size in pixels (0 for DXF)
    int height_px = 0;
    double paper_width_mm = 0; ///< the PDF page's own size, 0 when not a PDF
    double paper_height_mm = 0;
    std::string units = "px";   ///< plan coordinate units: "px", or the DXF drawing units
    double metres_per_unit = 0; ///< DXF: metres per drawing unit from $INSUNITS; 0 otherwise
    double stated_scale = 0;    ///< 1:N as printed on the plan, 0 when not stated
    std::string added_at;       ///< ISO 8601 UTC (set by the store)
    std::string added_by;       ///< set by the store
    std::int64_t byte_size = 0; ///< set by the store
    std::optional<std::int64_t> current_calibration;
};

/// A calibration of a plan as stored: the transform and the JSON of its provenance.
struct PlanCalibrationRecord {
    std::int64_t id = 0;
    std::int64_t plan_id = 0;
    std::string method;         ///< "helmert", "affine", "projective", "stated-scale", ...
    std::string transform_kind; ///< "helmert", "affine", "projective"
    /// plan -> EPSG:27700, row-major homogeneous 3x3 (analysis::PlanTransform::h).
    std::array<double, 9> matrix{1, 0, 0, 0, 1, 0, 0, 0, 1};
    bool y_down = true;
    double rmse_m = 0;
    std::string details_json = "{}"; ///< control points, residuals, parameters, warnings
    std::string created_at;          ///< set by the store
    std::string created_by;          ///< set by the store
};

/// A saved measurement with its provenance.
struct MeasurementRecord {
    std::int64_t id = 0;
    std::string kind;        ///< "length", "area", "offset"
    core::Geometry geometry; ///< EPSG:27700: the measured line, polygon or offset line
    double grid_value = 0;   ///< m or m2
    double ground_value = 0;
    std::string unit; ///< "m" or "m2"
    std::optional<double> uncertainty;
    std::string method; ///< "map" or "plan:<calibration method>"
    std::optional<std::int64_t> plan_id;
    std::string plan_sha256;
    std::optional<std::int64_t> calibration_id;
    std::string case_reference; ///< empty when not saved to a case
    std::string details_json = "{}";
    std::string created_at; ///< set by the store
    std::string created_by; ///< set by the store
};

namespace detail {
class Connection;
/// Schema migration 3 -> 4: the plans, plan_calibrations and measurements tables. Call only from
/// the migration list (store/schema.cpp), inside its transaction.
void migrate_plans(Connection& db);
} // namespace detail

} // namespace redline::store
