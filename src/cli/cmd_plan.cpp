// redline-cli plan add | list | calibrate | to-map | trace: approved plans held in the workspace,
// calibrated against the map (issue #5).
#include "analysis/calibration.hpp"
#include "cli/command.hpp"
#include "cli/text_table.hpp"
#include "core/error.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"
#include "io/plan_reader.hpp"
#include "store/workspace.hpp"
#include "workflow/calibration_details.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>

namespace redline::cli {
namespace {

using nlohmann::json;

std::vector<double> numbers(const std::string& text, std::size_t count, const char* what) {
    const auto parts = core::split(text, ',');
    std::vector<double> out;
    for (const auto& p : parts) {
        double v = 0;
        if (!core::parse_double(core::trim(p), v))
            break;
        out.push_back(v);
    }
    if (out.size() != count || parts.size() != count)
        throw core::UsageError(std::string("'") + text + "' is not " + what);
    return out;
}

core::Coord coord(const std::string& text, const char* what) {
    const auto v = numbers(text, 2, what);
    return {v[0], v[1]};
}

analysis::ControlPoint control_point(const std::string& text) {
    const auto v = numbers(text, 4, "a control point PX,PY,E,N");
    return {{v[0], v[1]}, {v[2], v[3]}};
}

double positive(const std::string& text, const char* what) {
    double v = 0;
    if (!core::parse_double(text, v) || !(v > 0))
        throw core::UsageError(std::string(what) + " '" + text + "' must be a number above 0");
    return v;
}

std::vector<std::uint8_t> read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw core::IoError("cannot open plan file", {.path = path.string()});
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::pair<store::PlanInfo, store::PlanCalibrationRecord> calibrated_plan(const store::Workspace& ws,
                                                                         const std::string& name) {
    const auto plan = ws.find_plan(name);
    const auto cal = ws.current_calibration(plan.id);
    if (!cal)
        throw core::UsageError("plan '" + plan.name +
                               "' is not calibrated yet (redline-cli plan calibrate)");
    return {plan, *cal};
}

int run_add(const Args& args, Io& io) {
    const auto& ws_path = args.positional(0, "workspace file (WS)");
    const std::filesystem::path file = args.positional(1, "plan file (FILE)");
    if (args.positional_count() > 2)
        throw core::UsageError("unexpected argument '" + args.m_positional[2] + "'");
    int page = 1;
    if (const auto p = args.get("page"))
        page = static_cast<int>(positive(*p, "--page"));
    const double dpi = args.get("dpi") ? positive(*args.get("dpi"), "--dpi") : 0.0;
    const auto bytes = read_file(file);
    const auto source = io::inspect_plan(bytes, file.filename().string(), page, dpi);
    store::PlanInfo info;
    info.name = args.get("name").value_or(file.stem().string());
    info.file_name = file.filename().string();
    info.format = io::to_string(source.format);
    info.page = source.page;
    info.dpi = source.dpi;
    info.width_px = source.width_px;
    info.height_px = source.height_px;
    info.paper_width_mm = source.paper_width_mm;
    info.paper_height_mm = source.paper_height_mm;
    info.units = source.units;
    info.metres_per_unit = source.metres_per_unit;
    if (const auto s = args.get("scale"))
        info.stated_scale = positive(*s, "--scale");
    auto ws = store::Workspace::open(ws_path, current_user());
    io.out << ws.add_plan(info, bytes) << "\n";
    return 0;
}

int run_list(const Args& args, Io& io) {
    const auto ws =
        store::Workspace::open(args.positional(0, "workspace file (WS)"), current_user());
    const auto plans = ws.plans();
    if (args.flag("json")) {
        auto out = json::array();
        for (const auto& p : plans) {
            json cal = nullptr;
            if (const auto c = ws.current_calibration(p.id))
                cal = {{"id", c->id}, {"method", c->method}, {"rmse_m", c->rmse_m}};
            out.push_back({{"id", p.id},
                           {"name", p.name},
                           {"file_name", p.file_name},
                           {"sha256", p.sha256},
                           {"format", p.format},
                           {"page", p.page},
                           {"dpi", p.dpi},
                           {"width_px", p.width_px},
                           {"height_px", p.height_px},
                           {"paper_width_mm", p.paper_width_mm},
                           {"paper_height_mm", p.paper_height_mm},
                           {"units", p.units},
                           {"metres_per_unit", p.metres_per_unit},
                           {"stated_scale", p.stated_scale},
                           {"bytes", p.byte_size},
                           {"added_at", p.added_at},
                           {"added_by", p.added_by},
                           {"calibration", cal}});
        }
        io.out << out.dump(2) << "\n";
        return 0;
    }
    if (plans.empty()) {
        io.out << "no plans in the workspace\n";
        return 0;
    }
    TextTable table(
        {"id", "name", "file", "format", "size", "paper (mm)", "sha256", "calibration"});
    char buf[96];
    for (const auto& p : plans) {
        std::string size =
            p.units == "px" ? std::to_string(p.width_px) + "x" + std::to_string(p.height_px) + " px"
                            : p.units;
        if (p.dpi > 0) {
            std::snprintf(buf, sizeof buf, " @ %g dpi", p.dpi);
            size += buf;
        }
        std::string paper = "-";
        if (p.paper_width_mm > 0) {
            std::snprintf(buf, sizeof buf, "%.1f x %.1f", p.paper_width_mm, p.paper_height_mm);
            paper = buf;
        }
        std::string cal = "-";
        if (const auto c = ws.current_calibration(p.id)) {
            std::snprintf(buf, sizeof buf, "%s, RMSE %.3f m", c->method.c_str(), c->rmse_m);
            cal = buf;
        }
        table.add({std::to_string(p.id), p.name, p.file_name, p.format, size, paper,
                   p.sha256.substr(0, 12), cal});
    }
    table.print(io.out);
    return 0;
}

int run_calibrate(const Args& args, Io& io) {
    auto ws = store::Workspace::open(args.positional(0, "workspace file (WS)"), current_user());
    const auto plan = ws.find_plan(args.positional(1, "plan (PLAN, name or id)"));
    if (args.positional_count() > 2)
        throw core::UsageError("unexpected argument '" + args.m_positional[2] + "'");
    const bool raster = plan.format != "dxf";
    const auto gcps = args.all("gcp");
    const bool by_scale = args.get("scale").has_value() && gcps.empty();
    const auto known = args.get("known-distance");
    if (int(!gcps.empty()) + int(by_scale) + int(known.has_value()) != 1)
        throw core::UsageError("calibrate with one of: --gcp PX,PY,E,N (repeated), --scale N "
                               "--dpi D --anchor PX,PY,E,N --rotation DEG, or --known-distance "
                               "PX1,PY1,PX2,PY2,METRES --anchor PX,PY,E,N --rotation DEG");
    // The plan's stated size of a unit on the ground: from --scale/--dpi when given, else what the
    // plan was added with. DXF units come from the drawing ($INSUNITS), not from a DPI.
    double stated = 0;
    const double scale_n =
        args.get("scale") ? positive(*args.get("scale"), "--scale") : plan.stated_scale;
    const double dpi = args.get("dpi") ? positive(*args.get("dpi"), "--dpi") : plan.dpi;
    if (scale_n > 0) {
        if (raster && dpi > 0)
            stated = analysis::metres_per_pixel(scale_n, dpi);
        else if (!raster && plan.metres_per_unit > 0)
            stated = scale_n * plan.metres_per_unit;
    }
    double rotation = 0;
    if (const auto r = args.get("rotation"); r && !core::parse_double(*r, rotation))
        throw core::UsageError("--rotation '" + *r + "' is not a number of degrees");

    analysis::Calibration cal;
    if (!gcps.empty()) {
        std::vector<analysis::ControlPoint> points;
        for (const auto& g : gcps)
            points.push_back(control_point(g));
        const auto method = args.get("method").value_or("helmert");
        const auto kind = analysis::parse_transform_kind(method);
        if (!kind)
            throw core::UsageError("--method '" + method + "': use helmert, affine or projective");
        cal = analysis::calibrate_control_points(points, *kind, raster);
    } else {
        const auto anchor_text = args.get("anchor");
        if (!anchor_text)
            throw core::UsageError("--anchor PX,PY,E,N is needed: where one plan point lies on "
                                   "the map");
        const auto anchor = control_point(*anchor_text);
        if (by_scale) {
            if (!(stated > 0))
                throw core::UsageError(raster ? "--scale needs --dpi (the plan has no DPI)"
                                              : "the DXF has no drawing units ($INSUNITS)");
            cal = analysis::calibrate_from_scale(stated, anchor, rotation, raster);
        } else {
            const auto v = numbers(*known, 5, "a known distance PX1,PY1,PX2,PY2,METRES");
            cal = analysis::calibrate_from_known_distance({v[0], v[1]}, {v[2], v[3]}, v[4], anchor,
                                                          rotation, raster);
        }
    }
    if (!by_scale && stated > 0) {
        const core::Coord centre = raster ? core::Coord{plan.width_px / 2.0, plan.height_px / 2.0}
                                          : cal.points.front().plan;
        if (auto w = analysis::check_stated_scale(cal, stated, centre))
            cal.warnings.push_back(*w);
    }
    auto out = json::parse(workflow::calibration_details(cal, plan));
    store::PlanCalibrationRecord rec;
    rec.plan_id = plan.id;
    rec.method = cal.method;
    rec.transform_kind = analysis::to_string(cal.transform.kind);
    rec.matrix = cal.transform.h;
    rec.y_down = cal.y_down;
    rec.rmse_m = cal.rmse_m;
    rec.details_json = out.dump();
    out["calibration"] = ws.add_plan_calibration(rec);
    io.out << out.dump(2) << "\n";
    for (const auto& w : cal.warnings)
        io.err << "warning: " << w << "\n";
    return 0;
}

int run_to_map(const Args& args, Io& io) {
    const auto ws =
        store::Workspace::open(args.positional(0, "workspace file (WS)"), current_user());
    const auto [plan, record] = calibrated_plan(ws, args.positional(1, "plan (PLAN)"));
    const auto cal = workflow::stored_calibration(record);
    if (args.positional_count() < 3)
        throw core::UsageError("give plan points as PX,PY");
    char buf[96];
    for (std::size_t i = 2; i < args.positional_count(); ++i) {
        const auto en = cal.transform.to_map(coord(args.m_positional[i], "a plan point PX,PY"));
        std::snprintf(buf, sizeof buf, "%.3f %.3f", en.x, en.y);
        io.out << buf << "\n";
    }
    return 0;
}

int run_trace(const Args& args, Io& io) {
    auto ws = store::Workspace::open(args.positional(0, "workspace file (WS)"), current_user());
    const auto [plan, record] = calibrated_plan(ws, args.positional(1, "plan (PLAN)"));
    const auto cal = workflow::stored_calibration(record);
    core::Path ring;
    for (std::size_t i = 2; i < args.positional_count(); ++i)
        ring.push_back(cal.transform.to_map(coord(args.m_positional[i], "a plan point PX,PY")));
    if (ring.size() >= 2 && ring.front() == ring.back())
        ring.pop_back();
    if (ring.size() < 3)
        throw core::UsageError("a footprint needs at least 3 corners PX,PY");
    ring.push_back(ring.front());
    if (core::signed_ring_area(ring) < 0) // exterior rings counter-clockwise (OGC)
        std::reverse(ring.begin(), ring.end());
    const std::string layer = args.get("layer").value_or("approved_footprint");
    const auto fid = ws.add_traced_footprint(layer, args.require("application"),
                                             core::Polygon{{ring}}, plan.id, record.id);
    char buf[160];
    std::snprintf(buf, sizeof buf, "feature %lld added to layer '%s': %.2f m2 (grid)\n",
                  static_cast<long long>(fid), layer.c_str(),
                  std::abs(core::signed_ring_area(ring)));
    io.out << buf;
    return 0;
}

const Registrar k_add{{"plan add",
                       "WS FILE [--page N] [--dpi D] [--name NAME] [--scale N]",
                       "Add a plan (PNG, JPEG, TIFF, PDF page at --dpi, or DXF) with its file's "
                       "bytes and SHA-256; prints the plan id. --scale: the 1:N printed on it.",
                       {"page", "dpi", "name", "scale"},
                       {},
                       &run_add}};
const Registrar k_list{{"plan list",
                        "WS [--json]",
                        "List the plans: file, SHA-256, size, paper, current calibration.",
                        {},
                        {"json"},
                        &run_list}};
const Registrar k_calibrate{
    {"plan calibrate",
     "WS PLAN (--gcp PX,PY,E,N ... [--method helmert|affine|projective] | --scale N --dpi D "
     "--anchor PX,PY,E,N [--rotation DEG] | --known-distance PX1,PY1,PX2,PY2,METRES --anchor "
     "PX,PY,E,N [--rotation DEG])",
     "Calibrate a plan against EPSG:27700; prints the fit as JSON (parameters, residuals, RMSE, "
     "leave-one-out) and makes it the plan's current calibration.",
     {"gcp", "method", "scale", "dpi", "anchor", "rotation", "known-distance"},
     {},
     &run_calibrate}};
const Registrar k_to_map{{"plan to-map",
                          "WS PLAN PX,PY ...",
                          "Transform plan points to EPSG:27700 (prints 'E N' lines).",
                          {},
                          {},
                          &run_to_map}};
const Registrar k_trace{{"plan trace",
                         "WS PLAN --application REF PX,PY PX,PY PX,PY ... "
                         "[--layer NAME]",
                         "Trace a footprint on a calibrated plan and save it as an "
                         "approved-footprint feature (layer created if needed).",
                         {"application", "layer"},
                         {},
                         &run_trace}};

} // namespace
} // namespace redline::cli
