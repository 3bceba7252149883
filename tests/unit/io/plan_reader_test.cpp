// Reading plans: PDF pages drawn here with cairo (paper size, page choice, rasterised content at a
// known place), PNG/TIFF/JPEG scans (pixels, resolution tags), DXF drawings with $INSUNITS.
#include "core/error.hpp"
#include "io/plan_reader.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

namespace redline::io {
namespace {

namespace fs = std::filesystem;
constexpr double k_pt_per_mm = 72.0 / 25.4;

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() /
               ("redline-plan-io-" + std::to_string(std::random_device{}()));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

std::vector<std::uint8_t> slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// A two-page PDF: page 1 A3 landscape with a 50 mm black line from (100, 100) mm, 0.5 mm wide;
/// page 2 A4 portrait, blank. Coordinates in mm from the top-left of the page, as cairo draws.
fs::path write_pdf(const fs::path& dir) {
    const auto path = dir / "plan.pdf";
    cairo_surface_t* s =
        cairo_pdf_surface_create(path.c_str(), 420 * k_pt_per_mm, 297 * k_pt_per_mm);
    cairo_t* cr = cairo_create(s);
    cairo_scale(cr, k_pt_per_mm, k_pt_per_mm);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, 0.5);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_move_to(cr, 100, 100);
    cairo_line_to(cr, 150, 100);
    cairo_stroke(cr);
    cairo_show_page(cr);
    cairo_pdf_surface_set_size(s, 210 * k_pt_per_mm, 297 * k_pt_per_mm);
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_surface_destroy(s);
    return path;
}

/// A 300 x 200 PNG: white with an opaque red 40 x 30 rectangle at (50, 60).
fs::path write_png(const fs::path& dir) {
    const auto path = dir / "scan.png";
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 300, 200);
    cairo_t* cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 1, 0, 0);
    cairo_rectangle(cr, 50, 60, 40, 30);
    cairo_fill(cr);
    cairo_surface_write_to_png(s, path.c_str());
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    return path;
}

const std::uint8_t* pixel(const PlanRaster& r, int x, int y) {
    return &r.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(r.width_px) +
                    static_cast<std::size_t>(x)) *
                   4];
}

TEST(PlanReader, PdfPageSizeIsThePapersOwn) {
    TempDir dir;
    const auto bytes = slurp(write_pdf(dir.path));
    const auto a3 = inspect_plan(bytes, "plan.pdf", 1, 200);
    EXPECT_EQ(a3.format, PlanFormat::Pdf);
    EXPECT_EQ(a3.page_count, 2);
    EXPECT_NEAR(a3.paper_width_mm, 420.0, 0.01);
    EXPECT_NEAR(a3.paper_height_mm, 297.0, 0.01);
    EXPECT_DOUBLE_EQ(a3.dpi, 200);
    EXPECT_NEAR(a3.width_px, 420 / 25.4 * 200, 1.0);
    EXPECT_NEAR(a3.height_px, 297 / 25.4 * 200, 1.0);
    const auto a4 = inspect_plan(bytes, "plan.pdf", 2, 100);
    EXPECT_NEAR(a4.paper_width_mm, 210.0, 0.01);
    EXPECT_NEAR(a4.paper_height_mm, 297.0, 0.01);
    EXPECT_EQ(a4.page, 2);
    EXPECT_THROW(inspect_plan(bytes, "plan.pdf", 3, 100), core::IoError);
}

TEST(PlanReader, PdfRasterPutsTheDrawingWhereTheDpiSays) {
    TempDir dir;
    const auto bytes = slurp(write_pdf(dir.path));
    const double dpi = 200;
    const auto r = read_plan_raster(bytes, "plan.pdf", 1, dpi);
    ASSERT_EQ(r.rgba.size(), static_cast<std::size_t>(r.width_px) * r.height_px * 4);
    // The line's middle row: y = 100 mm. Pixel x covers [x, x+1) in image coordinates, whose
    // position on paper is x / dpi inches.
    const int row = static_cast<int>(100 / 25.4 * dpi);
    int first = -1, last = -1;
    for (int x = 0; x < r.width_px; ++x)
        if (pixel(r, x, row)[0] < 128) {
            if (first < 0)
                first = x;
            last = x;
        }
    ASSERT_GE(first, 0) << "the line is not on its row";
    // Ends at 100 and 150 mm: left edge of the first dark pixel and right edge of the last.
    EXPECT_NEAR(first, 100 / 25.4 * dpi, 1.0);
    EXPECT_NEAR(last + 1, 150 / 25.4 * dpi, 1.0);
    // 5 mm above the line is blank paper.
    EXPECT_GT(pixel(r, (first + last) / 2, row - static_cast<int>(5 / 25.4 * dpi))[0], 250);
    EXPECT_EQ(pixel(r, 0, 0)[3], 255);
}

