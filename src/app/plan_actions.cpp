// The plan overlay, control-point calibration, manual adjustment and measure tools (issue #5):
// their actions, carried out on the UI thread. Fits and measurements are microseconds for a
// dozen points, so they run here on every click; the workspace is read and written by the plan
// worker (plan_worker.cpp).
#include "app/app_state.hpp"
#include "app/plan_records.hpp"
#include "app/plan_tools.hpp"
#include "core/error.hpp"
#include "core/geometry.hpp"
#include "scene/snapping.hpp"

#include <algorithm>
#include <type_traits>

namespace redline::app {
namespace {

constexpr double k_snap_px = 8; ///< map clicks snap to features this close (screen pixels)

analysis::TransformKind kind_of_method(int m) {
    return m == 2   ? analysis::TransformKind::Projective
           : m == 1 ? analysis::TransformKind::Affine
                    : analysis::TransformKind::Helmert;
}

/// Ground metres per plan unit the plan states (1:N at its DPI, or 1:N in a DXF's drawing
/// units), as `redline-cli plan calibrate` works it out; 0 when it states none.
double stated_ground_m_per_unit(const store::PlanInfo& plan) {
    if (!(plan.stated_scale > 0))
        return 0;
    if (plan.format == "dxf")
        return plan.metres_per_unit > 0 ? plan.stated_scale * plan.metres_per_unit : 0;
    return plan.dpi > 0 ? analysis::metres_per_pixel(plan.stated_scale, plan.dpi) : 0;
}

/// Fit the control points again with the chosen method; a failure is shown, never thrown.
void refit(PlanWork& p) {
    p.fit.reset();
    p.fit_error.clear();
    p.adjustments.clear();
    p.base = p.saved ? std::optional(calibration_of(*p.saved).transform) : std::nullopt;
    const auto& points = p.overlay.control_points;
    if (!points.empty()) {
        try {
            analysis::Calibration c =
                analysis::calibrate_control_points(points, p.method, plan_y_down(p));
            if (const double stated = p.info ? stated_ground_m_per_unit(*p.info) : 0; stated > 0)
                if (auto w = analysis::check_stated_scale(c, stated, scene::plan_centre(p.overlay)))
                    c.warnings.push_back(*w);
            p.base = c.transform;
            p.fit = std::move(c);
        } catch (const core::Error& e) {
            p.fit_error = e.what();
        }
    }
    p.overlay.transform = p.base;
}

void apply_step(AppState& s, const scene::PlanAdjustment& step) {
    PlanWork& p = s.plans;
    if (!p.overlay.transform)
        return;
    try {
        // About the image's centre, in whatever units the plan has (a DXF's need not start at 0).
        const core::Coord pivot = step.kind == scene::PlanAdjustment::Kind::Move
                                      ? core::Coord{}
                                      : p.overlay.transform->to_map(scene::plan_centre(p.overlay));
        p.overlay.transform = scene::apply_adjustment(*p.overlay.transform, step, pivot);
        p.adjustments.push_back(step);
        p.unsaved = true;
    } catch (const core::Error& e) {
        p.message = e.what();
    }
}

bool enough_vertices(const MeasureWork& m) {
    const std::size_t n = m.vertices.size();
    switch (m.kind) {
    case analysis::MeasureKind::Length:
        return n >= 2;
    case analysis::MeasureKind::Area:
        return n >= 3;
    case analysis::MeasureKind::Offset:
        return n == 3;
    }
    return false;
}

/// Add a clicked map point to the measure tool (on the plan: also as a plan point).
void add_measure_vertex(AppState& s, core::Coord at) {
    MeasureWork& m = s.measure;
    if (m.kind == analysis::MeasureKind::Offset && m.vertices.size() >= 3) {
        m.vertices.clear(); // a fourth click starts the next offset
        m.plan_vertices.clear();
    }
    if (m.on_plan) {
        if (!s.plans.overlay.transform) {
            m.error = "no calibrated plan to measure on";
            return;
        }
        try {
            m.plan_vertices.push_back(s.plans.overlay.transform->to_plan(at));
        } catch (const core::Error& e) {
            m.error = e.what();
            return;
        }
    }
    m.vertices.push_back(at);
}

} // namespace

std::optional<analysis::Calibration> live_calibration(const PlanWork& p) {
    if (!p.overlay.transform)
        return std::nullopt;
    if (p.fit && p.adjustments.empty())
        return p.fit;
    analysis::Calibration c;
    c.transform = *p.overlay.transform;
    c.y_down = plan_y_down(p);
    c.points = p.overlay.control_points;
    if (p.adjustments.empty() && p.saved) {
        c.method = p.saved->method;
        c.rmse_m = p.saved->rmse_m;
    } else {
        c.method = "manual";
        c.rmse_m = p.fit ? p.fit->rmse_m : p.saved ? p.saved->rmse_m : 0.0;
    }
    if (!c.points.empty()) {
        try {
            c.residuals_m = residuals_m(c.transform, c.points);
            c.rmse_m = rmse_of(c.residuals_m);
        } catch (const core::Error&) {
            c.residuals_m.clear();
        }
    }
    return c;
}

void remeasure(AppState& s) {
    MeasureWork& m = s.measure;
    m.result.reset();
    m.error.clear();
    if (m.on_plan && s.plans.overlay.transform) {
        // The plan points stay where they were picked on the plan; the map follows the plan.
        m.vertices.clear();
        for (const core::Coord& p : m.plan_vertices) {
            try {
                m.vertices.push_back(s.plans.overlay.transform->to_map(p));
            } catch (const core::Error& e) {
                m.error = e.what();
                return;
            }
        }
    }
    if (!enough_vertices(m))
        return;
    try {
        if (m.on_plan) {
            const auto cal = live_calibration(s.plans);
            if (!cal)
                throw core::UsageError("no calibrated plan to measure on");
            m.result = analysis::measure_on_plan(m.kind, m.plan_vertices, *cal);
        } else {
            m.result = analysis::measure(m.kind, m.vertices);
        }
    } catch (const core::Error& e) {
        m.error = e.what();
    }
}

void sync_plan_scene(AppState& s) {
    if (!s.scene)
        return;
    if (s.plans.info)
        s.scene->plan_overlay = s.plans.overlay;
    else
        s.scene->plan_overlay.reset();
    const MeasureWork& m = s.measure;
    if (m.vertices.empty()) {
        s.scene->measure_overlay.reset();
    } else if (m.result) {
        s.scene->measure_overlay = scene::measure_overlay(*m.result);
    } else {
        scene::MeasureOverlay o;
        o.kind = m.kind;
        o.vertices = m.vertices;
        s.scene->measure_overlay = std::move(o);
    }
}

bool plan_y_down(const PlanWork& p) {
    return !(p.info && p.info->format == "dxf");
}

void close_plan(PlanWork& p) {
    PlanWork fresh;
    fresh.rows = std::move(p.rows);
    fresh.listed_for = std::move(p.listed_for);
    fresh.listing = p.listing;
    p = std::move(fresh);
}

bool execute_plan_action(AppState& s, const ui::Action& action) {
    PlanWork& p = s.plans;
    MeasureWork& m = s.measure;
    bool handled = true;
    bool transform_changed = false;
    std::visit(
        [&](const auto& a) {
            using T = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<T, ui::IdentifyAt>) {
                // A map click belongs to the plan tool while a plan point waits for its partner,
                // then to the measure tool when it is on; otherwise it identifies a feature.
                if (!s.scene || (!(p.info && p.pending_plan_point) && !m.active)) {
                    handled = false;
                    return;
                }
                const scene::SnapResult snapped = scene::snap(*s.scene, s.view, a.at, k_snap_px);
                if (p.info && p.pending_plan_point) {
                    p.overlay.control_points.push_back({*p.pending_plan_point, snapped.at});
                    p.pending_plan_point.reset();
                    p.unsaved = true;
                    refit(p);
                    transform_changed = true;
                } else {
                    add_measure_vertex(s, snapped.at);
                    remeasure(s);
                }
            } else if constexpr (std::is_same_v<T, ui::OpenPlan>) {
                if (p.info && p.info->id == a.id)
                    return;
                close_plan(p);
                p.open_request = a.id;
                p.loading = true;
                transform_changed = true;
            } else if constexpr (std::is_same_v<T, ui::ClosePlan>) {
                close_plan(p);
                transform_changed = true;
            } else if constexpr (std::is_same_v<T, ui::SetPlanOpacity>) {
                p.overlay.opacity = std::clamp(a.opacity, 0.0f, 1.0f);
            } else if constexpr (std::is_same_v<T, ui::SetPlanVisible>) {
                p.overlay.visible = a.visible;
            } else if constexpr (std::is_same_v<T, ui::SetPlanMethod>) {
                p.method = kind_of_method(a.method);
                if (!p.overlay.control_points.empty()) {
                    p.unsaved = true;
                    refit(p);
                    transform_changed = true;
                }
            } else if constexpr (std::is_same_v<T, ui::PickPlanPoint>) {
                if (p.info)
                    p.pending_plan_point = a.plan;
            } else if constexpr (std::is_same_v<T, ui::RemoveControlPoint>) {
                auto& cps = p.overlay.control_points;
                if (a.index < cps.size()) {
                    cps.erase(cps.begin() + std::ptrdiff_t(a.index));
                    p.unsaved = true;
                    refit(p);
                    transform_changed = true;
                }
            } else if constexpr (std::is_same_v<T, ui::ClearControlPoints>) {
                p.overlay.control_points.clear();
                p.pending_plan_point.reset();
                p.unsaved = false;
                refit(p);
                transform_changed = true;
            } else if constexpr (std::is_same_v<T, ui::NudgePlan>) {
                // Screen y is down, northing up.
                const double mpp = s.view.metres_per_px();
                apply_step(s, {scene::PlanAdjustment::Kind::Move, a.dx_px * mpp, -a.dy_px * mpp});
                transform_changed = true;
            } else if constexpr (std::is_same_v<T, ui::RotatePlan>) {
                apply_step(s, {scene::PlanAdjustment::Kind::Rotate, a.degrees, 0});
                transform_changed = true;
            } else if constexpr (std::is_same_v<T, ui::ScalePlan>) {
                apply_step(s, {scene::PlanAdjustment::Kind::Scale, a.factor, 0});
                transform_changed = true;
            } else if constexpr (std::is_same_v<T, ui::SaveCalibration>) {
                const auto cal = live_calibration(p);
                if (!p.info || !cal || p.saving)
                    return;
                p.save_request = calibration_record(*p.info, *cal, p.adjustments, p.saved);
                p.saving = true;
                p.message.clear();
            } else if constexpr (std::is_same_v<T, ui::SetMeasureTool>) {
                const auto kind = a.kind == 2   ? analysis::MeasureKind::Offset
                                  : a.kind == 1 ? analysis::MeasureKind::Area
                                                : analysis::MeasureKind::Length;
                const bool on_plan = a.on_plan && p.overlay.transform.has_value();
                if (kind != m.kind || on_plan != m.on_plan) {
                    m.vertices.clear();
                    m.plan_vertices.clear();
                }
                m.active = a.active;
                m.kind = kind;
                m.on_plan = on_plan;
                m.message.clear();
                remeasure(s);
            } else if constexpr (std::is_same_v<T, ui::UndoMeasureVertex>) {
                if (!m.vertices.empty())
                    m.vertices.pop_back();
                if (!m.plan_vertices.empty())
                    m.plan_vertices.pop_back();
                remeasure(s);
            } else if constexpr (std::is_same_v<T, ui::ClearMeasure>) {
                m.vertices.clear();
                m.plan_vertices.clear();
                remeasure(s);
            } else if constexpr (std::is_same_v<T, ui::SaveMeasurement>) {
                if (!m.result || m.saving)
                    return;
                const auto cal = m.on_plan ? live_calibration(p) : std::nullopt;
                // The calibration id only when the live transform is the stored one.
                const std::optional<std::int64_t> cal_id =
                    cal && p.saved && !p.unsaved ? std::optional(p.saved->id) : std::nullopt;
                m.save_request = measurement_record(*m.result, a.case_reference,
                                                    cal && p.info ? &*p.info : nullptr,
                                                    cal ? &*cal : nullptr, cal_id, m.plan_vertices);
                m.saving = true;
                m.message.clear();
            } else if constexpr (std::is_same_v<T, ui::SaveTracedFootprint>) {
                if (m.saving || !m.on_plan || m.kind != analysis::MeasureKind::Area ||
                    m.plan_vertices.size() < 3 || !p.saved || p.unsaved || !p.info ||
                    a.application.empty())
                    return;
                // Through the stored calibration, as `redline-cli plan trace` maps plan points.
                core::Path ring;
                for (const core::Coord& c : m.plan_vertices)
                    ring.push_back(calibration_of(*p.saved).transform.to_map(c));
                ring.push_back(ring.front());
                if (core::signed_ring_area(ring) < 0) // exterior rings counter-clockwise (OGC)
                    std::reverse(ring.begin(), ring.end());
                m.trace_request = MeasureWork::Trace{a.application, core::Polygon{{ring}},
                                                     p.info->id, p.saved->id};
                m.saving = true;
                m.message.clear();
            } else {
                handled = false;
            }
        },
        action);
    if (transform_changed && m.on_plan) {
        if (!p.overlay.transform) {
            m.on_plan = false;
            m.vertices.clear();
            m.plan_vertices.clear();
        }
        remeasure(s);
    }
    if (handled)
        sync_plan_scene(s);
    return handled;
}

} // namespace redline::app
