#pragma once

#include "scene/gistar_layer.hpp"
#include "scene/scene.hpp"
#include "scene/viewport.hpp"
#include "ui/casework_view.hpp"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace redline::ui {

/// Panels never change state themselves: they emit these, and the app executes them (on the UI
/// thread for view changes, on a worker for anything that reads files).
struct PanBy {
    double dx_px = 0, dy_px = 0; ///< screen drag, pixels
};
struct ZoomAbout {
    scene::ScreenPoint anchor; ///< map-relative pixels
    double factor = 1;         ///< > 1 zooms in
};
struct SetScale {
    double denominator = 0; ///< N of 1:N
};
struct IdentifyAt {
    scene::ScreenPoint at; ///< map-relative pixels
};
struct HoverAt {
    scene::ScreenPoint at; ///< map-relative pixels, for the status bar readout
};
struct ResizeMap {
    int width_px = 0, height_px = 0;
};
struct SetVisibility {
    std::string layer;
    bool visible = true;
};
struct SetOpacity {
    std::string layer;
    float opacity = 1;
};
struct MoveLayer {
    std::size_t from = 0, to = 0; ///< draw-order indices (0 = bottom)
};
struct RunSearch {
    std::string query;
};
struct SelectFeature {
    scene::FeatureRef ref;
    bool frame = true; ///< zoom the map to the feature
};
struct ClearSelection {};
/// Show, hide or change the heat surface (Hotspots tab).
struct SetHeat {
    scene::HeatSettings heat;
};
/// Select a finding: frame it, highlight its geometry and annotate its measured value.
struct SelectFinding {
    std::int64_t id = 0;
};
/// Select an enforcement case: frame its site (application red line, else its point, else its
/// first complaint) and show it in the inspector.
struct SelectCase {
    std::string reference;
};
struct RevealConfidential {
    bool reveal = false;
};
struct OpenWorkspace {
    std::string path;
};
/// Add a raster basemap (GeoTIFF, image + world file, GDAL WMS/TMS XML) to this session.
struct AddBasemap {
    std::string path;
};
struct SetBasemapVisibility {
    std::string path;
    bool visible = true;
};
struct SetBasemapOpacity {
    std::string path;
    float opacity = 1;
};
struct ExportMapPng {
    std::string path;
};
/// Compute Gi* over the filtered complaints on a worker and show it as the Gi* layers.
struct RunGistar {
    scene::GistarSettings settings;
};
/// Remove the Gi* layers from the map.
struct ClearGistar {};
/// Recompute the dashboard as of another date (on a worker).
struct SetDashboardDate {
    core::Date as_of;
};
/// Save the Dashboard tab (its panel, as drawn) to a PNG.
struct ExportDashboardPng {
    std::string path;
};
struct Quit {};

// Casework (issues #7, #8): forms open and close on the UI thread; the writes and exports run on
// a worker (app/casework_jobs.hpp). Text fields are passed as typed: the workflow module checks
// them exactly as the CLI does.
/// Open a casework form (for `case_reference` where the form is about a case).
struct OpenCaseForm {
    CaseForm form = CaseForm::None;
    std::string case_reference;
};
struct CloseCaseForm {};
/// The next click on the map places a new complaint.
struct StartComplaintPick {};
/// Where the new complaint is (EPSG:27700); opens the complaint form.
struct PlaceComplaint {
    core::Coord at;
};
struct RecordCaseStage {
    std::string case_reference, stage, date, served, effective, compliance_days, notice, outcome,
        note;
};
/// A basemap the viewer shows, as an evidence pack prints it under the map's layers.
struct PackBasemapChoice {
    std::string path;
    float opacity = 1; ///< 0-1
};
struct ExportEvidencePack {
    std::string case_reference, scale, paper, orientation, exhibit, officer, date, path;
    /// Filled in by the app from its visible basemaps (bottom first), not by the form.
    std::vector<PackBasemapChoice> basemaps = {};
};
struct AddComplaint {
    std::string reference, received, category, description, complainant_name, complainant_contact;
    core::Coord at;        ///< EPSG:27700
    bool join_case = true; ///< link to the open case at the site, if any
    /// Open a new case with the complaint instead (same transaction). Its fields as typed; ""
    /// reference = the next free one, "" opened = today, "" breach type = not classified.
    bool open_case = false;
    std::string case_reference, case_officer, case_opened, alleged_breach, breach_type;
};
struct ImportComplaintsCsv {
    std::string path;
};
struct MergeComplaints {
    std::string keep, duplicate;
};
struct ExportWorkloadCsv {
    std::string path;
};
/// Tools > Run breach check: screen the workspace as of today with the default parameters and
/// store the run, as `redline-cli check` does (on the casework worker; the map reloads after).
struct RunBreachCheck {};

