// Issue #7: the pack's map shows the calibrated plan. A plan sheet at 1:100 with a 10 m bar,
// calibrated by control points to put the bar just south of the test building, must appear on the
// rasterised map page at the stated scale (1:200: 50 mm, 590.6 px at 300 dpi); an uncalibrated
// plan is not drawn. Placement through the transform is tested in tests/unit/print.
#include "print/evidence_fixture.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <sstream>

namespace redline::test {
namespace {

constexpr double k_pt_per_mm = 72.0 / 25.4;

/// An A4 portrait sheet: a black bar 100 mm x 10 mm (10 m x 1 m at 1:100) from (50, 95) mm.
void draw_bar_plan(const std::filesystem::path& path) {
    cairo_surface_t* s =
        cairo_pdf_surface_create(path.c_str(), 210 * k_pt_per_mm, 297 * k_pt_per_mm);
    cairo_t* cr = cairo_create(s);
    cairo_scale(cr, k_pt_per_mm, k_pt_per_mm);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_rectangle(cr, 50, 95, 100, 10);
    cairo_fill(cr);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_surface_destroy(s);
}

/// Pixel of a sheet point at 100 dpi, "PX,PY".
std::string px(double x_mm, double y_mm) {
    std::ostringstream o;
    o.precision(10);
    o << x_mm / 25.4 * 100 << "," << y_mm / 25.4 * 100;
    return o.str();
}

/// Lengths of the longest run, per row, of pixels dark in `with` and white in `without`.
std::vector<int> new_ink_runs(const GreyImage& with, const GreyImage& without) {
    std::vector<int> runs;
    for (int y = 0; y < with.height; ++y) {
        int run = 0, best = 0;
        for (int x = 0; x < with.width; ++x) {
            run = (with.at(x, y) < 128 && without.at(x, y) > 128) ? run + 1 : 0;
            best = std::max(best, run);
        }
        if (best > 300)
            runs.push_back(best);
    }
    return runs;
}

TEST(EvidencePlan, CalibratedPlanIsDrawnAtTheStatedScale) {
    TempDir dir;
    const auto ws = make_evidence_workspace(dir).string();
    draw_bar_plan(dir / "plan.pdf");
    const std::vector<std::string> env = {"REDLINE_USER=jb"};
    auto added = run_cli({"plan", "add", ws, (dir / "plan.pdf").string(), "--dpi", "100"}, {}, env);
    ASSERT_EQ(added.exit_code, 0) << added.err;
    std::string id = added.out;
    id.erase(std::remove_if(id.begin(), id.end(), [](char c) { return c == '\n' || c == ' '; }),
             id.end());
    auto pack = [&](const std::string& name) {
        const auto r = run_cli({"evidence", ws, "--case", k_case, "--scale", "200", "--date",
                                "2026-11-01", "--out", (dir / name).string()},
                               {}, env);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return rasterise_page(dir / name, 2, 300, dir / (name + "-map"));
    };
    const GreyImage without = pack("without.pdf");

    // The bar's axis on the map: (400003, 299996) - (400013, 299996), 1 m thick, south of the
    // building and its curtilage, inside the 1:200 frame centred on the site.
    const auto cal = run_cli({"plan", "calibrate", ws, id, "--gcp", px(50, 100) + ",400003,299996",
                              "--gcp", px(150, 100) + ",400013,299996", "--gcp",
                              px(50, 200) + ",400003,299986", "--method", "helmert"},
                             {}, env);
    ASSERT_EQ(cal.exit_code, 0) << cal.err;
    const GreyImage with = pack("with.pdf");
    ASSERT_EQ(with.width, without.width);

    auto runs = new_ink_runs(with, without);
    // 1 m at 1:200 is 5 mm: about 59 rows of bar at 300 dpi.
    ASSERT_GT(runs.size(), 50u) << "the plan's bar is not on the map page";
    EXPECT_LT(runs.size(), 65u);
    std::sort(runs.begin(), runs.end());
    const double length_px = runs[runs.size() / 2];
    const double expected_px = 10.0 * 1000 / 200 * 300 / 25.4; // 590.55
    EXPECT_NEAR(length_px, expected_px, expected_px * 0.005);
    const std::string text = shell("pdftotext '" + (dir / "with.pdf").string() + "' -");
    EXPECT_NE(text.find("drawn through calibration"), std::string::npos) << text;
}

} // namespace
} // namespace redline::test
