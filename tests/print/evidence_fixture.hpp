#pragma once
// A small workspace for the evidence pack tests: a 20 m square building (E 400001-400021,
// N 300001-300021) in a curtilage 2 m larger, a case on its UPRN and a complaint (at its
// north-east corner, clear of the lines the scale test measures along) whose
// complainant must never appear in a pack. Shared by tests/cli/evidence_*_test.cpp.

#include "cli/harness.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

namespace redline::test {

inline constexpr const char* k_secret_name = "Ada Secretname";
inline constexpr const char* k_secret_contact = "ada.secret@example.invalid";
inline constexpr const char* k_case = "ENF/T/0001";

/// A GeoJSON polygon feature collection of one square in EPSG:27700.
inline std::string square_geojson(double x0, double y0, double size, const std::string& props) {
    auto c = [](double x, double y) {
        return "[" + std::to_string(x) + "," + std::to_string(y) + "]";
    };
    return R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":)" + props +
           R"(,"geometry":{"type":"Polygon","coordinates":[[)" + c(x0, y0) + "," +
           c(x0 + size, y0) + "," + c(x0 + size, y0 + size) + "," + c(x0, y0 + size) + "," +
           c(x0, y0) + "]]}}]}";
}

/// Build the workspace in `dir`; returns its path. Fails the test on any CLI error.
inline std::filesystem::path make_evidence_workspace(const TempDir& dir) {
    const auto ws = dir / "ws.redline";
    auto ok = [](const CliResult& r) { ASSERT_EQ(r.exit_code, 0) << r.err << r.out; };
    ok(run_cli({"init", ws.string()}));
    {
        std::ofstream(dir / "buildings.geojson")
            << square_geojson(400001, 300001, 20, R"({"reference":"B1"})");
        std::ofstream(dir / "curtilages.geojson") << square_geojson(
            399999, 299999, 24, R"({"uprn":"100000000001","address_text":"1 Test Street"})");
    }
    ok(run_cli({"import", ws.string(), (dir / "buildings.geojson").string(), "--as", "building",
                "--name", "survey_buildings", "--crs", "EPSG:27700"}));
    ok(run_cli({"import", ws.string(), (dir / "curtilages.geojson").string(), "--as", "curtilage",
                "--name", "plots", "--crs", "EPSG:27700"}));
    ok(run_cli({"complaint", "add", ws.string(), "--ref", "CMP/T/0001", "--received", "2026-01-02",
                "--at", "400023,300023", "--category", "extension", "--description",
                "Extension reported by Ada Secretname", "--complainant-name", k_secret_name,
                "--complainant-contact", k_secret_contact}));
    ok(run_cli({"case", "add", ws.string(), "--ref", k_case, "--uprn", "100000000001", "--officer",
                "J. Bloggs", "--breach", "Rear extension", "--breach-start", "2025-12-01",
                "--opened", "2026-01-05"}));
    ok(run_cli({"case", "link", ws.string(), k_case, "CMP/T/0001"}));
    return ws;
}

/// Read a binary PGM (P5, 8-bit) as written by `pdftoppm -gray`.
struct GreyImage {
    int width = 0, height = 0;
    std::vector<unsigned char> pixels;
    int at(int x, int y) const { return pixels[std::size_t(y) * width + x]; }
};

inline GreyImage read_pgm(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string magic;
    int maxval = 0;
    GreyImage img;
    in >> magic >> img.width >> img.height >> maxval;
    in.get();
    img.pixels.resize(std::size_t(img.width) * img.height);
    in.read(reinterpret_cast<char*>(img.pixels.data()), std::streamsize(img.pixels.size()));
    if (magic != "P5" || maxval != 255 || !in)
        throw std::runtime_error("not an 8-bit PGM: " + path.string());
    return img;
}

/// Rasterise one page of a PDF in grey at `dpi` with pdftoppm.
inline GreyImage rasterise_page(const std::filesystem::path& pdf, int page, int dpi,
                                const std::filesystem::path& out_stem) {
    shell("pdftoppm -r " + std::to_string(dpi) + " -f " + std::to_string(page) + " -l " +
          std::to_string(page) + " -singlefile -gray '" + pdf.string() + "' '" + out_stem.string() +
          "'");
    return read_pgm(out_stem.string() + ".pgm");
}

inline std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace redline::test
