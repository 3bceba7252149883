#pragma once
// The desktop program's state of the plan and measure tools (issue #5), part of AppState. UI
// thread only; the plan worker (plan_worker.hpp) reads and writes the workspace and hands back
// finished results.

#include "analysis/calibration.hpp"
#include "analysis/measurement.hpp"
#include "scene/plan_adjust.hpp"
#include "scene/plan_overlay.hpp"
#include "store/plans.hpp"
#include "ui/plan_view.hpp"

#include <optional>
#include <string>
#include <vector>

namespace redline::app {

/// The plan being shown and calibrated.
struct PlanWork {
    std::vector<ui::PlanRow> rows; ///< the workspace's plans
    std::string listed_for;        ///< workspace the rows were read from
    bool listing = false;
    bool list_request = false; ///< read the list again (after a save, a new workspace)

    std::optional<store::PlanInfo> info;      ///< the plan shown; nullopt: none
    std::optional<std::int64_t> open_request; ///< plan being opened (until its pixels arrive)
    bool load_posted = false;                 ///< the worker has the request
    bool loading = false;
    scene::PlanOverlay overlay;                        ///< copied into the scene every change
    std::optional<store::PlanCalibrationRecord> saved; ///< its current calibration in the store
    analysis::TransformKind method = analysis::TransformKind::Helmert;
    std::optional<core::Coord> pending_plan_point; ///< waiting for the map click
    /// The live fit of overlay.control_points (nullopt: too few or degenerate, see fit_error).
    std::optional<analysis::Calibration> fit;
    std::string fit_error;
    /// The transform the manual steps apply to: the fit, else the stored calibration.
    std::optional<analysis::PlanTransform> base;
    /// Manual steps applied on top of the fit (or of the saved calibration) since then.
    std::vector<scene::PlanAdjustment> adjustments;
    bool unsaved = false;
    std::optional<store::PlanCalibrationRecord> save_request; ///< for the worker
    bool saving = false;
    std::string message;
};

/// The measure tool.
struct MeasureWork {
    bool active = false;
    analysis::MeasureKind kind = analysis::MeasureKind::Length;
    bool on_plan = false;
    std::vector<core::Coord> vertices;      ///< EPSG:27700, snapped
    std::vector<core::Coord> plan_vertices; ///< on_plan: the same in plan units
    std::optional<analysis::Measurement> result;
    std::string error;
    /// The record to save, built with the result (provenance included).
    std::optional<store::MeasurementRecord> save_request;
    bool saving = false;
    std::string message;
    /// An area traced on the calibrated plan, to be saved as an approved footprint (issue #5
    /// item 5): the same store call as `redline-cli plan trace`.
    struct Trace {
        std::string application;
        core::Polygon footprint; ///< EPSG:27700, exterior ring counter-clockwise and closed
        std::int64_t plan_id = 0;
        std::int64_t calibration_id = 0;
    };
    std::optional<Trace> trace_request;
};

} // namespace redline::app
