#pragma once
// What the Plans and Measure tabs and the plan window read (issue #5): formatted by the app,
// owned by the app and pointed to from ViewState for one frame.

#include "core/geometry.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace redline::ui {

/// One plan of the workspace in the Plans tab.
struct PlanRow {
    std::int64_t id = 0;
    std::string name;
    std::string sha256_prefix; ///< first 12 hex digits of the file's SHA-256
    std::string format;        ///< "png", "pdf", "dxf", ...
    std::string calibration;   ///< "affine, RMSE 0.041 m", or "not calibrated"
};

/// One control point as the Plans tab lists it.
struct ControlPointRow {
    core::Coord plan;                 ///< plan units (raster pixels y down, DXF units y up)
    core::Coord map;                  ///< EPSG:27700 metres
    std::optional<double> residual_m; ///< with a fit
    std::optional<double> leave_one_out_m;
};

/// The plan being shown and calibrated.
struct PlanToolView {
    std::vector<PlanRow> plans;
    bool listing = false;       ///< the plan list is being read
    std::int64_t open_plan = 0; ///< 0: none
    std::string open_plan_name;
    bool loading = false;         ///< the plan's pixels are being read
    double width = 0, height = 0; ///< image size in image units (scene/plan_overlay.hpp)
    /// Image units -> plan units, row-major 3x3 affine: the plan window shows the image and
    /// reports clicks in plan units (identity for rasters; a DXF's pixel -> drawing units).
    std::array<double, 9> image_to_plan{1, 0, 0, 0, 1, 0, 0, 0, 1};
    unsigned long long texture = 0; ///< GL texture of the plan image, 0 = none yet
    float opacity = 0.6f;
    bool visible = true;
    int method = 0; ///< 0 Helmert, 1 affine, 2 projective
    std::vector<ControlPointRow> points;
    /// Clicked on the plan (plan units), waiting for the matching click on the map.
    std::optional<core::Coord> pending_plan_point;
    bool has_transform = false;
    std::optional<double> rmse_m;
    std::string fit_error; ///< why the points do not give a fit yet ("needs 3 points, got 2")
    std::vector<std::string> warnings;
    std::string saved_calibration; ///< "calibration 4: affine, RMSE 0.041 m", empty when none
    std::vector<std::string> adjustments; ///< manual steps since the last fit or save
    bool unsaved = false;                 ///< points or adjustments not saved yet
    bool saving = false;
    std::string message; ///< result of the last save, or an error
};

/// The measure tool.
struct MeasureToolView {
    bool active = false;
    int kind = 0;         ///< 0 distance (polyline), 1 area, 2 offset
    bool on_plan = false; ///< vertices are taken on the calibrated plan
    bool plan_available = false;
    std::size_t vertex_count = 0;
    std::vector<std::string> result; ///< grid, ground, scale factor, uncertainty lines
    std::string error;
    bool can_save = false;
    bool saving = false;
    std::string message;
    /// An area on the plan under its saved calibration: it can become an approved footprint.
    bool can_trace = false;
};

} // namespace redline::ui
