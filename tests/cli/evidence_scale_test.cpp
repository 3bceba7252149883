// Issue #7 acceptance: a pack's map is true to its stated scale. The pack is rasterised with
// pdftoppm at 300 dpi (1 mm = 11.811 px) and a known feature, the 20 m square building of the
// test workspace, and the scale bar are measured in pixels; both must be within 0.5% of what the
// stated scale requires, at 1:200, 1:500 and 1:1250, on A4 and A3, portrait and landscape.
#include "print/evidence_fixture.hpp"

#include <cmath>
#include <optional>

namespace redline::test {
namespace {

constexpr double k_px_per_mm = 300.0 / 25.4;

/// Sub-pixel position where the grey level crosses `level` between pixels i and i+1 of a
/// profile (linear interpolation; anti-aliasing makes an edge pixel's grey linear in coverage).
double crossing(const std::vector<int>& v, int i, double level) {
    const double a = v[i], b = v[i + 1];
    if (a == b)
        return i + 0.5;
    return i + 0.5 + (level - a) / (b - a);
}

bool is_fill(int g) {
    // The building's fill, rgb(150,150,150) at alpha 0.85 over white: 165.75.
    return g >= 158 && g <= 174;
}

/// Centre-line length of the building's outline along a profile through it: the mean of the
/// inner width (fill to stroke edges) and the outer width (stroke to white edges), which cancels
/// the stroke's width whatever it is.
std::optional<double> outline_length(const std::vector<int>& v, int inside) {
    int l = inside, r = inside;
    while (l > 0 && is_fill(v[l - 1]))
        --l;
    while (r + 1 < int(v.size()) && is_fill(v[r + 1]))
        ++r;
    const double stroke = 95, fill = 165.75, white = 255;
    // Inner edges: last fill pixel to the stroke.
    int il = l - 1, ir = r;
    while (il > 0 && v[il] > (stroke + fill) / 2)
        --il;
    while (ir + 1 < int(v.size()) && v[ir + 1] > (stroke + fill) / 2)
        ++ir;
    const double inner_l = crossing(v, il, (stroke + fill) / 2);
    const double inner_r = crossing(v, ir, (stroke + fill) / 2);
    // Outer edges: from the darkest stroke pixel outwards to white.
    int ol = il, orr = ir + 1;
    while (ol > 0 && v[ol - 1] <= (stroke + white) / 2)
        --ol;
    while (orr + 1 < int(v.size()) && v[orr + 1] <= (stroke + white) / 2)
        ++orr;
    if (ol == 0 || orr + 1 >= int(v.size()))
        return std::nullopt;
    const double outer_l = crossing(v, ol - 1, (stroke + white) / 2);
    const double outer_r = crossing(v, orr, (stroke + white) / 2);
    return ((inner_r - inner_l) + (outer_r - outer_l)) / 2;
}

struct Measured {
    double building_w_px = 0, building_h_px = 0, bar_px = 0;
};

Measured measure(const GreyImage& img) {
    Measured m;
    // The building: the longest horizontal run of its fill colour (the legend swatch is 6 mm).
    int best = 0, best_y = -1, best_x = -1;
    for (int y = 0; y < img.height; ++y) {
        int run = 0;
        for (int x = 0; x < img.width; ++x) {
            run = is_fill(img.at(x, y)) ? run + 1 : 0;
            if (run > best) {
                best = run;
                best_y = y;
                best_x = x - run / 2;
            }
        }
    }
    EXPECT_GT(best, 100) << "building not found";
    // Its middle row and column.
    int top = best_y, bottom = best_y;
    while (top > 0 && is_fill(img.at(best_x, top - 1)))
        --top;
    while (bottom + 1 < img.height && is_fill(img.at(best_x, bottom + 1)))
        ++bottom;
    const int cy = (top + bottom) / 2;
    std::vector<int> row(img.width), col(img.height);
    for (int x = 0; x < img.width; ++x)
        row[x] = img.at(x, cy);
    int left = best_x, right = best_x;
    while (left > 0 && is_fill(row[left - 1]))
        --left;
    while (right + 1 < img.width && is_fill(row[right + 1]))
        ++right;
    const int cx = (left + right) / 2;
    for (int y = 0; y < img.height; ++y)
        col[y] = img.at(cx, y);
    m.building_w_px = outline_length(row, cx).value_or(0);
    m.building_h_px = outline_length(col, cy).value_or(0);

    // The scale bar: the row whose black runs (segments 1 and 3) are two equal runs longer than
    // 3 mm, as far apart as they are long.
    for (int y = 0; y < img.height && m.bar_px == 0; ++y) {
        std::vector<std::pair<int, int>> runs; // start, length
        for (int x = 0, start = -1; x <= img.width; ++x) {
            const bool dark = x < img.width && img.at(x, y) < 60;
            if (dark && start < 0)
                start = x;
            if (!dark && start >= 0) {
                runs.push_back({start, x - start});
                start = -1;
            }
        }
        for (std::size_t i = 0; i + 1 < runs.size(); ++i) {
            const auto [s1, l1] = runs[i];
            const auto [s3, l3] = runs[i + 1];
            if (l1 < 3 * k_px_per_mm || l1 > 20 * k_px_per_mm || std::abs(l1 - l3) > 2 ||
                std::abs((s3 - s1) - 2 * l1) > 3)
                continue;
            // Found a row through the bar; its top edge, then the ticks 0.7 mm above it.
            int bar_top = y;
            while (bar_top > 0 && img.at(s1 + l1 / 2, bar_top - 1) < 128)
                --bar_top;
            const int ty = bar_top - int(std::lround(0.7 * k_px_per_mm));
            std::vector<double> centres;
            double sum = 0, weight = 0;
            for (int x = s1 - 30; x <= s1 + 4 * l1 + 30; ++x) {
                const double d = 255.0 - img.at(x, ty);
                if (d > 20) {
                    sum += d * x;
                    weight += d;
                } else if (weight > 0) {
                    centres.push_back(sum / weight);
                    sum = weight = 0;
                }
            }
            EXPECT_EQ(centres.size(), 5u) << "scale bar ticks";
            if (centres.size() >= 2)
                m.bar_px = centres.back() - centres.front();
            break;
        }
    }
    return m;
}

struct ScaleCase {
    int scale;
    const char* paper;
    const char* orientation;
    double bar_m; ///< the scale bar's ground length at this scale
};

class EvidenceTrueScale : public ::testing::TestWithParam<ScaleCase> {};

TEST_P(EvidenceTrueScale, BuildingAndScaleBarMeasureTrue) {
    const ScaleCase p = GetParam();
    TempDir dir;
    const auto ws = make_evidence_workspace(dir);
    const auto pdf = dir / "pack.pdf";
    const auto r = run_cli({"evidence", ws.string(), "--case", k_case, "--scale",
                            std::to_string(p.scale), "--paper", p.paper, "--orientation",
                            p.orientation, "--date", "2026-02-01", "--out", pdf.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const GreyImage img = rasterise_page(pdf, 2, 300, dir / "map");
    const Measured m = measure(img);

    // 20 m at 1:N is 20000 / N mm on paper.
    const double building_px = 20000.0 / p.scale * k_px_per_mm;
    EXPECT_NEAR(m.building_w_px / building_px, 1.0, 0.005)
        << m.building_w_px << " px across, expected " << building_px;
    EXPECT_NEAR(m.building_h_px / building_px, 1.0, 0.005)
        << m.building_h_px << " px high, expected " << building_px;
    const double bar_px = p.bar_m * 1000.0 / p.scale * k_px_per_mm;
    EXPECT_NEAR(m.bar_px / bar_px, 1.0, 0.005) << m.bar_px << " px bar, expected " << bar_px;

    const std::string text = shell("pdftotext -f 2 -l 2 '" + pdf.string() + "' -");
    const std::string stated = std::string("1:") +
                               (p.scale == 1250 ? "1,250" : std::to_string(p.scale)) + " at " +
                               p.paper;
    EXPECT_NE(text.find(stated), std::string::npos) << text;
}

INSTANTIATE_TEST_SUITE_P(
    ScalesPapersOrientations, EvidenceTrueScale,
    ::testing::Values(ScaleCase{200, "A4", "portrait", 5}, ScaleCase{200, "A4", "landscape", 5},
                      ScaleCase{200, "A3", "portrait", 5}, ScaleCase{200, "A3", "landscape", 5},
                      ScaleCase{500, "A4", "portrait", 20}, ScaleCase{500, "A4", "landscape", 20},
                      ScaleCase{500, "A3", "portrait", 20}, ScaleCase{500, "A3", "landscape", 20},
                      ScaleCase{1250, "A4", "portrait", 50}, ScaleCase{1250, "A4", "landscape", 50},
                      ScaleCase{1250, "A3", "portrait", 50},
                      ScaleCase{1250, "A3", "landscape", 50}),
    [](const ::testing::TestParamInfo<ScaleCase>& param_info) {
        return "s" + std::to_string(param_info.param.scale) + "_" + param_info.param.paper + "_" +
               param_info.param.orientation;
    });

} // namespace
} // namespace redline::test
