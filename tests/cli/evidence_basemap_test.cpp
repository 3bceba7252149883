// Raster basemaps in evidence packs: a synthetic GeoTIFF in EPSG:27700 (white, with a dark 10 m
// square and a dark east-west band at known coordinates) is printed under the layers at the
// pack's stated scale. The rasterised map page is measured against the test building drawn over
// it: the square must be where and as large as 1:500 puts it, the band must stop at the map
// frame, the picture must be embedded once, and the provenance must carry the file's SHA-256
// and copyright. A missing, corrupt or unplaceable basemap fails naming the file, writing nothing.
#include "core/sha256.hpp"
#include "print/evidence_fixture.hpp"

#include <cpl_conv.h>
#include <gdal.h>
#include <ogr_srs_api.h>

#include <functional>

namespace redline::test {
namespace {

constexpr double k_px_per_mm = 300.0 / 25.4;
constexpr double k_scale = 500;
/// The building's centre, which is also the site's (fixture) and so the frame's centre.
constexpr double k_building_e = 400011, k_building_n = 300011;
/// The dark square, E 399983-399993, N 300025-300035: clear of the building, its curtilage, the
/// complaint and the 20 m grid crosses.
constexpr double k_square_w = 399983, k_square_s = 300025, k_square_m = 10;
/// The dark band, N 299975-299980, across the whole basemap (wider than the frame).
constexpr double k_band_s = 299975, k_band_n = 299980;
constexpr unsigned char k_dark[3] = {0, 0, 160};

using Colour = std::function<const unsigned char*(double e, double n)>;

/// An RGB GeoTIFF with `cell_m` pixels from (west, north) in `epsg`, coloured by `colour` at
/// each pixel's centre, with TIFFTAG_COPYRIGHT when `copyright` is not empty.
void write_geotiff(const std::filesystem::path& path, int epsg, double west, double north,
                   double cell_m, int width, int height, const Colour& colour,
                   const std::string& copyright) {
    GDALAllRegister();
    GDALDatasetH ds =
        GDALCreate(GDALGetDriverByName("GTiff"), path.c_str(), width, height, 3, GDT_Byte, nullptr);
    ASSERT_NE(ds, nullptr);
    double gt[6] = {west, cell_m, 0, north, 0, -cell_m};
    GDALSetGeoTransform(ds, gt);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, epsg);
    char* wkt = nullptr;
    OSRExportToWkt(srs, &wkt);
    GDALSetProjection(ds, wkt);
    CPLFree(wkt);
    OSRDestroySpatialReference(srs);
    if (!copyright.empty())
        GDALSetMetadataItem(ds, "TIFFTAG_COPYRIGHT", copyright.c_str(), nullptr);
    std::vector<unsigned char> pixels(std::size_t(width) * height * 3);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const unsigned char* c = colour(west + (x + 0.5) * cell_m, north - (y + 0.5) * cell_m);
            for (int b = 0; b < 3; ++b)
                pixels[(std::size_t(b) * height + y) * width + x] = c[b];
        }
    ASSERT_EQ(GDALDatasetRasterIO(ds, GF_Write, 0, 0, width, height, pixels.data(), width, height,
                                  GDT_Byte, 3, nullptr, 0, 0, 0),
              CE_None);
    GDALClose(ds);
}

/// The test basemap: E 399900-400100, N 299900-300100 at 0.5 m.
void write_test_basemap(const std::filesystem::path& path, const std::string& copyright) {
    static const unsigned char white[3] = {255, 255, 255};
    write_geotiff(
        path, 27700, 399900, 300100, 0.5, 400, 400,
        [](double e, double n) -> const unsigned char* {
            const bool square = e > k_square_w && e < k_square_w + k_square_m && n > k_square_s &&
                                n < k_square_s + k_square_m;
            const bool band = n > k_band_s && n < k_band_n;
            return square || band ? k_dark : white;
        },
        copyright);
}

bool is_fill(int g) {
    return g >= 158 && g <= 174; // the building's grey fill over white (see evidence_scale_test)
}

