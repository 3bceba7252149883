// "The same from the viewer" (issue #7): the viewer's Export > Evidence pack, run as the app runs
// it (its worker's body, from the form's text fields), and `redline-cli evidence` with the same
// options give byte-identical PDFs of the demo workspace, both audited with the same SHA-256.
#include "app/casework_jobs.hpp"
#include "core/sha256.hpp"
#include "io/raster_writer.hpp"
#include "store/workspace.hpp"
#include "unit/store/store_test_util.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

using namespace redline;

namespace {

std::string bytes_of(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

class EvidenceFromViewer : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new store::test::ScratchDir();
        int status = 0;
        const std::string out = store::test::run_command("REDLINE_USER=officer1 " +
                                                             store::test::quoted(REDLINE_CLI_PATH) +
                                                             " demo " + store::test::quoted(ws()),
                                                         status);
        ASSERT_EQ(status, 0) << out;
    }
    static void TearDownTestSuite() {
        delete s_dir;
        s_dir = nullptr;
    }
    static std::filesystem::path ws() { return *s_dir / "demo.sqlite"; }
    static std::filesystem::path file(const std::string& name) { return *s_dir / name; }

    /// The CLI's pack with these options (empty ones left out, as a user would).
    static void cli_pack(const ui::ExportEvidencePack& a) {
        std::string cmd = "REDLINE_USER=officer1 " + store::test::quoted(REDLINE_CLI_PATH) +
                          " evidence " + store::test::quoted(ws()) + " --case '" +
                          a.case_reference + "' --out " + store::test::quoted(a.path);
        const std::pair<const char*, std::string> options[] = {
            {"--scale", a.scale},     {"--paper", a.paper},     {"--orientation", a.orientation},
            {"--exhibit", a.exhibit}, {"--officer", a.officer}, {"--date", a.date}};
        for (const auto& [name, value] : options)
            if (!value.empty())
                cmd += std::string(" ") + name + " '" + value + "'";
        for (const auto& b : a.basemaps)
            cmd += " --basemap " + store::test::quoted(b.path);
        int status = 0;
        const std::string out = store::test::run_command(cmd, status);
        ASSERT_EQ(status, 0) << cmd << "\n" << out;
    }

    static store::test::ScratchDir* s_dir;
};
store::test::ScratchDir* EvidenceFromViewer::s_dir = nullptr;

} // namespace

TEST_F(EvidenceFromViewer, DefaultsGiveTheCliPackByteForByte) {
    ui::ExportEvidencePack viewer{
        "ENF/26/0009", "", "A4", "portrait", "", "", "", file("viewer-default.pdf").string()};
    const app::CaseworkResult r = app::run_casework(ws(), viewer);
    ASSERT_TRUE(r.ok) << r.message;
    ui::ExportEvidencePack cli = viewer;
    cli.paper = cli.orientation = ""; // the CLI's defaults, not typed
    cli.path = file("cli-default.pdf").string();
    cli_pack(cli);
    const std::string a = bytes_of(viewer.path), b = bytes_of(cli.path);
    ASSERT_GT(a.size(), 10000u);
    EXPECT_TRUE(a == b) << "the viewer's pack differs from the CLI's";
}

TEST_F(EvidenceFromViewer, ChosenOptionsGiveTheCliPackAndBothAreAudited) {
    ui::ExportEvidencePack viewer{
        "ENF/26/0010", "1:1250",  "A3",         "landscape",
        "AK/3",        "A. Khan", "2026-11-01", file("viewer-a3.pdf").string()};
    const app::CaseworkResult r = app::run_casework(ws(), viewer);
    ASSERT_TRUE(r.ok) << r.message;
    EXPECT_NE(r.message.find("AK/3"), std::string::npos);
    ui::ExportEvidencePack cli = viewer;
    cli.path = file("cli-a3.pdf").string();
    cli_pack(cli);
    const std::string a = bytes_of(viewer.path), b = bytes_of(cli.path);
    ASSERT_GT(a.size(), 10000u);
    EXPECT_TRUE(a == b) << "the viewer's pack differs from the CLI's";

    const std::string sha = core::sha256_hex(a);
    const auto log = store::Workspace::open(ws(), "reader").audit_log();
    int entries = 0;
    for (const auto& e : log)
        if (e.action == "evidence-export" &&
            e.details.find("\"sha256\":\"" + sha + "\"") != std::string::npos)
            ++entries;
    EXPECT_EQ(entries, 2) << "one entry from the viewer, one from the CLI, same hash";
}