TEST(PlanReader, PngScanPixelsAndDpi) {
    TempDir dir;
    const auto bytes = slurp(write_png(dir.path));
    const auto info = inspect_plan(bytes, "scan.png");
    EXPECT_EQ(info.format, PlanFormat::Png);
    EXPECT_EQ(info.width_px, 300);
    EXPECT_EQ(info.height_px, 200);
    EXPECT_EQ(inspect_plan(bytes, "scan.png", 1, 300).dpi, 300);
    const auto r = read_plan_raster(bytes, "scan.png");
    // Row 0 is the top of the image: (60, 70) is inside the red rectangle, (10, 10) is white.
    const auto* red = pixel(r, 60, 70);
    EXPECT_EQ(red[0], 255);
    EXPECT_EQ(red[1], 0);
    EXPECT_EQ(red[2], 0);
    EXPECT_EQ(red[3], 255);
    EXPECT_EQ(pixel(r, 10, 10)[1], 255);
    EXPECT_EQ(pixel(r, 50, 59)[1], 255) << "the row above the rectangle";
    EXPECT_EQ(pixel(r, 50, 60)[1], 0) << "the rectangle's first row";
}

TEST(PlanReader, TiffAndJpegScansWithResolutionTags) {
    TempDir dir;
    const auto png = write_png(dir.path);
    const auto tif = dir.path / "scan.tif", jpg = dir.path / "scan.jpg";
    const std::string tags = " -mo TIFFTAG_XRESOLUTION=400 -mo TIFFTAG_YRESOLUTION=400 "
                             "-mo TIFFTAG_RESOLUTIONUNIT=2 ";
    ASSERT_EQ(
        std::system(
            ("gdal_translate -q -of GTiff" + tags + png.string() + " " + tif.string()).c_str()),
        0);
    ASSERT_EQ(
        std::system(("gdal_translate -q -of JPEG " + png.string() + " " + jpg.string()).c_str()),
        0);
    const auto t = inspect_plan(slurp(tif), "scan.tif");
    EXPECT_EQ(t.format, PlanFormat::Tiff);
    EXPECT_DOUBLE_EQ(t.dpi, 400);
    const auto tr = read_plan_raster(slurp(tif), "scan.tif");
    EXPECT_EQ(pixel(tr, 60, 70)[0], 255);
    EXPECT_EQ(pixel(tr, 60, 70)[1], 0);
    const auto j = read_plan_raster(slurp(jpg), "scan.jpg");
    EXPECT_EQ(inspect_plan(slurp(jpg), "scan.jpg").format, PlanFormat::Jpeg);
    EXPECT_EQ(j.width_px, 300);
    EXPECT_GT(pixel(j, 70, 75)[0], 200); // lossy, but still red
    EXPECT_LT(pixel(j, 70, 75)[1], 60);
}

std::vector<std::uint8_t> dxf(const std::string& header) {
    const std::string text = "0\nSECTION\n2\nHEADER\n" + header +
                             "0\nENDSEC\n0\nSECTION\n2\nENTITIES\n"
                             "0\nLINE\n8\n0\n10\n0.0\n20\n0.0\n11\n5000.0\n21\n0.0\n"
                             "0\nLWPOLYLINE\n8\nWALLS\n90\n3\n70\n1\n10\n0\n20\n0\n10\n1000\n20\n"
                             "0\n10\n1000\n20\n2000\n0\nENDSEC\n0\nEOF\n";
    return {text.begin(), text.end()};
}

TEST(PlanReader, DxfLineWorkAndDrawingUnits) {
    const auto mm = read_plan_drawing(dxf("9\n$INSUNITS\n70\n4\n"), "house.dxf");
    EXPECT_EQ(mm.insunits, 4);
    EXPECT_EQ(mm.units, "mm");
    EXPECT_DOUBLE_EQ(mm.metres_per_unit, 0.001);
    EXPECT_EQ(mm.lines.size(), 2u);
    EXPECT_DOUBLE_EQ(mm.extent.max_x, 5000);
    EXPECT_DOUBLE_EQ(mm.extent.max_y, 2000);
    const auto m = inspect_plan(dxf("9\n$INSUNITS\n70\n6\n"), "site.dxf");
    EXPECT_EQ(m.format, PlanFormat::Dxf);
    EXPECT_EQ(m.units, "m");
    EXPECT_DOUBLE_EQ(m.metres_per_unit, 1.0);
    const auto none = read_plan_drawing(dxf(""), "old.dxf");
    EXPECT_EQ(none.units, "unitless");
    EXPECT_EQ(none.metres_per_unit, 0);
    EXPECT_THROW(read_plan_raster(dxf(""), "old.dxf"), core::IoError);
}

TEST(PlanReader, UnknownFilesFailClearly) {
    const std::string text = "not a plan";
    const std::vector<std::uint8_t> bytes(text.begin(), text.end());
    try {
        inspect_plan(bytes, "notes.txt");
        FAIL();
    } catch (const core::IoError& e) {
        EXPECT_NE(std::string(e.what()).find("notes.txt"), std::string::npos);
    }
    // A truncated PNG: the right signature, no image.
    const std::vector<std::uint8_t> png{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    EXPECT_THROW(read_plan_raster(png, "broken.png"), core::IoError);
}

} // namespace
} // namespace redline::io
