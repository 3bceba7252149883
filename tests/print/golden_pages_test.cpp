// Golden images of the evidence pack's page types (cover, map, findings, chronology,
// provenance), rasterised with pdftoppm at 50 dpi. A page matches when at most 0.5% of its
// pixels differ by more than 48 grey levels: the provenance page prints import times and the
// source commit, which change between runs, a few glyphs' worth. On mismatch actual.png and
// diff.png are written next to expected.png; REDLINE_UPDATE_GOLDEN=1 rewrites expected.png.
#include "print/evidence_fixture.hpp"

#include <cairo.h>

#include <cstdlib>

namespace redline::test {
namespace {

struct Rgba8 {
    int width = 0, height = 0;
    std::vector<int> grey;
};

Rgba8 load_png(const std::filesystem::path& path) {
    cairo_surface_t* s = cairo_image_surface_create_from_png(path.string().c_str());
    Rgba8 img;
    if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
        img.width = cairo_image_surface_get_width(s);
        img.height = cairo_image_surface_get_height(s);
        const int stride = cairo_image_surface_get_stride(s);
        const unsigned char* d = cairo_image_surface_get_data(s);
        for (int y = 0; y < img.height; ++y)
            for (int x = 0; x < img.width; ++x) {
                const unsigned char* p = d + y * stride + x * 4;
                img.grey.push_back((p[0] + p[1] + p[2]) / 3);
            }
    }
    cairo_surface_destroy(s);
    return img;
}

void write_diff(const Rgba8& a, const Rgba8& b, const std::filesystem::path& path) {
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, a.width, a.height);
    unsigned char* d = cairo_image_surface_get_data(s);
    const int stride = cairo_image_surface_get_stride(s);
    for (int y = 0; y < a.height; ++y)
        for (int x = 0; x < a.width; ++x) {
            const std::size_t i = std::size_t(y) * a.width + x;
            const bool differs = std::abs(a.grey[i] - b.grey[i]) > 48;
            unsigned char* p = d + y * stride + x * 4;
            p[0] = differs ? 0 : 255;
            p[1] = differs ? 0 : static_cast<unsigned char>(128 + a.grey[i] / 2);
            p[2] = differs ? 255 : static_cast<unsigned char>(128 + a.grey[i] / 2);
        }
    cairo_surface_mark_dirty(s);
    cairo_surface_write_to_png(s, path.string().c_str());
    cairo_surface_destroy(s);
}

class GoldenPages : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new TempDir;
        const auto ws = make_evidence_workspace(*s_dir);
        const auto r = run_cli({"evidence", ws.string(), "--case", k_case, "--date", "2026-02-01",
                                "--exhibit", "JB/1", "--out", (*s_dir / "pack.pdf").string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        shell("pdftoppm -r 50 -png '" + (*s_dir / "pack.pdf").string() + "' '" +
              (*s_dir / "page").string() + "'");
    }
    static void TearDownTestSuite() {
        delete s_dir;
        s_dir = nullptr;
    }

    void check(const std::string& name, int page) {
        ASSERT_NE(s_dir, nullptr);
        const auto actual_path = *s_dir / ("page-" + std::to_string(page) + ".png");
        ASSERT_TRUE(std::filesystem::exists(actual_path)) << actual_path;
        const std::filesystem::path dir = std::filesystem::path(REDLINE_PRINT_GOLDEN_DIR) / name;
        const auto expected_path = dir / "expected.png";
        if (std::getenv("REDLINE_UPDATE_GOLDEN")) {
            std::filesystem::create_directories(dir);
            std::filesystem::copy_file(actual_path, expected_path,
                                       std::filesystem::copy_options::overwrite_existing);
        }
        const Rgba8 expected = load_png(expected_path);
        const Rgba8 actual = load_png(actual_path);
        ASSERT_GT(expected.width, 0) << "no golden image " << expected_path;
        ASSERT_EQ(actual.width, expected.width);
        ASSERT_EQ(actual.height, expected.height);
        std::size_t differing = 0;
        for (std::size_t i = 0; i < actual.grey.size(); ++i)
            differing += std::abs(actual.grey[i] - expected.grey[i]) > 48;
        const double fraction = double(differing) / double(actual.grey.size());
        if (fraction > 0.005) {
            std::filesystem::copy_file(actual_path, dir / "actual.png",
                                       std::filesystem::copy_options::overwrite_existing);
            write_diff(actual, expected, dir / "diff.png");
        }
        EXPECT_LE(fraction, 0.005) << name << ": " << differing << " pixels differ";
    }

    static TempDir* s_dir;
};

TempDir* GoldenPages::s_dir = nullptr;

// Page order: cover, map, findings and measurements, chronology, provenance.
TEST_F(GoldenPages, Cover) {
    check("cover", 1);
}
TEST_F(GoldenPages, Map) {
    check("map", 2);
}
TEST_F(GoldenPages, Findings) {
    check("findings", 3);
}
TEST_F(GoldenPages, Chronology) {
    check("chronology", 4);
}
TEST_F(GoldenPages, Provenance) {
    check("provenance", 5);
}

} // namespace
} // namespace redline::test
