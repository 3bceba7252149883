// The evidence pack's shared path: options parsed as both front ends type them, the PDF written
// and audited with its own SHA-256, the same bytes every time.
#include "workflow/evidence_export.hpp"

#include "core/error.hpp"
#include "core/sha256.hpp"
#include "unit/store/store_test_util.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace redline;

namespace {

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// A workspace with one case located by a point and one linked complaint whose complainant must
/// never reach the pack.
std::filesystem::path workspace(const store::test::ScratchDir& dir) {
    const auto path = dir / "ws.sqlite";
    auto ws = store::Workspace::create(path, "officer1");
    core::Complaint c;
    c.reference = "CMP/1";
    c.received_date = "2026-09-01";
    c.category = "extension";
    c.complainant_name = "Ada Secretname";
    c.complainant_contact = "ada.secret@example.invalid";
    c.location = {533010, 179010};
    ws.add_complaint(c);
    core::EnforcementCase k;
    k.reference = "ENF/26/0001";
    k.opened_date = "2026-09-02";
    k.officer = "Jo Bloggs";
    k.site = core::Coord{533000, 179000};
    k.complaint_references = {"CMP/1"};
    ws.add_case(k);
    return path;
}

} // namespace

TEST(EvidenceOptions, ParsedAsTheCliAndTheViewerTypeThem) {
    const auto o = workflow::parse_evidence_options(
        {"ENF/1", "1:500", "a3", "landscape", "JB/2", "J. Bloggs", "2026-11-01"});
    EXPECT_EQ(o.case_reference, "ENF/1");
    ASSERT_TRUE(o.scale);
    EXPECT_EQ(*o.scale, 500);
    EXPECT_EQ(o.paper, print::Paper::A3);
    EXPECT_EQ(o.orientation, print::Orientation::Landscape);
    EXPECT_EQ(o.date, "2026-11-01");
    const auto d = workflow::parse_evidence_options({"ENF/1"});
    EXPECT_FALSE(d.scale); // the largest standard scale that fits, as the CLI's default
    EXPECT_EQ(d.paper, print::Paper::A4);
    EXPECT_EQ(d.orientation, print::Orientation::Portrait);
    EXPECT_THROW(workflow::parse_evidence_options({"ENF/1", "1:7"}), core::UsageError);
    EXPECT_THROW(workflow::parse_evidence_options({"ENF/1", "", "A5"}), core::UsageError);
    EXPECT_THROW(workflow::parse_evidence_options({"ENF/1", "", "", "", "", "", "2026-13-01"}),
                 core::UsageError);
    EXPECT_THROW(workflow::parse_evidence_options({""}), core::UsageError);
    EXPECT_EQ(workflow::default_exhibit("J. Bloggs"), "JB/1");
    EXPECT_EQ(workflow::default_exhibit(""), "EX/1");
}

TEST(EvidenceExport, SameBytesEachTimeAuditedWithTheirHash) {
    store::test::ScratchDir dir;
    const auto path = workspace(dir);
    auto ws = store::Workspace::open(path, "officer1");
    const auto options = workflow::parse_evidence_options({"ENF/26/0001", "500"});
    const auto a = workflow::export_evidence_pack(ws, options, dir / "a.pdf");
    const auto b = workflow::export_evidence_pack(ws, options, dir / "b.pdf");
    const std::string pdf = read_file(dir / "a.pdf");
    ASSERT_GT(pdf.size(), 1000u);
    EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
    EXPECT_EQ(pdf, read_file(dir / "b.pdf"));
    EXPECT_EQ(a.sha256, core::sha256_hex(pdf));
    EXPECT_EQ(a.sha256, b.sha256);
    EXPECT_EQ(a.pack.exhibit, "JB/1");
    EXPECT_FALSE(std::filesystem::exists(dir / "a.pdf.tmp"));
    const auto log = ws.audit_log();
    ASSERT_GE(log.size(), 2u);
    EXPECT_EQ(log.back().action, "evidence-export");
    EXPECT_NE(log.back().details.find("\"sha256\":\"" + a.sha256 + "\""), std::string::npos);
    EXPECT_NE(log.back().details.find("\"file\":\"b.pdf\""), std::string::npos);
    EXPECT_EQ(log.back().details.find("Secretname"), std::string::npos);
    EXPECT_EQ(pdf.find("Secretname"), std::string::npos);
}

TEST(EvidenceExport, AnUnknownCaseWritesNoFileAndNoAuditEntry) {
    store::test::ScratchDir dir;
    const auto path = workspace(dir);
    auto ws = store::Workspace::open(path, "officer1");
    const auto entries = ws.audit_log().size();
    EXPECT_THROW(workflow::export_evidence_pack(ws, workflow::parse_evidence_options({"ENF/9"}),
                                                dir / "x.pdf"),
                 core::UsageError);
    EXPECT_FALSE(std::filesystem::exists(dir / "x.pdf"));
    EXPECT_EQ(ws.audit_log().size(), entries);
}
