// redline-cli measure: a length, an area or a perpendicular offset on the map or on a calibrated
// plan, as grid and ground values, with an uncertainty when measured on a plan (issue #5).
#include "analysis/calibration.hpp"
#include "analysis/measurement.hpp"
#include "cli/command.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "store/workspace.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <ostream>

namespace redline::cli {
namespace {

using nlohmann::json;

core::Coord coord(const std::string& text) {
    const auto parts = core::split(text, ',');
    core::Coord c;
    if (parts.size() != 2 || !core::parse_double(core::trim(parts[0]), c.x) ||
        !core::parse_double(core::trim(parts[1]), c.y))
        throw core::UsageError("'" + text + "' is not a point X,Y");
    return c;
}

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

int run_measure(const Args& args, Io& io) {
    const int kinds = int(args.flag("line")) + int(args.flag("polygon")) + int(args.flag("offset"));
    if (kinds != 1)
        throw core::UsageError("say what to measure: one of --line, --polygon or --offset");
    const auto kind = args.flag("line")      ? analysis::MeasureKind::Length
                      : args.flag("polygon") ? analysis::MeasureKind::Area
                                             : analysis::MeasureKind::Offset;
    if (args.flag("save") == false && args.get("case"))
        throw core::UsageError("--case needs --save");
    auto ws = store::Workspace::open(args.positional(0, "workspace file (WS)"), current_user());
    std::vector<core::Coord> points;
    for (std::size_t i = 1; i < args.positional_count(); ++i)
        points.push_back(coord(args.m_positional[i]));

    analysis::Measurement m;
    store::MeasurementRecord rec;
    json provenance;
    if (const auto plan_name = args.get("plan")) {
        const auto plan = ws.find_plan(*plan_name);
        const auto stored = ws.current_calibration(plan.id);
        if (!stored)
            throw core::UsageError("plan '" + plan.name +
                                   "' is not calibrated yet (redline-cli plan calibrate)");
        analysis::Calibration cal;
        cal.method = stored->method;
        cal.transform.kind = analysis::parse_transform_kind(stored->transform_kind)
                                 .value_or(analysis::TransformKind::Helmert);
        cal.transform.h = stored->matrix;
        cal.y_down = stored->y_down;
        cal.rmse_m = stored->rmse_m;
        m = analysis::measure_on_plan(kind, points, cal);
        rec.method = "plan:" + stored->method;
        rec.plan_id = plan.id;
        rec.plan_sha256 = plan.sha256;
        rec.calibration_id = stored->id;
        provenance = {{"plan", plan.id},
                      {"plan_name", plan.name},
                      {"plan_file", plan.file_name},
                      {"plan_sha256", plan.sha256},
                      {"calibration", stored->id},
                      {"calibration_method", stored->method},
                      {"transform", stored->transform_kind},
                      {"matrix", stored->matrix},
                      {"rmse_m", stored->rmse_m},
                      {"plan_points", json::array()}};
        for (const auto& p : points)
            provenance["plan_points"].push_back({p.x, p.y});
        provenance["uncertainty_method"] =
            "1 sigma, first-order propagation; each vertex sigma = sqrt(RMSE^2 + (half a plan "
            "unit)^2) per axis, vertices independent";
    } else {
        m = analysis::measure(kind, points);
        rec.method = "map";
    }
    const bool area = kind == analysis::MeasureKind::Area;
    const std::string unit = area ? "m2" : "m";
    json out{{"kind", analysis::to_string(kind)},
             {"crs", "EPSG:27700"},
             {"unit", unit},
             {"grid", m.grid_value},
             {"ground", m.ground_value},
             {"scale_factor", m.scale_factor},
             {"uncertainty", m.uncertainty ? json(*m.uncertainty) : json(nullptr)},
             {"method", rec.method},
             {"vertices", json::array()}};
    for (const auto& v : m.vertices)
        out["vertices"].push_back({v.x, v.y});
    if (kind == analysis::MeasureKind::Offset) {
        out["foot"] = {m.foot.x, m.foot.y};
        out["signed_grid"] = m.signed_grid_value;
    }
    if (!provenance.is_null())
        out["provenance"] = provenance;

    if (args.flag("save")) {
        rec.kind = analysis::to_string(kind);
        rec.geometry = analysis::measurement_geometry(m);
        rec.grid_value = m.grid_value;
        rec.ground_value = m.ground_value;
        rec.unit = unit;
        rec.uncertainty = m.uncertainty;
        rec.case_reference = args.get("case").value_or("");
        rec.details_json = out.dump();
        out["saved"] = ws.save_measurement(rec);
    }
    if (args.flag("json")) {
        io.out << out.dump(2) << "\n";
        return 0;
    }
    const int d = area ? 2 : 3;
    const std::string what = area ? "area" : analysis::to_string(kind);
    io.out << what << " (grid, EPSG:27700): " << fixed(m.grid_value, d) << " " << unit << "\n";
    io.out << what << " (ground):           " << fixed(m.ground_value, d) << " " << unit
           << "  (grid scale factor " << fixed(m.scale_factor, 7) << ")\n";
    if (m.uncertainty)
        io.out << "uncertainty (1 sigma):   +- " << fixed(*m.uncertainty, d) << " " << unit
               << "  (from the plan's calibration, " << rec.method << ")\n";
    if (out.contains("saved"))
        io.out << "saved as measurement " << out["saved"].get<long long>() << "\n";
    return 0;
}

const Registrar k_measure{
    {"measure",
     "WS (--line | --polygon | --offset) X,Y X,Y ... [--plan PLAN] [--save [--case REF]] [--json]",
     "Measure a length, an area or a point's perpendicular offset from a line (A B P): grid and "
     "ground values; with --plan the points are plan pixels and an uncertainty is given.",
     {"plan", "case"},
     {"line", "polygon", "offset", "save", "json"},
     &run_measure}};

} // namespace
} // namespace redline::cli
