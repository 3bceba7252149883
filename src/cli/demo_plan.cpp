// The demo's approved plan: a site plan drawn to scale with the print module's painter, the way an
// agent's CAD drawing would show plot 26 (see demo_casework.cpp, DEMO/25/0101), so the viewer's
// plan overlay and measure tool have a real PDF to work on. Nothing is downloaded.
#include "cli/demo_plan.hpp"

#include "analysis/calibration.hpp"
#include "analysis/measurement.hpp"
#include "cli/demo_frame.hpp"
#include "io/plan_reader.hpp"
#include "print/pdf_document.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

namespace redline::cli::demo {
namespace {

using detail::Rect;
using print::PaperPoint;

constexpr int k_plot = 26;
constexpr double k_scale = 200; ///< 1:200
constexpr double k_dpi = 150;   ///< rasterised at
constexpr double k_x0_mm = 45;  ///< paper x of the plot's a = 0
constexpr double k_y0_mm = 15;  ///< paper y of d = 0 (the road's centreline)
constexpr double k_mm_per_m = 1000 / k_scale;

/// Paper position (mm from the top-left, y down) of plot-local (a, d): along the road to the
/// right, away from the road down the sheet.
PaperPoint paper(double a, double d) {
    return {k_x0_mm + a * k_mm_per_m, k_y0_mm + d * k_mm_per_m};
}

/// Plan pixel of plot-local (a, d) in the page rasterised at k_dpi.
core::Coord pixel(double a, double d) {
    const PaperPoint p = paper(a, d);
    return {p.x / 25.4 * k_dpi, p.y / 25.4 * k_dpi};
}

void rect(print::Painter& g, const Rect& r) {
    g.new_path();
    g.move_to(paper(r.a0, r.d0));
    g.line_to(paper(r.a1, r.d0));
    g.line_to(paper(r.a1, r.d1));
    g.line_to(paper(r.a0, r.d1));
    g.close_path();
}

void draw_site_plan(print::Painter& g) {
    const scene::Rgba ink{0.1f, 0.1f, 0.1f, 1}, red{0.85f, 0.05f, 0.05f, 1},
        grey{0.82f, 0.82f, 0.82f, 1}, blue{0.2f, 0.35f, 0.8f, 1}, pale_blue{0.8f, 0.86f, 1, 1};
    // The road and the neighbouring plots' boundaries.
    g.set_colour(ink);
    g.set_line_width_mm(0.25);
    g.set_dash_mm(0, 0);
    for (double a : {-7.0, 0.0, 24.0, 31.0}) {
        g.new_path();
        g.move_to(paper(a, 5));
        g.line_to(paper(a, 40));
        g.stroke();
    }
    g.new_path();
    g.move_to(paper(-7, 5));
    g.line_to(paper(31, 5));
    g.stroke();
    g.set_font(print::FontFace::SansBold, 10);
    g.text(paper(12, 0.5).x, paper(12, 0.5).y, "DEMO ROAD", print::Align::Centre);
    // The existing house, and the approved extension (DEMO/25/0101: 3.0 m deep).
    rect(g, {7, 17, 10, 19});
    g.set_colour(grey);
    g.fill(true);
    g.set_colour(ink);
    g.set_line_width_mm(0.5);
    g.stroke();
    rect(g, {9, 15, 19, 22});
    g.set_colour(pale_blue);
    g.fill(true);
    g.set_colour(blue);
    g.set_line_width_mm(0.5);
    g.stroke();
    g.set_font(print::FontFace::Sans, 8);
    g.set_colour(ink);
    g.text(paper(12, 14.8).x, paper(12, 14.8).y, "Existing house", print::Align::Centre);
    g.set_colour(blue);
    g.text(paper(12, 20.9).x, paper(12, 20.9).y, "Proposed", print::Align::Centre);
    // Its dimension: 3.0 m from the rear wall, east of the extension.
    g.set_line_width_mm(0.25);
    g.new_path();
    g.move_to(paper(16.5, 19));
    g.line_to(paper(16.5, 22));
    g.stroke();
    for (double d : {19.0, 22.0}) {
        g.new_path();
        g.move_to(paper(16, d));
        g.line_to(paper(17, d));
        g.stroke();
    }
    g.text(paper(17.2, 20.9).x, paper(17.2, 20.9).y, "3.0 m");
    // The site: the red line round the curtilage.
    g.set_colour(red);
    g.set_line_width_mm(0.8);
    rect(g, {0, 24, 5, 40});
    g.stroke();
}

void draw_furniture(print::Painter& g) {
    const scene::Rgba ink{0.1f, 0.1f, 0.1f, 1};
    g.set_colour(ink);
    g.set_dash_mm(0, 0);
    // North arrow: the road runs 12 degrees north of grid east, so grid north leans right.
    const double th = 12 * M_PI / 180;
    const PaperPoint c{185, 60};
    const PaperPoint tip{c.x + 12 * std::sin(th), c.y - 12 * std::cos(th)};
    g.set_line_width_mm(0.5);
    g.new_path();
    g.move_to({c.x - 12 * std::sin(th), c.y + 12 * std::cos(th)});
    g.line_to(tip);
    g.stroke();
    // The head: back 5 mm along the arrow, 3 mm either side.
    const PaperPoint u{std::sin(th), -std::cos(th)}, across{std::cos(th), std::sin(th)};
    g.new_path();
    g.move_to(tip);
    g.line_to({tip.x - 5 * u.x + 3 * across.x, tip.y - 5 * u.y + 3 * across.y});
    g.line_to({tip.x - 5 * u.x - 3 * across.x, tip.y - 5 * u.y - 3 * across.y});
    g.close_path();
    g.fill();
    g.set_font(print::FontFace::SansBold, 10);
    g.text(tip.x, tip.y - 2, "N", print::Align::Centre);
    // Scale bar: 10 m in 2 m steps.
    const double x0 = 20, y0 = 236;
    g.set_line_width_mm(0.3);
    for (int i = 0; i < 5; ++i) {
        g.rectangle({x0 + i * 2 * k_mm_per_m, y0, 2 * k_mm_per_m, 2});
        if (i % 2 == 0)
            g.fill(true);
        g.stroke();
    }
    g.set_font(print::FontFace::Sans, 8);
    for (int m = 0; m <= 10; m += 2)
        g.text(x0 + m * k_mm_per_m, y0 + 6, std::to_string(m) + (m == 10 ? " m" : ""),
               print::Align::Centre);
    // Title block.
    g.rectangle({15, 250, 180, 35});
    g.stroke();
    g.set_font(print::FontFace::SansBold, 11);
    g.text(20, 258, "26 Demo Road (synthetic) - DEMO/25/0101");
    g.set_font(print::FontFace::Sans, 9);
    g.text(20, 265, "Site plan: single storey rear extension (3.0 m) - APPROVED 2025-03-01");
    g.text(20, 271, "Scale 1:200 at A4. Do not scale from a copy printed at another size.");
    g.text(20, 277, "Synthetic drawing made by redline-cli demo for the plan tools (issue #5).");
}

std::vector<std::uint8_t> plan_pdf() {
    print::PdfDocument doc(print::page_size(print::Paper::A4, print::Orientation::Portrait),
                           {"Site plan, 26 Demo Road (synthetic)", "Redline demo generator",
                            "DEMO/25/0101 approved site plan 1:200", "redline-cli demo",
                            "2025-01-20T10:00:00Z"});
    print::Painter& g = doc.begin_page();
    draw_site_plan(g);
    draw_furniture(g);
    doc.end_page();
    const std::string bytes = doc.finish();
    return {bytes.begin(), bytes.end()};
}

} // namespace

void add_demo_plan(store::Workspace& ws, std::ostream& out) {
    const std::string file_name = "demo-26-site-plan.pdf";
    const auto bytes = plan_pdf();
    const auto source = io::inspect_plan(bytes, file_name, 1, k_dpi);
    store::PlanInfo info;
    info.name = "26 Demo Road site plan";
    info.file_name = file_name;
    info.format = io::to_string(source.format);
    info.page = source.page;
    info.dpi = source.dpi;
    info.width_px = source.width_px;
    info.height_px = source.height_px;
    info.paper_width_mm = source.paper_width_mm;
    info.paper_height_mm = source.paper_height_mm;
    info.units = source.units;
    info.stated_scale = k_scale;
    const std::int64_t plan_id = ws.add_plan(info, bytes);

    // Control points an officer would pick: the curtilage's four corners and the house's rear
    // corner, on the map a few centimetres off (digitising is never exact), so that the RMSE and
    // the uncertainty it feeds are realistic rather than zero.
    const detail::Plot plot = detail::find(detail::plots(), k_plot);
    struct Pick {
        double a, d, de, dn;
    };
    const Pick picks[] = {{0, 5, 0.03, -0.02},
                          {24, 5, -0.02, 0.04},
                          {24, 40, 0.01, 0.03},
                          {0, 40, -0.04, -0.01},
                          {7, 19, 0.02, -0.03}};
    std::vector<analysis::ControlPoint> points;
    for (const Pick& p : picks) {
        const core::Coord en = detail::at(plot.start + p.a, p.d, plot.side);
        points.push_back({pixel(p.a, p.d), {en.x + p.de, en.y + p.dn}});
    }
    analysis::Calibration cal =
        analysis::calibrate_control_points(points, analysis::TransformKind::Affine, true);
    const core::Coord centre{info.width_px / 2.0, info.height_px / 2.0};
    if (auto w =
            analysis::check_stated_scale(cal, analysis::metres_per_pixel(k_scale, k_dpi), centre))
        cal.warnings.push_back(*w);
    nlohmann::json details{{"plan", plan_id},
                           {"method", cal.method},
                           {"transform", analysis::to_string(cal.transform.kind)},
                           {"matrix", cal.transform.h},
                           {"residuals_m", cal.residuals_m},
                           {"rmse_m", cal.rmse_m},
                           {"warnings", cal.warnings},
                           {"control_points", nlohmann::json::array()},
                           {"tool", "redline-cli demo"}};
    for (const auto& p : cal.points)
        details["control_points"].push_back(
            {{"plan", {p.plan.x, p.plan.y}}, {"map", {p.map.x, p.map.y}}});
    store::PlanCalibrationRecord rec;
    rec.plan_id = plan_id;
    rec.method = cal.method;
    rec.transform_kind = analysis::to_string(cal.transform.kind);
    rec.matrix = cal.transform.h;
    rec.y_down = true;
    rec.rmse_m = cal.rmse_m;
    rec.details_json = details.dump();
    const std::int64_t cal_id = ws.add_plan_calibration(rec);

    // The approved depth of the extension, measured on the plan along its middle.
    const std::vector<core::Coord> on_plan = {pixel(12, 19), pixel(12, 22)};
    const analysis::Measurement m =
        analysis::measure_on_plan(analysis::MeasureKind::Length, on_plan, cal);
    store::MeasurementRecord mr;
    mr.kind = "length";
    mr.unit = "m";
    mr.geometry.type = core::GeometryType::LineString;
    mr.geometry.lines.push_back(m.vertices);
    mr.grid_value = m.grid_value;
    mr.ground_value = m.ground_value;
    mr.uncertainty = m.uncertainty;
    mr.method = "plan:" + cal.method;
    mr.plan_id = plan_id;
    mr.plan_sha256 = ws.plan(plan_id)->sha256;
    mr.calibration_id = cal_id;
    mr.case_reference = "ENF/26/0009";
    nlohmann::json md{
        {"kind", "length"},
        {"crs", "EPSG:27700"},
        {"unit", "m"},
        {"grid", m.grid_value},
        {"ground", m.ground_value},
        {"scale_factor", m.scale_factor},
        {"uncertainty", *m.uncertainty},
        {"method", mr.method},
        {"vertices", {{m.vertices[0].x, m.vertices[0].y}, {m.vertices[1].x, m.vertices[1].y}}},
        {"provenance",
         {{"plan", plan_id},
          {"plan_name", info.name},
          {"plan_file", file_name},
          {"plan_sha256", mr.plan_sha256},
          {"calibration", cal_id},
          {"calibration_method", cal.method},
          {"matrix", cal.transform.h},
          {"rmse_m", cal.rmse_m},
          {"plan_points", {{on_plan[0].x, on_plan[0].y}, {on_plan[1].x, on_plan[1].y}}},
          {"what", "approved depth of the rear extension, DEMO/25/0101"}}}};
    mr.details_json = md.dump();
    const std::int64_t measurement_id = ws.save_measurement(mr);
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "  plan %lld '%s' (A4 PDF, 1:200 at %.0f dpi), calibration %lld (affine, RMSE "
                  "%.3f m), measurement %lld: %.3f m +- %.3f m\n",
                  static_cast<long long>(plan_id), info.name.c_str(), k_dpi,
                  static_cast<long long>(cal_id), cal.rmse_m,
                  static_cast<long long>(measurement_id), m.ground_value, *m.uncertainty);
    out << buf;
}

} // namespace redline::cli::demo
