// "The same from the viewer" (issue #7): the viewer's Export > Evidence pack, run as the app runs
// it (its worker's body, from the form's text fields), and `redline-cli evidence` with the same
// options give byte-identical PDFs of the demo workspace, both audited with the same SHA-256.
#include "app/casework_jobs.hpp"
#include "core/sha256.hpp"
#include "store/workspace.hpp"
#include "unit/store/store_test_util.hpp"

#include <gtest/gtest.h>

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
