// The Plans and Measure tabs' views of the app state, and the hand-over of the plan worker's
// results to the UI thread (issue #5).
#include "app/app_state.hpp"
#include "app/plan_records.hpp"
#include "app/plan_tools.hpp"
#include "app/plan_worker.hpp"
#include "core/error.hpp"

#include <cstdio>

namespace redline::app {
namespace {

std::string format(const char* fmt, double a, double b = 0) {
    char buf[160];
    std::snprintf(buf, sizeof buf, fmt, a, b);
    return buf;
}

} // namespace

ui::PlanToolView plan_tool_view(const AppState& s, unsigned long long plan_texture) {
    const PlanWork& p = s.plans;
    ui::PlanToolView v;
    v.plans = p.rows;
    v.listing = p.listing;
    v.open_plan = p.info ? p.info->id : (p.open_request ? *p.open_request : 0);
    v.open_plan_name = p.info ? p.info->name : "";
    v.loading = p.loading;
    v.width = p.overlay.width;
    v.height = p.overlay.height;
    v.image_to_plan = p.overlay.image_to_plan;
    v.texture = plan_texture;
    v.opacity = p.overlay.opacity;
    v.visible = p.overlay.visible;
    v.method = p.method == analysis::TransformKind::Projective ? 2
               : p.method == analysis::TransformKind::Affine   ? 1
                                                               : 0;
    v.pending_plan_point = p.pending_plan_point;
    v.has_transform = p.overlay.transform.has_value();
    const auto live = live_calibration(p);
    for (std::size_t i = 0; i < p.overlay.control_points.size(); ++i) {
        ui::ControlPointRow row;
        row.plan = p.overlay.control_points[i].plan;
        row.map = p.overlay.control_points[i].map;
        if (live && i < live->residuals_m.size())
            row.residual_m = live->residuals_m[i];
        if (live && i < live->leave_one_out_m.size())
            row.leave_one_out_m = live->leave_one_out_m[i];
        v.points.push_back(row);
    }
    if (live && !live->points.empty())
        v.rmse_m = live->rmse_m;
    v.fit_error = p.fit_error;
    if (p.fit)
        v.warnings = p.fit->warnings;
    if (p.saved) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "calibration %lld: %s, RMSE %.3f m",
                      static_cast<long long>(p.saved->id), p.saved->method.c_str(),
                      p.saved->rmse_m);
        v.saved_calibration = buf;
    }
    for (const auto& a : p.adjustments)
        v.adjustments.push_back(scene::describe(a));
    v.unsaved = p.unsaved;
    v.saving = p.saving;
    v.message = p.message;
    return v;
}

ui::MeasureToolView measure_tool_view(const AppState& s) {
    const MeasureWork& m = s.measure;
    ui::MeasureToolView v;
    v.active = m.active;
    v.kind = m.kind == analysis::MeasureKind::Offset ? 2 : m.kind == analysis::MeasureKind::Area;
    v.on_plan = m.on_plan;
    v.plan_available = s.plans.overlay.transform.has_value();
    v.vertex_count = m.vertices.size();
    if (m.result) {
        const bool area = m.kind == analysis::MeasureKind::Area;
        const char* what = area                                      ? "Area"
                           : m.kind == analysis::MeasureKind::Offset ? "Offset"
                                                                     : "Length";
        const char* unit = area ? "m2" : "m";
        v.result.push_back(std::string(what) + " (grid, EPSG:27700): " +
                           format("%.3f", m.result->grid_value) + " " + unit);
        v.result.push_back(std::string(what) +
                           " (ground): " + format("%.3f", m.result->ground_value) + " " + unit);
        v.result.push_back(format("Grid scale factor %.7f", m.result->scale_factor));
        if (m.result->uncertainty)
            v.result.push_back("Uncertainty (1 sigma): +/- " +
                               format("%.3f", *m.result->uncertainty) + " " + unit +
                               " (plan calibration RMSE and half a pixel)");
        else
            v.result.push_back("On the map: no calibration uncertainty");
    }
    v.error = m.error;
    v.can_save = m.result.has_value() && !s.workspace.empty();
    v.can_trace = v.can_save && m.on_plan && m.kind == analysis::MeasureKind::Area &&
                  m.plan_vertices.size() >= 3 && s.plans.saved && !s.plans.unsaved && s.plans.info;
    v.saving = m.saving;
    v.message = m.message;
    return v;
}

