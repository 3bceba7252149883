// A calibrated plan printed over the map: its ink lands where its calibration puts it (affine and
// projective), and its white paper does not hide what is under it.
#include "print/pdf_document.hpp"
#include "print/plan_painter.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace redline::print {
namespace {

/// A white plan with black 4 x 4 pixel dots centred on every (40 i + 20, 40 j + 20).
PackPlan dotted_plan(int size) {
    PackPlan plan;
    plan.width_px = size;
    plan.height_px = size;
    plan.rgba.assign(static_cast<std::size_t>(size) * static_cast<std::size_t>(size) * 4, 255);
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x)
            if (std::abs(x % 40 - 19.5) < 2 && std::abs(y % 40 - 19.5) < 2)
                for (int c = 0; c < 3; ++c)
                    plan.rgba[(static_cast<std::size_t>(y) * size + x) * 4 + c] = 0;
    plan.opacity = 1.0;
    return plan;
}

core::Coord apply(const std::array<double, 9>& h, double x, double y) {
    const double w = h[6] * x + h[7] * y + h[8];
    return {(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w};
}

/// Centre of the dark pixels within `r` pixels of (cx, cy) on the canvas, in pixel units.
core::Coord dark_centre(RasterCanvas& c, double cx, double cy, int r, int threshold) {
    double sx = 0, sy = 0, sw = 0;
    for (int y = int(cy) - r; y <= int(cy) + r; ++y)
        for (int x = int(cx) - r; x <= int(cx) + r; ++x) {
            const double k = std::max(0, threshold - c.grey(x, y));
            sx += k * (x + 0.5);
            sy += k * (y + 0.5);
            sw += k;
        }
    return sw > 0 ? core::Coord{sx / sw, sy / sw} : core::Coord{-1e9, -1e9};
}

/// Every dot of the plan is found on a 10 px/mm canvas within `tolerance_px` of where the
/// transform and the frame put its centre.
void expect_dots_in_place(const PackPlan& plan, double tolerance_px) {
    RasterCanvas canvas(120, 120, 254); // 10 px a millimetre
    const MapFrame frame({0, 0, 120, 120}, {1005, 2005}, 100);
    // A mid-grey map under the plan: the plan's paper must leave it as it is.
    canvas.painter().set_colour({0.5f, 0.5f, 0.5f, 1.0f});
    canvas.painter().new_path();
    canvas.painter().rectangle({0, 0, 120, 120});
    canvas.painter().fill();
    paint_plan(canvas.painter(), plan, frame);
    int checked = 0;
    for (int j = 0; j < plan.height_px / 40; ++j)
        for (int i = 0; i < plan.width_px / 40; ++i) {
            const core::Coord en = apply(plan.pixel_to_map, 40 * i + 20, 40 * j + 20);
            const PaperPoint mm = frame.to_paper(en);
            const double px = mm.x * 10, py = mm.y * 10;
            if (px < 20 || py < 20 || px > 1180 || py > 1180)
                continue;
            const core::Coord found = dark_centre(canvas, px, py, 12, 90);
            EXPECT_NEAR(found.x, px, tolerance_px) << "dot " << i << "," << j;
            EXPECT_NEAR(found.y, py, tolerance_px) << "dot " << i << "," << j;
            // Between dots: the plan's white paper multiplied onto grey leaves grey.
            const core::Coord gap = apply(plan.pixel_to_map, 40 * i + 40, 40 * j + 40);
            const PaperPoint g = frame.to_paper(gap);
            const int grey = canvas.grey(int(g.x * 10), int(g.y * 10));
            EXPECT_NEAR(grey, 128, 4) << "paper at dot " << i << "," << j;
            ++checked;
        }
    EXPECT_GE(checked, 20);
}

TEST(PlanPainter, HelmertPlanLandsWhereItsCalibrationPutsIt) {
    PackPlan plan = dotted_plan(240);
    // 0.04 m a pixel, the plan's x axis 30 degrees anticlockwise from east, top-left corner at
    // (1000, 2010); raster y runs down the plan, so north is -y.
    const double s = 0.04, a = 30 * M_PI / 180;
    plan.pixel_to_map = {
        s * std::cos(a), s * std::sin(a), 1000, s * std::sin(a), -s * std::cos(a), 2010, 0, 0, 1};
    expect_dots_in_place(plan, 0.5);
}

TEST(PlanPainter, ProjectivePlanIsDrawnAsAFineMesh) {
    PackPlan plan = dotted_plan(320);
    // A plan photographed at an angle: E = 1000 + 0.03 x / w, N = 2010 - 0.03 y / w with
    // w = 1 + 0.00035 y, so the bottom edge is 10% shorter than the top one.
    const double k = 0.00035;
    plan.pixel_to_map = {0.03, 1000 * k, 1000, 0.0, -0.03 + 2010 * k, 2010, 0.0, k, 1};
    // The mesh's affine pieces: within a tenth of a millimetre on the page.
    expect_dots_in_place(plan, 1.0);
}

// A projective plan is painted as ~2,000 triangles of one image: the PDF must hold the image
// once, not once a triangle.
TEST(PlanPainter, AMeshPlanIsEmbeddedOnceInAPdf) {
    PackPlan plan = dotted_plan(320);
    const double k = 0.00035;
    plan.pixel_to_map = {0.03, 1000 * k, 1000, 0.0, -0.03 + 2010 * k, 2010, 0.0, k, 1};
    PdfDocument doc({120, 120}, {"t", "a", "s", "c", "2026-01-01T00:00:00Z"});
    paint_plan(doc.begin_page(), plan, MapFrame({0, 0, 120, 120}, {1005, 2005}, 100));
    doc.end_page();
    const std::string pdf = doc.finish();
    std::size_t images = 0;
    for (std::size_t at = pdf.find("/Subtype /Image"); at != std::string::npos;
         at = pdf.find("/Subtype /Image", at + 1))
        ++images;
    EXPECT_EQ(images, 1u);
    EXPECT_LT(pdf.size(), 2'000'000u);
}

} // namespace
} // namespace redline::print