namespace {

/// A grey checkerboard GeoTIFF of 10 m squares in EPSG:27700 over every layer of `ws`.
std::filesystem::path checkerboard_over(const std::filesystem::path& ws,
                                        const std::filesystem::path& out) {
    core::Envelope all;
    for (const auto& l : store::Workspace::open(ws, "reader").layers())
        if (!l.extent.empty()) {
            all.expand(core::Coord{l.extent.min_x, l.extent.min_y});
            all.expand(core::Coord{l.extent.max_x, l.extent.max_y});
        }
    io::RasterSpec spec;
    spec.cell = 2;
    spec.west = std::floor(all.min_x / 10) * 10 - 200;
    spec.north = std::ceil(all.max_y / 10) * 10 + 200;
    spec.cols = std::size_t((all.max_x + 200 - spec.west) / spec.cell) + 1;
    spec.rows = std::size_t((spec.north - all.min_y + 200) / spec.cell) + 1;
    std::vector<double> v(spec.cols * spec.rows);
    for (std::size_t r = 0; r < spec.rows; ++r)
        for (std::size_t c = 0; c < spec.cols; ++c)
            v[r * spec.cols + c] = ((c / 5 + r / 5) % 2) ? 235 : 190;
    io::write_geotiff(out, spec, v);
    return out;
}

} // namespace

TEST_F(EvidenceFromViewer, ExportTakesTheVisibleBasemapsAtTheirOpacity) {
    app::AppState state;
    state.workspace = ws().string();
    state.scene = std::make_unique<scene::Scene>();
    core::Envelope e;
    e.expand(core::Coord{0, 0});
    e.expand(core::Coord{1000, 1000});
    scene::Basemap bottom("bottom.tif", e, 1), hidden("hidden.tif", e, 1), top("top.tif", e, 1);
    bottom.opacity = 0.5f;
    hidden.visible = false;
    state.scene->add_basemap(std::move(bottom));
    state.scene->add_basemap(std::move(hidden));
    state.scene->add_basemap(std::move(top));
    app::execute_casework(state, ui::ExportEvidencePack{"ENF/26/0009", "", "", "", "", "", "",
                                                        file("unused.pdf").string()});
    ASSERT_TRUE(state.casework_request.has_value()) << state.casework.error;
    const auto& request = std::get<ui::ExportEvidencePack>(*state.casework_request);
    ASSERT_EQ(request.basemaps.size(), 2u);
    EXPECT_EQ(request.basemaps[0].path, "bottom.tif");
    EXPECT_FLOAT_EQ(request.basemaps[0].opacity, 0.5f);
    EXPECT_EQ(request.basemaps[1].path, "top.tif");
    EXPECT_FLOAT_EQ(request.basemaps[1].opacity, 1.0f);
}

TEST_F(EvidenceFromViewer, PackWithABasemapIsTheCliPackByteForByte) {
    const auto tif = checkerboard_over(ws(), file("checker.tif")).string();
    ui::ExportEvidencePack viewer{
        "ENF/26/0009", "", "", "", "", "", "2026-11-01", file("viewer-basemap.pdf").string()};
    viewer.basemaps = {{tif, 1.0f}};
    const app::CaseworkResult r = app::run_casework(ws(), viewer);
    ASSERT_TRUE(r.ok) << r.message;
    ui::ExportEvidencePack cli = viewer;
    cli.path = file("cli-basemap.pdf").string();
    cli_pack(cli);
    const std::string a = bytes_of(viewer.path), b = bytes_of(cli.path);
    EXPECT_TRUE(a == b) << "the viewer's pack differs from the CLI's";
    EXPECT_NE(a.find("/Subtype /Image"), std::string::npos) << "no basemap image in the pack";

    // The viewer's opacity reaches the page: half opacity is another pack.
    viewer.basemaps = {{tif, 0.5f}};
    viewer.path = file("viewer-basemap-half.pdf").string();
    const app::CaseworkResult half = app::run_casework(ws(), viewer);
    ASSERT_TRUE(half.ok) << half.message;
    EXPECT_FALSE(bytes_of(viewer.path) == a);
}