void show_loaded_plan(AppState& s, LoadedPlan plan) {
    PlanWork& p = s.plans;
    p.loading = false;
    p.open_request.reset();
    p.load_posted = false;
    const float opacity = p.overlay.opacity; // chosen while it loaded
    const bool visible = p.overlay.visible;
    p.overlay = {};
    p.overlay.opacity = opacity;
    p.overlay.visible = visible;
    p.overlay.plan_id = plan.info.id;
    p.overlay.name = plan.info.name;
    p.overlay.width = plan.width;
    p.overlay.height = plan.height;
    p.overlay.image_to_plan = plan.image_to_plan;
    p.overlay.image = std::move(plan.image);
    p.saved = std::move(plan.calibration);
    p.info = std::move(plan.info);
    p.pending_plan_point.reset();
    p.adjustments.clear();
    p.fit.reset();
    p.fit_error.clear();
    p.unsaved = false;
    p.base.reset();
    if (p.saved) {
        p.base = calibration_of(*p.saved).transform;
        const auto kind = analysis::parse_transform_kind(p.saved->transform_kind);
        if (kind)
            p.method = *kind;
        // Continue from the stored control points, so one more point refines the fit.
        p.overlay.control_points = control_points_of(*p.saved);
        if (!p.overlay.control_points.empty() && p.saved->method != "manual") {
            try {
                p.fit = analysis::calibrate_control_points(p.overlay.control_points, p.method,
                                                           p.saved->y_down);
            } catch (const core::Error&) {
                p.fit.reset();
            }
        }
    }
    p.overlay.transform = p.base;
    sync_plan_scene(s);
}

void update_plans(AppState& s, PlanWorker& worker) {
    PlanWork& p = s.plans;
    // A workspace (new or reopened) whose plans are not listed yet.
    if (s.scene && !s.workspace.empty() && (p.listed_for != s.workspace || p.list_request) &&
        !p.listing) {
        if (p.listed_for != s.workspace) {
            close_plan(p);
            p.rows.clear();
        }
        p.listed_for = s.workspace;
        p.list_request = false;
        p.listing = true;
        worker.list(s.workspace);
    }
    if (p.open_request && !p.load_posted && !s.workspace.empty()) {
        worker.load(s.workspace, *p.open_request);
        p.load_posted = true;
    }
    if (p.save_request) {
        worker.save_calibration(s.workspace, std::move(*p.save_request));
        p.save_request.reset();
    }
    if (s.measure.trace_request) {
        const auto& t = *s.measure.trace_request;
        worker.save_trace(s.workspace, t.application, t.footprint, t.plan_id, t.calibration_id);
        s.measure.trace_request.reset();
    }
    if (s.measure.save_request) {
        worker.save_measurement(s.workspace, std::move(*s.measure.save_request));
        s.measure.save_request.reset();
    }
    for (PlanWorker::Result& r : worker.poll()) {
        if (r.workspace != s.workspace)
            continue; // finished for a workspace no longer open
        switch (r.kind) {
        case PlanWorker::Result::Kind::List:
            p.listing = false;
            if (r.error.empty())
                p.rows = std::move(r.rows);
            else
                p.message = "Cannot list the plans: " + r.error;
            break;
        case PlanWorker::Result::Kind::Load:
            if (!p.open_request || *p.open_request != r.plan_id)
                break; // another plan was chosen (or this one closed) while it was read
            if (r.error.empty() && r.plan) {
                show_loaded_plan(s, std::move(*r.plan));
                // Take the officer to the plan, as choosing a search hit does.
                if (const auto corners = scene::plan_corners_on_map(p.overlay)) {
                    core::Envelope e;
                    for (const core::Coord& c : *corners)
                        e.expand(c);
                    s.view.fit(e, 40);
                }
            } else {
                close_plan(p);
                p.message = r.error;
            }
            break;
        case PlanWorker::Result::Kind::CalibrationSaved:
            p.saving = false;
            if (!r.error.empty()) {
                p.message = "Not saved: " + r.error;
                break;
            }
            p.message = "Saved as calibration " + std::to_string(r.saved_id) +
                        " (audited) and made the plan's current one.";
            if (const auto cal = live_calibration(p)) {
                if (p.info) {
                    p.saved = calibration_record(*p.info, *cal, p.adjustments, p.saved);
                    p.saved->id = r.saved_id;
                }
                if (!p.adjustments.empty())
                    p.fit.reset(); // the stored "manual" transform is now the base
                p.base = cal->transform;
                p.adjustments.clear();
            }
            p.unsaved = false;
            p.list_request = true;
            break;
        case PlanWorker::Result::Kind::TraceSaved:
            s.measure.saving = false;
            if (r.error.empty()) {
                s.measure.message = "Saved as approved footprint " + std::to_string(r.saved_id) +
                                    " (layer " + std::string(k_traced_layer) +
                                    "); the map reloads to show it.";
                // Read the workspace again, keeping the view, so the new footprint is drawn.
                s.open_request = s.workspace;
                s.reload_keeps_view = true;
            } else {
                s.measure.message = "Not saved: " + r.error;
            }
            break;
        case PlanWorker::Result::Kind::MeasurementSaved:
            s.measure.saving = false;
            s.measure.message =
                r.error.empty()
                    ? "Saved as measurement " + std::to_string(r.saved_id) + " with its provenance."
                    : "Not saved: " + r.error;
            break;
        }
    }
    sync_plan_scene(s);
}

} // namespace redline::app