// ---- plans and measurement (issue #5)
/// Show a plan of the workspace over the map (its pixels are read on a worker).
struct OpenPlan {
    std::int64_t id = 0;
};
struct ClosePlan {};
struct SetPlanOpacity {
    float opacity = 0.6f;
};
struct SetPlanVisible {
    bool visible = true;
};
/// 0 Helmert, 1 affine, 2 projective: refits the control points at once.
struct SetPlanMethod {
    int method = 0;
};
/// A click on the plan window, in plan units (raster pixels y down; a DXF's drawing units y up).
/// The next map click pairs it.
struct PickPlanPoint {
    core::Coord plan;
};
struct RemoveControlPoint {
    std::size_t index = 0;
};
struct ClearControlPoints {};
/// Store the live calibration (fit and manual adjustments) as the plan's current one.
struct SaveCalibration {};
/// Move the plan by a screen distance (pixels, x right, y down) at the map's scale.
struct NudgePlan {
    double dx_px = 0, dy_px = 0;
};
/// Turn the plan about its centre, degrees counter-clockwise.
struct RotatePlan {
    double degrees = 0;
};
/// Scale the plan about its centre (1.01 = 1% larger).
struct ScalePlan {
    double factor = 1;
};
/// Turn the measure tool on or off, and choose what it measures: 0 distance, 1 area, 2 offset;
/// `on_plan` takes the vertices on the calibrated plan (with an uncertainty).
struct SetMeasureTool {
    bool active = false;
    int kind = 0;
    bool on_plan = false;
};
struct UndoMeasureVertex {};
struct ClearMeasure {};
/// Save the measured value with its provenance (to a case when `case_reference` is set).
struct SaveMeasurement {
    std::string case_reference;
};
/// Save the area measured on the calibrated plan as an approved footprint of an application.
struct SaveTracedFootprint {
    std::string application;
};

using Action = std::variant<
    PanBy, ZoomAbout, SetScale, IdentifyAt, HoverAt, ResizeMap, SetVisibility, SetOpacity,
    MoveLayer, RunSearch, SelectFeature, ClearSelection, SelectCase, SelectFinding, SetHeat,
    RevealConfidential, OpenWorkspace, AddBasemap, SetBasemapVisibility, SetBasemapOpacity,
    ExportMapPng, Quit, RunGistar, ClearGistar, ExportDashboardPng, SetDashboardDate,
    // issues #7, #8
    OpenCaseForm, CloseCaseForm, StartComplaintPick, PlaceComplaint, RecordCaseStage,
    ExportEvidencePack, AddComplaint, ImportComplaintsCsv, MergeComplaints, ExportWorkloadCsv,
    RunBreachCheck,
    // issue #5
    OpenPlan, ClosePlan, SetPlanOpacity, SetPlanVisible, SetPlanMethod, PickPlanPoint,
    RemoveControlPoint, ClearControlPoints, SaveCalibration, NudgePlan, RotatePlan, ScalePlan,
    SetMeasureTool, UndoMeasureVertex, ClearMeasure, SaveMeasurement, SaveTracedFootprint>;

using Actions = std::vector<Action>;

} // namespace redline::ui
