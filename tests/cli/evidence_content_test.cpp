// Issue #7 acceptance: what an evidence pack says and never says, its reproducibility and its
// audit record.
#include "print/evidence_fixture.hpp"

#include <nlohmann/json.hpp>

#include <regex>

namespace redline::test {
namespace {

class EvidencePack : public ::testing::Test {
protected:
    void SetUp() override { m_ws = make_evidence_workspace(m_dir); }
    CliResult evidence(const std::string& out, std::vector<std::string> extra = {}) {
        std::vector<std::string> args{"evidence", m_ws.string(), "--case",
                                      k_case,     "--out",       (m_dir / out).string()};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_cli(args);
    }
    std::string text_of(const std::string& pdf) {
        return shell("pdftotext -layout '" + (m_dir / pdf).string() + "' -");
    }
    TempDir m_dir;
    std::filesystem::path m_ws;
};

TEST_F(EvidencePack, StatesCaseScaleInputsHashesAndOstn15) {
    const auto r = evidence("pack.pdf", {"--scale", "500", "--exhibit", "JB/7"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string text = text_of("pack.pdf");
    EXPECT_NE(text.find(k_case), std::string::npos);
    EXPECT_NE(text.find("Exhibit JB/7"), std::string::npos);
    EXPECT_NE(text.find("1:500 at A4"), std::string::npos);
    EXPECT_NE(text.find("OSTN15"), std::string::npos);
    EXPECT_NE(text.find("1 Test Street"), std::string::npos);
    EXPECT_NE(text.find("CMP/T/0001"), std::string::npos);
    // Every input's SHA-256, as the registry holds it, and the source files themselves.
    const auto layers = nlohmann::json::parse(run_cli({"layers", m_ws.string(), "--json"}).out);
    ASSERT_EQ(layers.size(), 2u);
    for (const char* file : {"buildings.geojson", "curtilages.geojson"}) {
        const std::string sha = shell("sha256sum '" + (m_dir / file).string() + "' | cut -c1-64");
        EXPECT_NE(text.find(sha.substr(0, 64)), std::string::npos) << file << " " << sha;
    }
    // The page count on the cover matches the document.
    const std::string info = shell("pdfinfo '" + (m_dir / "pack.pdf").string() + "'");
    std::smatch pages;
    ASSERT_TRUE(std::regex_search(info, pages, std::regex("Pages:\\s+(\\d+)")));
    EXPECT_NE(text.find(pages[1].str() + " including this cover"), std::string::npos);
    // No check run yet: a true statement, not an empty table.
    EXPECT_NE(text.find("No breach check has been run in this workspace."), std::string::npos);
}

TEST_F(EvidencePack, DefaultScaleIsTheLargestThatFits) {
    // The site is a 24 m curtilage: at 1:200 on A4 portrait (a 172 x 192 mm frame less 10 mm
    // margins) it needs 120 mm, which fits.
    ASSERT_EQ(evidence("a4.pdf").exit_code, 0);
    EXPECT_NE(text_of("a4.pdf").find("1:200 at A4"), std::string::npos);
    // A4 landscape has a frame 105 mm high: 120 mm does not fit at 1:200, so 1:500.
    ASSERT_EQ(evidence("land.pdf", {"--orientation", "landscape"}).exit_code, 0);
    EXPECT_NE(text_of("land.pdf").find("1:500 at A4"), std::string::npos);
}

TEST_F(EvidencePack, NeverContainsTheComplainant) {
    ASSERT_EQ(evidence("pack.pdf").exit_code, 0);
    const std::string text = text_of("pack.pdf");
    const std::string bytes = read_bytes(m_dir / "pack.pdf");
    const std::string info = shell("pdfinfo '" + (m_dir / "pack.pdf").string() + "'");
    for (const std::string& secret : {std::string(k_secret_name), std::string(k_secret_contact),
                                      std::string("Secretname"), std::string("ada.secret")}) {
        // pdftotext decodes the compressed content streams; the Info dictionary and the rest
        // of the file structure are plain bytes.
        EXPECT_EQ(text.find(secret), std::string::npos) << secret;
        EXPECT_EQ(bytes.find(secret), std::string::npos) << secret;
        EXPECT_EQ(info.find(secret), std::string::npos) << secret;
    }
    // The complaint's free-text description (which here names the complainant) is left out too.
    EXPECT_EQ(text.find("reported by"), std::string::npos);
    // The audit entry of the export does not name them either.
    const std::string audit = run_cli({"audit", m_ws.string(), "--json"}).out;
    EXPECT_EQ(audit.find("Secretname"), std::string::npos);
}

TEST_F(EvidencePack, SameWorkspaceSameBytesAndAuditedWithItsHash) {
    ASSERT_EQ(evidence("one.pdf", {"--paper", "A3"}).exit_code, 0);
    ASSERT_EQ(evidence("two.pdf", {"--paper", "A3"}).exit_code, 0);
    const std::string one = read_bytes(m_dir / "one.pdf");
    EXPECT_GT(one.size(), 1000u);
    EXPECT_TRUE(one == read_bytes(m_dir / "two.pdf")) << "packs differ";
    // The creation date is the case's latest event (opened 2026-01-05), not the clock.
    const std::string info = shell("pdfinfo -isodates '" + (m_dir / "one.pdf").string() + "'");
    EXPECT_NE(info.find("2026-01-05T00:00:00"), std::string::npos) << info;

    const std::string sha = shell("sha256sum '" + (m_dir / "one.pdf").string() + "' | cut -c1-64");
    const auto audit = nlohmann::json::parse(run_cli({"audit", m_ws.string(), "--json"}).out);
    int exports = 0;
    for (const auto& e : audit) {
        if (e["action"] != "evidence-export")
            continue;
        ++exports;
        const auto details = e["details"].is_string()
                                 ? nlohmann::json::parse(e["details"].get<std::string>())
                                 : e["details"];
        EXPECT_EQ(details["sha256"], sha.substr(0, 64));
        EXPECT_EQ(details["case"], k_case);
    }
    EXPECT_EQ(exports, 2);
}

TEST_F(EvidencePack, DateOptionFixesTheMetadataDate) {
    ASSERT_EQ(evidence("d.pdf", {"--date", "2026-03-04"}).exit_code, 0);
    const std::string info = shell("pdfinfo -isodates '" + (m_dir / "d.pdf").string() + "'");
    EXPECT_TRUE(std::regex_search(info, std::regex("CreationDate:\\s+2026-03-04T00:00:00")))
        << info;
    EXPECT_TRUE(std::regex_search(info, std::regex("ModDate:\\s+2026-03-04T00:00:00"))) << info;
}

TEST_F(EvidencePack, RefusesBadOptions) {
    EXPECT_EQ(evidence("x.pdf", {"--paper", "A5"}).exit_code, 2);
    EXPECT_EQ(evidence("x.pdf", {"--orientation", "sideways"}).exit_code, 2);
    EXPECT_EQ(evidence("x.pdf", {"--date", "2026-02-30"}).exit_code, 2);
    EXPECT_EQ(run_cli({"evidence", m_ws.string(), "--case", "ENF/NOPE", "--out",
                       (m_dir / "x.pdf").string()})
                  .exit_code,
              2);
    EXPECT_FALSE(std::filesystem::exists(m_dir / "x.pdf"));
}

} // namespace
} // namespace redline::test
