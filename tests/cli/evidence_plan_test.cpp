// Issue #7: the pack's map shows the calibrated plan. A plan sheet at 1:100 with a 10 m bar,
// calibrated by control points to put the bar just south of the test building, must appear on the
// rasterised map page at the stated scale (1:200: 50 mm, 590.6 px at 300 dpi); an uncalibrated
// plan is not drawn. Placement through the transform is tested in tests/unit/print. A calibrated
// DXF plan's line work is drawn the same way, where its calibration (in drawing units) puts it.
#include "print/evidence_fixture.hpp"
#include "render/dxf_fixture.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
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

std::string trimmed(std::string s) {
    s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == '\n' || c == ' '; }),
            s.end());
    return s;
}

/// The darkest pixel within `r` pixels of (x, y).
int darkest_near(const GreyImage& img, double x, double y, int r) {
    int best = 255;
    for (int dy = -r; dy <= r; ++dy)
        for (int dx = -r; dx <= r; ++dx)
            best = std::min(best, img.at(int(std::lround(x)) + dx, int(std::lround(y)) + dy));
    return best;
}

TEST(EvidencePlan, CalibratedDxfLineWorkIsDrawnWhereItsCalibrationPutsIt) {
    const std::vector<std::string> env = {"REDLINE_USER=jb"};
    auto pack = [&](const std::string& ws, const TempDir& dir, const std::string& name) {
        const auto r = run_cli({"evidence", ws, "--case", k_case, "--scale", "200", "--date",
                                "2026-11-01", "--out", (dir / name).string()},
                               {}, env);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return rasterise_page(dir / name, 2, 300, dir / (name + "-map"));
    };
    // The page's grid: from the bar plan of the test above in a twin workspace (same site, same
    // frame), whose raster path is checked there: its left end is E 400003 on the axis N 299996,
    // its right end E 400013.
    TempDir ref_dir;
    const auto ref_ws = make_evidence_workspace(ref_dir).string();
    draw_bar_plan(ref_dir / "plan.pdf");
    const auto bar =
        run_cli({"plan", "add", ref_ws, (ref_dir / "plan.pdf").string(), "--dpi", "100"}, {}, env);
    ASSERT_EQ(bar.exit_code, 0) << bar.err;
    ASSERT_EQ(run_cli({"plan", "calibrate", ref_ws, trimmed(bar.out), "--gcp",
                       px(50, 100) + ",400003,299996", "--gcp", px(150, 100) + ",400013,299996",
                       "--method", "helmert"},
                      {}, env)
                  .exit_code,
              0);
    TempDir dir;
    const auto ws = make_evidence_workspace(dir).string();
    const GreyImage without = pack(ws, dir, "without.pdf");
    const GreyImage with_bar = pack(ref_ws, ref_dir, "bar.pdf");
    // The bar's rows: those with a run of new ink over 300 px (the notes under the map differ
    // too, in short runs of text).
    double left = 1e9, right = -1e9, row_sum = 0, rows = 0;
    for (int y = 0; y < without.height; ++y) {
        int run = 0, best = 0, best_end = 0;
        for (int x = 0; x < without.width; ++x) {
            run = (with_bar.at(x, y) < 128 && without.at(x, y) > 128) ? run + 1 : 0;
            if (run > best) {
                best = run;
                best_end = x + 1;
            }
        }
        if (best > 300) {
            left = std::min(left, double(best_end - best));
            right = std::max(right, double(best_end));
            row_sum += y + 0.5;
            ++rows;
        }
    }
    ASSERT_GT(rows, 50) << "the reference bar is not on the map page";
    const double px_per_m = (right - left) / 10, axis_row = row_sum / rows;
    EXPECT_NEAR(px_per_m, 59.055, 0.5); // 1:200 at 300 dpi
    auto page = [&](core::Coord en) {
        return core::Coord{left + (en.x - 400003) * px_per_m,
                           axis_row - (en.y - 299996) * px_per_m};
    };

    // The L (12 m x 8 m in mm, notch at the top right) with its origin at (400006.5, 300006.5):
    // over the building's grey fill (ink is dark there too), its edges off the grid crosses' lines.
    test::write_dxf(dir / "extension.dxf", {test::dxf_l_outline()});
    const auto added = run_cli({"plan", "add", ws, (dir / "extension.dxf").string()}, {}, env);
    ASSERT_EQ(added.exit_code, 0) << added.err;
    const auto cal = run_cli({"plan", "calibrate", ws, trimmed(added.out), "--scale", "1",
                              "--anchor", "0,0,400006.5,300006.5", "--rotation", "0"},
                             {}, env);
    ASSERT_EQ(cal.exit_code, 0) << cal.err;
    const GreyImage with = pack(ws, dir, "with.pdf");
    ASSERT_EQ(with.width, without.width);
    auto map_of = [](core::Coord mm) {
        return core::Coord{400006.5 + mm.x / 1000, 300006.5 + mm.y / 1000};
    };
    // Ink along every edge (lines 0.25 mm, 3 px: within 2 px of where the grid says)...
    const auto l = test::dxf_l_outline();
    for (std::size_t i = 1; i < l.size(); ++i)
        for (double f : {0.2, 0.5, 0.8}) {
            const core::Coord mm{l[i - 1].x + (l[i].x - l[i - 1].x) * f,
                                 l[i - 1].y + (l[i].y - l[i - 1].y) * f};
            const core::Coord p = page(map_of(mm));
            EXPECT_LT(darkest_near(with, p.x, p.y, 2), 128)
                << "drawing point " << mm.x << "," << mm.y;
            EXPECT_GT(darkest_near(without, p.x, p.y, 2), 128) << mm.x << "," << mm.y;
        }
    // ... and none inside the L, in its notch, or where an upside-down drawing would have a wall.
    for (const core::Coord mm :
         {core::Coord{2500, 2000}, {8500, 6000}, {5000, 2000}, {9000, 2000}}) {
        const core::Coord p = page(map_of(mm));
        EXPECT_NEAR(darkest_near(with, p.x, p.y, 3), darkest_near(without, p.x, p.y, 3), 8)
            << "drawing point " << mm.x << "," << mm.y;
    }
    const std::string text = shell("pdftotext '" + (dir / "with.pdf").string() + "' -");
    EXPECT_NE(text.find("CAD drawing"), std::string::npos) << text;
    EXPECT_EQ(text.find("not drawn on this map"), std::string::npos) << text;
    EXPECT_NE(text.find("extension.dxf"), std::string::npos) << text; // in the provenance
}

} // namespace
} // namespace redline::test
