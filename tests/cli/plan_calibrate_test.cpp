// End-to-end: a plan PDF at A3 1:100, drawn here with cairo, added at 200 dpi, calibrated by its
// stated scale and measured through the CLI; control-point calibrations, the scale warning,
// tracing an approved footprint, and degenerate input.
#include "cli/harness.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

namespace redline::test {
namespace {

constexpr double k_pt_per_mm = 72.0 / 25.4;
constexpr double k_dpi = 200;
// The wall as drawn on the sheet, mm from the page's top-left corner: 50 mm = 5.00 m at 1:100.
constexpr double k_wall_x0_mm = 150, k_wall_x1_mm = 200, k_wall_y_mm = 120;

/// An A3 landscape sheet (420 x 297 mm) at 1:100: the 5.00 m wall, a 0-5 m scale bar in 1 m
/// steps and a title. Drawn in millimetres: cairo's PDF surface works in points, so scale once.
void draw_plan(const std::filesystem::path& path) {
    cairo_surface_t* s =
        cairo_pdf_surface_create(path.c_str(), 420 * k_pt_per_mm, 297 * k_pt_per_mm);
    cairo_t* cr = cairo_create(s);
    cairo_scale(cr, k_pt_per_mm, k_pt_per_mm);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_set_line_width(cr, 0.7);
    cairo_move_to(cr, k_wall_x0_mm, k_wall_y_mm);
    cairo_line_to(cr, k_wall_x1_mm, k_wall_y_mm);
    cairo_stroke(cr);
    // Scale bar: alternate filled 10 mm (1 m) blocks from (30, 270).
    for (int i = 0; i < 5; ++i) {
        cairo_rectangle(cr, 30 + 10 * i, 270, 10, 3);
        if (i % 2 == 0)
            cairo_fill(cr);
        else {
            cairo_set_line_width(cr, 0.2);
            cairo_stroke(cr);
        }
    }
    cairo_select_font_face(cr, "sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 4);
    cairo_move_to(cr, 30, 280);
    cairo_show_text(cr, "0          5 m      Scale 1:100 @ A3");
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_surface_destroy(s);
}

/// Rasterise the page with poppler's own pdftoppm (greyscale PGM) and return the dark pixels'
/// first and last column on the row `y`: an independent look at where the wall lies.
std::pair<int, int> dark_extent_on_row(const std::filesystem::path& pdf, const TempDir& dir,
                                       int y) {
    shell("pdftoppm -r " + std::to_string(static_cast<int>(k_dpi)) +
          " -gray -f 1 -l 1 -singlefile '" + pdf.string() + "' '" + (dir / "page").string() + "'");
    std::ifstream in(dir / "page.pgm", std::ios::binary);
    std::string magic;
    int w = 0, h = 0, maxv = 0;
    in >> magic >> w >> h >> maxv;
    in.get();
    std::vector<unsigned char> px(static_cast<std::size_t>(w) * h);
    in.read(reinterpret_cast<char*>(px.data()), static_cast<std::streamsize>(px.size()));
    int first = -1, last = -1;
    for (int x = 0; x < w; ++x)
        if (px[static_cast<std::size_t>(y) * w + x] < 128) {
            if (first < 0)
                first = x;
            last = x;
        }
    return {first, last};
}

std::string point(double x, double y) {
    std::ostringstream s;
    s.precision(17);
    s << x << "," << y;
    return s.str();
}

class PlanCli : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(run_cli({"init", ws()}).exit_code, 0);
        draw_plan(m_dir / "plan.pdf");
    }
    std::string ws() const { return (m_dir / "ws.redline").string(); }
    /// Run redline-cli with the workspace after the command's name: one word for measure,
    /// layers and audit, two for "plan add", "case add", ...
    CliResult cli(std::vector<std::string> args) {
        const bool one_word = args[0] == "measure" || args[0] == "layers" || args[0] == "audit";
        args.insert(args.begin() + (one_word ? 1 : 2), ws());
        return run_cli(args, {}, {"REDLINE_USER=jb", "REDLINE_DATA_DIR=" + data_dir().string()});
    }
    std::string add_plan() {
        const auto r = cli({"plan", "add", (m_dir / "plan.pdf").string(), "--dpi", "200"});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        std::string id = r.out;
        while (!id.empty() && (id.back() == '\n' || id.back() == ' '))
            id.pop_back();
        return id;
    }
    TempDir m_dir;
};

TEST_F(PlanCli, A3PdfAtOneToHundredMeasuresTheWallAsFiveMetres) {
    const auto id = add_plan();
    EXPECT_EQ(id, "1");
    const auto list = nlohmann::json::parse(cli({"plan", "list", "--json"}).out);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_NEAR(list[0]["paper_width_mm"].get<double>(), 420.0, 0.01);
    EXPECT_NEAR(list[0]["paper_height_mm"].get<double>(), 297.0, 0.01);
    EXPECT_EQ(
        list[0]["sha256"],
        shell("sha256sum '" + (m_dir / "plan.pdf").string() + "' | cut -c1-64").substr(0, 64));

    // Stated scale 1:100 at the 200 dpi the page was rasterised at, pinned anywhere in London.
    const auto cal = cli({"plan", "calibrate", id, "--scale", "100", "--dpi", "200", "--anchor",
                          "0,0,530000,180000", "--rotation", "0"});
    ASSERT_EQ(cal.exit_code, 0) << cal.err;
    const auto c = nlohmann::json::parse(cal.out);
    EXPECT_EQ(c["method"], "stated-scale");

    // The wall's end pixels come from the drawing: a PDF page rasterised at D dpi puts paper
    // position p mm at image coordinate p / 25.4 x D (the page's top-left corner is image (0, 0),
    // in the pixel convention where pixel edges are integers). Check that against the image poppler
    // itself renders: the wall's dark pixels must start and end there.
    const double x0 = k_wall_x0_mm / 25.4 * k_dpi, x1 = k_wall_x1_mm / 25.4 * k_dpi;
    const double y = k_wall_y_mm / 25.4 * k_dpi;
    const auto [first, last] = dark_extent_on_row(m_dir / "plan.pdf", m_dir, static_cast<int>(y));
    ASSERT_GE(first, 0);
    EXPECT_NEAR(first, x0, 1.0);
    EXPECT_NEAR(last + 1, x1, 1.0);

    const auto m = cli({"measure", "--line", point(x0, y), point(x1, y), "--plan", id, "--json"});
    ASSERT_EQ(m.exit_code, 0) << m.err;
    const auto j = nlohmann::json::parse(m.out);
    EXPECT_NEAR(j["ground"].get<double>(), 5.00, 0.01);
    // Grid length is the ground length times the scale factor (< 1 this close to the meridian).
    EXPECT_NEAR(j["grid"].get<double>() / j["ground"].get<double>(),
                j["scale_factor"].get<double>(), 1e-9);
    ASSERT_TRUE(j["uncertainty"].is_number());
    EXPECT_GT(j["uncertainty"].get<double>(), 0.0);
    EXPECT_LT(j["uncertainty"].get<double>(), 0.01);
    EXPECT_EQ(j["provenance"]["plan_sha256"], list[0]["sha256"]);

    // The plain text names grid and ground and gives the +-.
    const auto text = cli({"measure", "--line", point(x0, y), point(x1, y), "--plan", id});
    EXPECT_NE(text.out.find("(ground):"), std::string::npos);
    EXPECT_NE(text.out.find("5.000 m"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("+- 0.009 m"), std::string::npos) << text.out;
}

TEST_F(PlanCli, ControlPointsOnARotatedPlanAndTheScaleWarning) {
    const auto id = add_plan();
    // A plan laid 20 degrees counter-clockwise at 1:141 (an A3 drawing printed on A4): control
    // points from that truth; the stated 1:100 must then draw the warning.
    const double s = 141 * 0.0254 / k_dpi, t = 20 * M_PI / 180;
    auto truth = [&](double px, double py) {
        return std::make_pair(531000 + s * (std::cos(t) * px + std::sin(t) * py),
                              181000 + s * (std::sin(t) * px - std::cos(t) * py));
    };
    std::vector<std::string> args{"plan", "calibrate", id};
    for (const auto& [px, py] : std::vector<std::pair<double, double>>{
             {200, 300}, {3000, 250}, {2900, 2100}, {300, 2000}, {1600, 1200}}) {
        const auto [e, n] = truth(px, py);
        args.push_back("--gcp");
        args.push_back(point(px, py) + "," + point(e, n));
    }
    args.insert(args.end(), {"--method", "affine", "--scale", "100", "--dpi", "200"});
    const auto r = cli(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["method"], "affine");
    EXPECT_EQ(j["residuals_m"].size(), 5u);
    EXPECT_LT(j["rmse_m"].get<double>(), 1e-4);
    EXPECT_EQ(j["leave_one_out_m"].size(), 5u);
    EXPECT_NEAR(j["parameters"]["rotation_deg_at_centre"].get<double>(), 20.0, 1e-6);
    ASSERT_TRUE(j["warning"].is_string());
    EXPECT_NE(j["warning"].get<std::string>().find("plan may not be to scale"), std::string::npos);
    EXPECT_NE(r.err.find("warning:"), std::string::npos);

    // Helmert on the same points reports the four parameters the issue names.
    args[args.size() - 5] = "helmert";
    const auto h = nlohmann::json::parse(cli(args).out);
    EXPECT_NEAR(h["parameters"]["scale_m_per_px"].get<double>(), s, 1e-9);
    EXPECT_NEAR(h["parameters"]["rotation_deg"].get<double>(), 20.0, 1e-6);
    const auto [tx, ty] = truth(0, 0);
    EXPECT_NEAR(h["parameters"]["tx"].get<double>(), tx, 1e-4);
    EXPECT_NEAR(h["parameters"]["ty"].get<double>(), ty, 1e-4);

    // to-map uses the current (Helmert) calibration.
    const auto map = cli({"plan", "to-map", id, "1000,500"});
    const auto [e, n] = truth(1000, 500);
    std::istringstream in(map.out);
    double me = 0, mn = 0;
    in >> me >> mn;
    EXPECT_NEAR(me, e, 0.001);
    EXPECT_NEAR(mn, n, 0.001);
}

TEST_F(PlanCli, DegenerateControlPointsFailClearly) {
    const auto id = add_plan();
    const auto collinear =
        cli({"plan", "calibrate", id, "--gcp", "0,0,530000,180000", "--gcp",
             "100,100,530001,179999", "--gcp", "200,200,530002,179998", "--method", "affine"});
    EXPECT_EQ(collinear.exit_code, 1);
    EXPECT_NE(collinear.err.find("collinear"), std::string::npos) << collinear.err;
    const auto few = cli({"plan", "calibrate", id, "--gcp", "0,0,530000,180000", "--gcp",
                          "100,100,530001,179999", "--method", "projective"});
    EXPECT_EQ(few.exit_code, 2);
    EXPECT_NE(few.err.find("at least 4 control points"), std::string::npos) << few.err;
    const auto dup =
        cli({"plan", "calibrate", id, "--gcp", "0,0,530000,180000", "--gcp", "0,0,530001,179999"});
    EXPECT_EQ(dup.exit_code, 1);
    EXPECT_NE(dup.err.find("duplicate"), std::string::npos) << dup.err;
    // Nothing was stored by the failures: the plan is still uncalibrated.
    const auto m = cli({"measure", "--line", "0,0", "10,10", "--plan", id});
    EXPECT_EQ(m.exit_code, 2);
    EXPECT_NE(m.err.find("not calibrated"), std::string::npos);
}

TEST_F(PlanCli, TraceSavesAnApprovedFootprintAndMeasurementsGoToTheCase) {
    const auto id = add_plan();
    ASSERT_EQ(cli({"plan", "calibrate", id, "--known-distance", "0,0,1000,0,12.7", "--anchor",
                   "0,0,530000,180000"})
                  .exit_code,
              0);
    const auto t = cli({"plan", "trace", id, "--application", "24/AP/0101", "100,100", "500,100",
                        "500,400", "100,400"});
    ASSERT_EQ(t.exit_code, 0) << t.err;
    const auto layers = nlohmann::json::parse(cli({"layers", "--json"}).out);
    ASSERT_EQ(layers.size(), 1u);
    EXPECT_EQ(layers[0]["role"], "approved-footprint");
    EXPECT_EQ(layers[0]["feature_count"], 1);
    // 400 x 300 px at 12.7 mm a pixel: 5.08 x 3.81 m on the ground (k^2 larger on the grid).
    const auto a = nlohmann::json::parse(cli({"measure", "--polygon", "100,100", "500,100",
                                              "500,400", "100,400", "--plan", id, "--json"})
                                             .out);
    EXPECT_NEAR(a["ground"].get<double>(), 5.08 * 3.81, 1e-4);

    ASSERT_EQ(cli({"case", "add", "--ref", "ENF/26/0042"}).exit_code, 0);
    const auto saved = cli({"measure", "--offset", "530000,180000", "530010,180000",
                            "530004,180003.5", "--save", "--case", "ENF/26/0042", "--json"});
    ASSERT_EQ(saved.exit_code, 0) << saved.err;
    const auto s = nlohmann::json::parse(saved.out);
    EXPECT_NEAR(s["grid"].get<double>(), 3.5, 1e-9);
    EXPECT_TRUE(s["uncertainty"].is_null()) << "no plan, no calibration uncertainty";
    EXPECT_EQ(s["saved"], 1);
    const auto audit = cli({"audit", "--json"});
    for (const char* action : {"plan-add", "plan-calibrate", "plan-trace", "measurement-save"})
        EXPECT_NE(audit.out.find(action), std::string::npos) << action;
}

} // namespace
} // namespace redline::test
