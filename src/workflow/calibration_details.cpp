#include "workflow/calibration_details.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace redline::workflow {

analysis::Calibration stored_calibration(const store::PlanCalibrationRecord& r) {
    analysis::Calibration c;
    c.method = r.method;
    c.transform.kind =
        analysis::parse_transform_kind(r.transform_kind).value_or(analysis::TransformKind::Helmert);
    c.transform.h = r.matrix;
    c.y_down = r.y_down;
    c.rmse_m = r.rmse_m;
    return c;
}

std::string calibration_details(const analysis::Calibration& c, const store::PlanInfo& plan) {
    using nlohmann::json;
    // JSON has no NaN or infinity: a figure that is not finite is written as null.
    auto number = [](double v) { return std::isfinite(v) ? json(v) : json(nullptr); };
    json out;
    out["plan"] = plan.id;
    out["method"] = c.method;
    out["transform"] = analysis::to_string(c.transform.kind);
    out["matrix"] = c.transform.h;
    const core::Coord centre{plan.width_px / 2.0, plan.height_px / 2.0};
    json parameters;
    if (const auto h = c.helmert()) {
        parameters = {{"scale_m_per_px", h->scale_m_per_px},
                      {"rotation_deg", h->rotation_deg},
                      {"tx", h->tx},
                      {"ty", h->ty}};
    } else {
        const auto& m = c.transform.h;
        const char* names[] = {"a", "b", "c", "d", "e", "f", "g", "h"};
        for (int i = 0; i < 8; ++i)
            parameters[names[i]] = m[static_cast<std::size_t>(i)];
    }
    parameters["scale_m_per_px_at_centre"] = number(c.transform.scale_m_per_unit(centre));
    parameters["rotation_deg_at_centre"] = number(c.transform.rotation_deg(centre));
    out["parameters"] = parameters;
    auto points = json::array();
    for (const auto& p : c.points)
        points.push_back({{"plan", {p.plan.x, p.plan.y}}, {"map", {p.map.x, p.map.y}}});
    out["control_points"] = points;
    auto residuals = json::array();
    for (double r : c.residuals_m)
        residuals.push_back(number(r));
    out["residuals_m"] = residuals;
    out["rmse_m"] = number(c.rmse_m);
    auto loo = json::array();
    for (const auto& e : c.leave_one_out_m)
        loo.push_back(e ? number(*e) : json(nullptr));
    out["leave_one_out_m"] = loo;
    out["stated_ground_m_per_unit"] = number(c.stated_ground_m_per_unit);
    out["warnings"] = c.warnings;
    out["warning"] = c.warnings.empty() ? json(nullptr) : json(c.warnings.front());
    return out.dump();
}

} // namespace redline::workflow
