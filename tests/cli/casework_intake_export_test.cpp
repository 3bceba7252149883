// End-to-end: the casework paths the CLI shares with the viewer (workflow module): stage
// transitions refused with the reason, complaints imported from a CSV of OS grid references, the
// workload exported as CSV and audited.
#include "cli/harness.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace redline::test {
namespace {

const std::vector<std::string> k_env = {"REDLINE_USER=officer1"};

class CaseworkShared : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(run_cli({"init", ws()}, {}, k_env).exit_code, 0);
        const auto r = run_cli({"case", "add", ws(), "--ref", "ENF/1", "--opened", "2026-09-01",
                                "--at", "533000,179000", "--officer", "J. Bloggs"},
                               {}, k_env);
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    std::string ws() const { return (m_dir / "ws.redline").string(); }
    std::string dump() const { return shell("sqlite3 '" + ws() + "' .dump"); }
    TempDir m_dir;
};

TEST_F(CaseworkShared, ImpossibleTransitionsAreRefusedWithTheReason) {
    const auto before = dump();
    auto r = run_cli({"case", "stage", ws(), "ENF/1", "appeal", "--date", "2026-10-01"}, {}, k_env);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("nothing to appeal"), std::string::npos) << r.err;
    r = run_cli({"case", "stage", ws(), "ENF/1", "acknowledged", "--date", "2026-08-31"}, {},
                k_env);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("was opened on 2026-09-01"), std::string::npos) << r.err;
    r = run_cli({"case", "stage", ws(), "ENF/1", "negotiation", "--date", "2026-09-10",
                 "--effective", "2026-10-10"},
                {}, k_env);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("effective date belongs to notice-issued"), std::string::npos) << r.err;
    EXPECT_EQ(dump(), before);
    // In order it is accepted, and then an earlier date is not.
    ASSERT_EQ(
        run_cli({"case", "stage", ws(), "ENF/1", "site-visit", "--date", "2026-09-10"}, {}, k_env)
            .exit_code,
        0);
    r = run_cli({"case", "stage", ws(), "ENF/1", "acknowledged", "--date", "2026-09-02"}, {},
                k_env);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("is at site-visit since 2026-09-10"), std::string::npos) << r.err;
}

TEST_F(CaseworkShared, ComplaintsFromACsvOfGridReferencesWithDuplicatesOffered) {
    const auto csv = m_dir / "reports.csv";
    std::ofstream(csv) << "reference,received_date,category,grid_ref,complainant_name\n"
                          "C/1,2026-09-01,extension,TQ 33000 79000,Ada Secretname\n"
                          "C/2,2026-09-05,extension,TQ 33005 79003,Bo Private\n";
    const auto r = run_cli({"complaint", "import", ws(), csv.string()}, {}, k_env);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("imported 2 complaints"), std::string::npos) << r.out;
    // No curtilage layer: the same site means within 25 m; 4 days apart.
    EXPECT_NE(r.out.find("possible duplicate: C/1 and C/2, 4 days apart"), std::string::npos)
        << r.out;
    const auto list = run_cli({"complaint", "list", ws(), "--json"}, {}, k_env);
    EXPECT_NE(list.out.find("533000.5"), std::string::npos) << list.out;
    EXPECT_EQ(list.out.find("Secretname"), std::string::npos);
}

TEST_F(CaseworkShared, WorkloadCsvIsWrittenAndAudited) {
    const auto out = (m_dir / "workload.csv").string();
    const auto r = run_cli({"workload", ws(), "--as-of", "2026-11-01", "--out", out}, {}, k_env);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::ifstream in(out);
    std::stringstream s;
    s << in.rdbuf();
    EXPECT_EQ(s.str().rfind("rank,case,priority,stage,officer,due_date", 0), 0u) << s.str();
    EXPECT_NE(s.str().find("\n1,ENF/1,P3,received,J. Bloggs,"), std::string::npos) << s.str();
    const auto sha = shell("sha256sum '" + out + "' | cut -c1-64");
    const auto audit = shell("sqlite3 '" + ws() +
                             "' \"SELECT details FROM audit_log WHERE action = "
                             "'workload-export'\"");
    EXPECT_NE(audit.find(sha.substr(0, 64)), std::string::npos) << audit;
    EXPECT_NE(r.out.find(sha.substr(0, 64)), std::string::npos) << r.out;
    EXPECT_EQ(run_cli({"workload", ws(), "--out", out, "--json"}, {}, k_env).exit_code, 2);
}

} // namespace
} // namespace redline::test