/// Sub-pixel edges where a profile crosses `level` going out from `inside` either way.
std::pair<double, double> edges(const std::vector<int>& v, int inside, double level) {
    int l = inside, r = inside;
    while (l > 0 && v[l - 1] < level)
        --l;
    while (r + 1 < int(v.size()) && v[r + 1] < level)
        ++r;
    auto cross = [&](int i) { // between i and i + 1
        const double a = v[i], b = v[i + 1];
        return a == b ? i + 0.5 : i + 0.5 + (level - a) / (b - a);
    };
    return {l > 0 ? cross(l - 1) : 0.0, r + 1 < int(v.size()) ? cross(r) : double(v.size())};
}

struct Pack {
    CliResult result;
    std::filesystem::path pdf;
};

Pack make_pack(const TempDir& dir, const std::string& ws, const std::string& name,
               const std::vector<std::string>& extra) {
    std::vector<std::string> args = {
        "evidence", ws,       "--case",     k_case,  "--scale",
        "500",      "--date", "2026-11-01", "--out", (dir / name).string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return {run_cli(args, {}, {"REDLINE_USER=jb"}), dir / name};
}

TEST(EvidenceBasemap, PrintedUnderTheLayersAtTheStatedScale) {
    TempDir dir;
    const auto ws = make_evidence_workspace(dir).string();
    const auto tif = dir / "base.tif";
    write_test_basemap(tif, "(c) Test Mapping 2026");
    const Pack pack = make_pack(dir, ws, "pack.pdf", {"--basemap", tif.string()});
    ASSERT_EQ(pack.result.exit_code, 0) << pack.result.err;
    const GreyImage img = rasterise_page(pack.pdf, 2, 300, dir / "map");

    // The building (drawn over the basemap): the middle of its fill, row and column. The longest
    // run of its grey that is as tall as it is wide (the band's anti-aliased edge has that grey
    // too, in a long thin line).
    int best = 0, bx = -1, top = 0, bottom = 0;
    for (int y = 0; y < img.height; ++y)
        for (int x = 0, run = 0; x < img.width; ++x) {
            run = is_fill(img.at(x, y)) ? run + 1 : 0;
            if (run <= best || run < 300)
                continue;
            int t = y, b = y;
            while (t > 0 && is_fill(img.at(x - run / 2, t - 1)))
                --t;
            while (b + 1 < img.height && is_fill(img.at(x - run / 2, b + 1)))
                ++b;
            if (b - t < 300)
                continue;
            best = run, bx = x - run / 2, top = t, bottom = b;
        }
    ASSERT_GT(best, 300) << "building not found";
    int left = bx, right = bx;
    const int mid_y = (top + bottom) / 2;
    while (is_fill(img.at(left - 1, mid_y)))
        --left;
    while (is_fill(img.at(right + 1, mid_y)))
        ++right;
    const double cx = (left + right + 1) / 2.0, cy = (top + bottom + 1) / 2.0;

    // Where 1:500 puts the square's centre relative to the building's, and how big.
    const double k = 1000.0 / k_scale * k_px_per_mm; // px per ground metre
    const double sx = cx + (k_square_w + k_square_m / 2 - k_building_e) * k;
    const double sy = cy - (k_square_s + k_square_m / 2 - k_building_n) * k;
    const int ix = int(sx), iy = int(sy);
    ASSERT_LT(img.at(ix, iy), 100) << "no dark basemap pixel where the square should be";
    std::vector<int> row(img.width), col(img.height);
    for (int x = 0; x < img.width; ++x)
        row[x] = img.at(x, iy);
    for (int y = 0; y < img.height; ++y)
        col[y] = img.at(ix, y);
    const double level = (255.0 + img.at(ix, iy)) / 2; // halfway from the dark blue to white
    const auto [x0, x1] = edges(row, ix, level);
    const auto [y0, y1] = edges(col, iy, level);
    const double side_px = k_square_m * k; // 20 mm: 236.2 px
    EXPECT_NEAR(x1 - x0, side_px, side_px * 0.01);
    EXPECT_NEAR(y1 - y0, side_px, side_px * 0.01);
    // Within 3 px (0.25 mm on paper, 0.13 m of ground) of where the building says it must be.
    EXPECT_NEAR((x0 + x1) / 2, sx, 3.0);
    EXPECT_NEAR((y0 + y1) / 2, sy, 3.0);

    // The band runs across the whole basemap, wider than the page, but stops at the map frame.
    const int band_y = int(cy + (k_building_n - (k_band_s + k_band_n) / 2) * k);
    int first = -1, last = -1;
    for (int x = 0; x < img.width; ++x)
        if (img.at(x, band_y) < 100) {
            if (first < 0)
                first = x;
            last = x;
        }
    ASSERT_GE(first, 0) << "the band is not on the page";
    EXPECT_GT(first, 10 * k_px_per_mm) << "the basemap is not clipped to the frame";
    EXPECT_LT(last, img.width - 10 * k_px_per_mm) << "the basemap is not clipped to the frame";
    EXPECT_GT(last - first, 150 * k_px_per_mm) << "the band should cross the whole frame";

    // One picture, embedded once.
    const std::string pdf = read_bytes(pack.pdf);
    std::size_t images = 0;
    for (auto at = pdf.find("/Subtype /Image"); at != std::string::npos;
         at = pdf.find("/Subtype /Image", at + 1))
        ++images;
    EXPECT_EQ(images, 1u);

    // The provenance names it with its hash and copyright; the map page credits it.
    const std::string text = shell("pdftotext -layout '" + pack.pdf.string() + "' -");
    EXPECT_NE(text.find(core::sha256_file(tif)), std::string::npos) << text;
    EXPECT_NE(text.find("base.tif"), std::string::npos);
    EXPECT_NE(text.find("(c) Test Mapping 2026"), std::string::npos);
    const std::string map_text = shell("pdftotext -f 2 -l 2 '" + pack.pdf.string() + "' -");
    EXPECT_NE(map_text.find("Basemap base.tif: (c) Test Mapping 2026"), std::string::npos)
        << map_text;
}

TEST(EvidenceBasemap, CreditGivenOnTheCommandLineIsPrinted) {
    TempDir dir;
    const auto ws = make_evidence_workspace(dir).string();
    const auto tif = dir / "plain.tif";
    write_test_basemap(tif, "");
    const Pack without = make_pack(dir, ws, "none.pdf", {"--basemap", tif.string()});
    ASSERT_EQ(without.result.exit_code, 0) << without.result.err;
    const std::string none = shell("pdftotext '" + without.pdf.string() + "' -");
    EXPECT_NE(none.find("no copyright statement"), std::string::npos) << none;

    const Pack credited =
        make_pack(dir, ws, "credited.pdf",
                  {"--basemap", tif.string(), "--basemap-credit", "Crown copyright TEST-1234"});
    ASSERT_EQ(credited.result.exit_code, 0) << credited.result.err;
    const std::string text = shell("pdftotext -f 2 -l 2 '" + credited.pdf.string() + "' -");
    EXPECT_NE(text.find("Basemap plain.tif: Crown copyright TEST-1234"), std::string::npos) << text;
}

/// A failed pack names the file, exits non-zero and leaves no PDF (nor a temporary file).
void expect_refused(const TempDir& dir, const std::string& ws, const std::filesystem::path& bad,
                    const std::string& why) {
    const Pack pack = make_pack(dir, ws, "refused.pdf", {"--basemap", bad.string()});
    EXPECT_NE(pack.result.exit_code, 0) << why;
    EXPECT_NE(pack.result.err.find(bad.string()), std::string::npos) << why << pack.result.err;
    EXPECT_FALSE(std::filesystem::exists(pack.pdf)) << why;
    EXPECT_FALSE(std::filesystem::exists(pack.pdf.string() + ".tmp")) << why;
}

TEST(EvidenceBasemap, BadBasemapIsRefusedNamingTheFile) {
    TempDir dir;
    const auto ws = make_evidence_workspace(dir).string();
    expect_refused(dir, ws, dir / "missing.tif", "missing file");
    std::ofstream(dir / "corrupt.tif") << "II* this is not a TIFF, only its first bytes";
    expect_refused(dir, ws, dir / "corrupt.tif", "corrupt file");
    // Georeferenced, but in the Pacific: nowhere on the British National Grid.
    write_geotiff(
        dir / "pacific.tif", 4326, -150, 10, 0.01, 20, 20,
        [](double, double) -> const unsigned char* { return k_dark; }, "");
    expect_refused(dir, ws, dir / "pacific.tif", "outside EPSG:27700");
}

} // namespace
} // namespace redline::test
