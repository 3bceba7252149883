#include "app/plan_records.hpp"

#include "workflow/calibration_details.hpp"

#include "core/error.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace redline::app {

using nlohmann::json;

analysis::Calibration calibration_of(const store::PlanCalibrationRecord& r) {
    return workflow::stored_calibration(r);
}

std::vector<analysis::ControlPoint> control_points_of(const store::PlanCalibrationRecord& r) {
    std::vector<analysis::ControlPoint> out;
    const json details = json::parse(r.details_json, nullptr, false);
    if (details.is_discarded() || !details.contains("control_points") ||
        !details["control_points"].is_array())
        return out;
    // A scale calibration lists its anchor as its only point: that is not a control point the
    // officer placed, so only fitted methods' points come back.
    if (!analysis::parse_transform_kind(r.method) && r.method != "manual")
        return out;
    for (const json& p : details["control_points"]) {
        if (!p.contains("plan") || !p.contains("map") || p["plan"].size() != 2 ||
            p["map"].size() != 2)
            return {};
        out.push_back({{p["plan"][0].get<double>(), p["plan"][1].get<double>()},
                       {p["map"][0].get<double>(), p["map"][1].get<double>()}});
    }
    return out;
}

std::vector<double> residuals_m(const analysis::PlanTransform& t,
                                const std::vector<analysis::ControlPoint>& points) {
    std::vector<double> out;
    for (const auto& p : points) {
        const core::Coord m = t.to_map(p.plan);
        out.push_back(std::hypot(m.x - p.map.x, m.y - p.map.y));
    }
    return out;
}

double rmse_of(const std::vector<double>& residuals) {
    if (residuals.empty())
        return 0;
    double sum = 0;
    for (double r : residuals)
        sum += r * r;
    return std::sqrt(sum / double(residuals.size()));
}

store::PlanCalibrationRecord
calibration_record(const store::PlanInfo& plan, const analysis::Calibration& c,
                   const std::vector<scene::PlanAdjustment>& adjustments,
                   const std::optional<store::PlanCalibrationRecord>& base) {
    json out = json::parse(workflow::calibration_details(c, plan));
    out["tool"] = "redline viewer";
    if (!adjustments.empty()) {
        auto steps = json::array();
        for (const auto& a : adjustments)
            steps.push_back(scene::describe(a));
        out["manual_adjustments"] = steps;
        out["adjusted_from"] = base ? json(base->id) : json(nullptr);
        out["rmse_note"] =
            c.points.empty()
                ? "rmse_m is the adjusted calibration's; the hand adjustment adds its own error"
                : "rmse_m is over the control points under the adjusted transform";
    }
    store::PlanCalibrationRecord rec;
    rec.plan_id = plan.id;
    rec.method = c.method;
    rec.transform_kind = analysis::to_string(c.transform.kind);
    rec.matrix = c.transform.h;
    rec.y_down = c.y_down;
    rec.rmse_m = c.rmse_m;
    rec.details_json = out.dump();
    return rec;
}

scene::MeasureOverlay measurement_overlay(const store::MeasurementRecord& r) {
    analysis::Measurement m;
    m.kind = r.kind == "area"     ? analysis::MeasureKind::Area
             : r.kind == "offset" ? analysis::MeasureKind::Offset
                                  : analysis::MeasureKind::Length;
    m.grid_value = r.grid_value;
    m.ground_value = r.ground_value;
    m.uncertainty = r.uncertainty;
    // The details keep every vertex as measured (an offset's geometry is only its dimension line).
    const json details = json::parse(r.details_json, nullptr, false);
    if (!details.is_discarded() && details.contains("vertices") && details["vertices"].is_array())
        for (const json& v : details["vertices"])
            if (v.is_array() && v.size() == 2)
                m.vertices.push_back({v[0].get<double>(), v[1].get<double>()});
    if (!details.is_discarded() && details.contains("foot") && details["foot"].size() == 2)
        m.foot = {details["foot"][0].get<double>(), details["foot"][1].get<double>()};
    if (m.vertices.empty()) {
        r.geometry.for_each_coord([&](const core::Coord& c) { m.vertices.push_back(c); });
        if (m.kind == analysis::MeasureKind::Area && m.vertices.size() > 1)
            m.vertices.pop_back(); // the ring's closing vertex
    }
    return scene::measure_overlay(m);
}

store::MeasurementRecord measurement_record(const analysis::Measurement& m,
                                            const std::string& case_reference,
                                            const store::PlanInfo* plan,
                                            const analysis::Calibration* cal,
                                            std::optional<std::int64_t> calibration_id,
                                            const std::vector<core::Coord>& plan_points) {
    store::MeasurementRecord rec;
    const bool area = m.kind == analysis::MeasureKind::Area;
    rec.kind = analysis::to_string(m.kind);
    rec.unit = area ? "m2" : "m";
    rec.geometry = analysis::measurement_geometry(m);
    rec.grid_value = m.grid_value;
    rec.ground_value = m.ground_value;
    rec.uncertainty = m.uncertainty;
    rec.case_reference = case_reference;
    rec.method = plan && cal ? "plan:" + cal->method : "map";
    json out{{"kind", rec.kind},
             {"crs", "EPSG:27700"},
             {"unit", rec.unit},
             {"grid", m.grid_value},
             {"ground", m.ground_value},
             {"scale_factor", m.scale_factor},
             {"uncertainty", m.uncertainty ? json(*m.uncertainty) : json(nullptr)},
             {"method", rec.method},
             {"tool", "redline viewer"},
             {"vertices", json::array()}};
    for (const auto& v : m.vertices)
        out["vertices"].push_back({v.x, v.y});
    if (m.kind == analysis::MeasureKind::Offset) {
        out["foot"] = {m.foot.x, m.foot.y};
        out["signed_grid"] = m.signed_grid_value;
    }
    if (plan && cal) {
        rec.plan_id = plan->id;
        rec.plan_sha256 = plan->sha256;
        rec.calibration_id = calibration_id;
        json prov{{"plan", plan->id},
                  {"plan_name", plan->name},
                  {"plan_file", plan->file_name},
                  {"plan_sha256", plan->sha256},
                  {"calibration", calibration_id ? json(*calibration_id) : json(nullptr)},
                  {"calibration_method", cal->method},
                  {"transform", analysis::to_string(cal->transform.kind)},
                  {"matrix", cal->transform.h},
                  {"rmse_m", cal->rmse_m},
                  {"plan_points", json::array()}};
        for (const auto& p : plan_points)
            prov["plan_points"].push_back({p.x, p.y});
        prov["uncertainty_method"] =
            "1 sigma, first-order propagation; each vertex sigma = sqrt(RMSE^2 + (half a plan "
            "unit)^2) per axis, vertices independent";
        out["provenance"] = prov;
    }
    rec.details_json = out.dump();
    return rec;
}

} // namespace redline::app
