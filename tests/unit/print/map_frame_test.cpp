#include "print/map_frame.hpp"
#include "print/pdf_document.hpp"
#include "print/scene_painter.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace redline::print {
namespace {

TEST(MapFrame, OneMillimetreOfPaperIsScaleMillimetresOfGround) {
    const MapFrame f({20, 30, 170, 190}, {530000, 180000}, 500);
    EXPECT_DOUBLE_EQ(f.mm_per_metre(), 2.0);
    const PaperPoint c = f.to_paper({530000, 180000});
    EXPECT_DOUBLE_EQ(c.x, 105);
    EXPECT_DOUBLE_EQ(c.y, 125);
    // 10 m east is 20 mm right; 10 m north is 20 mm up (y down on paper).
    const PaperPoint q = f.to_paper({530010, 180010});
    EXPECT_DOUBLE_EQ(q.x - c.x, 20);
    EXPECT_DOUBLE_EQ(c.y - q.y, 20);
    const core::Coord back = f.to_ground(q);
    EXPECT_NEAR(back.x, 530010, 1e-9);
    EXPECT_NEAR(back.y, 180010, 1e-9);
    const core::Envelope g = f.ground_bounds();
    EXPECT_NEAR(g.width(), 85, 1e-9);
    EXPECT_NEAR(g.height(), 95, 1e-9);
}

TEST(MapFrame, GridTicksAreRoundMultiplesAtLeast25mmApart) {
    const MapFrame f({0, 0, 170, 190}, {530013, 180007}, 1250);
    const double interval = f.grid_interval_m();
    EXPECT_DOUBLE_EQ(interval, 50); // 25 mm at 1:1250 is 31.25 m: next 1/2/5 step
    for (double e : f.grid_eastings(interval))
        EXPECT_DOUBLE_EQ(std::fmod(e, 50.0), 0.0);
    EXPECT_EQ(f.grid_eastings(interval).size(), 4u); // 529907-530119
    EXPECT_DOUBLE_EQ(MapFrame({0, 0, 100, 100}, {0, 0}, 200).grid_interval_m(), 5);
}

TEST(ChooseScale, LargestStandardScaleThatFitsWithMargin) {
    const RectMm frame{0, 0, 172, 192};
    core::Envelope site;
    site.expand(core::Coord{0, 0});
    site.expand(core::Coord{24, 24});
    EXPECT_EQ(choose_scale(site, frame).denominator, 200); // 120 mm <= 152 mm
    site.expand(core::Coord{40, 24});
    EXPECT_EQ(choose_scale(site, frame).denominator, 500); // 200 mm > 152 at 1:200
    site.expand(core::Coord{300, 24});
    EXPECT_EQ(choose_scale(site, frame).denominator, 2500);
    EXPECT_TRUE(choose_scale(site, frame).fits);
    site.expand(core::Coord{1000, 24});
    EXPECT_FALSE(choose_scale(site, frame).fits);
}

TEST(ScaleBar, OneTwoFiveLengthsAndLabels) {
    const PrintScaleBar b = choose_print_scale_bar(500, 45);
    EXPECT_DOUBLE_EQ(b.length_m, 20);
    EXPECT_DOUBLE_EQ(b.length_mm, 40);
    EXPECT_EQ(b.label, "20 m");
    EXPECT_DOUBLE_EQ(choose_print_scale_bar(200, 45).length_m, 5);
    EXPECT_DOUBLE_EQ(choose_print_scale_bar(1250, 45).length_m, 50);
    EXPECT_EQ(format_scale_text(1250), "1:1,250");
}

TEST(Paper, IsoSizes) {
    EXPECT_DOUBLE_EQ(page_size(Paper::A3, Orientation::Landscape).width_mm, 420);
    EXPECT_DOUBLE_EQ(page_size(Paper::A4, Orientation::Portrait).height_mm, 297);
    EXPECT_THROW(parse_paper("A5"), std::exception);
    EXPECT_EQ(parse_orientation("Landscape"), Orientation::Landscape);
}

TEST(RasterCanvas, SceneDrawnAtTrueScaleInPixels) {
    // A 10 m building at 1:100 is 100 mm: at 254 dpi, 1000 px between its outline centres.
    scene::Scene s;
    core::LayerData d;
    d.name = "b";
    core::Polygon p;
    p.rings.push_back({{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}});
    d.features.push_back({1, core::Geometry::polygon(p), {}});
    s.add_layer(scene::MapLayer(d, core::Role::Building));
    s.build();
    RasterCanvas canvas(120, 120, 254);
    paint_scene(canvas.painter(), s, MapFrame({0, 0, 120, 120}, {5, 5}, 100));
    // Darkest columns along the middle row: the outline centres (0.2646 mm = 2.6 px wide).
    const int y = canvas.height_px() / 2;
    auto centre_of_dark = [&](int from, int to) {
        double sum = 0, w = 0;
        for (int x = from; x < to; ++x) {
            const double k = std::max(0, 150 - canvas.grey(x, y));
            sum += k * x;
            w += k;
        }
        return sum / w + 0.5;
    };
    const double left = centre_of_dark(80, 120), right = centre_of_dark(1080, 1120);
    EXPECT_NEAR(right - left, 1000, 1.0);
}

TEST(PdfDocument, SameDrawingSameBytes) {
    auto draw = [] {
        PdfDocument doc({210, 297}, {"t", "a", "s", "c", "2026-01-01T00:00:00Z"});
        Painter& p = doc.begin_page();
        p.set_font(FontFace::Sans, 10);
        p.text(20, 20, "Exhibit JB/1");
        p.rectangle({10, 10, 50, 50});
        p.stroke();
        return doc.finish();
    };
    const std::string a = draw();
    EXPECT_EQ(a, draw());
    EXPECT_NE(a.find("20260101000000Z"), std::string::npos);
}

} // namespace
} // namespace redline::print
