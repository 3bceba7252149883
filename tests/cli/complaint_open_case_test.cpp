// End-to-end: `redline-cli complaint add --open-case` opens a new case with the complaint linked,
// in one transaction, with the next reference of the workspace's numbering.
#include "cli/harness.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace redline::test {
namespace {

const std::vector<std::string> k_env = {"REDLINE_USER=officer1"};

class ComplaintOpenCase : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(run_cli({"init", ws()}, {}, k_env).exit_code, 0);
        const auto r = run_cli({"case", "add", ws(), "--ref", "ENF/26/0003", "--opened",
                                "2026-09-01", "--at", "531000,181000"},
                               {}, k_env);
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    std::string ws() const { return (m_dir / "ws.redline").string(); }
    std::string dump() const { return shell("sqlite3 '" + ws() + "' .dump"); }
    CliResult add(std::vector<std::string> extra) {
        std::vector<std::string> args{"complaint",     "add",        ws(),         "--ref",
                                      "CMP/26/0040",   "--received", "2026-10-02", "--at",
                                      "530000,180000", "--category", "extension"};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_cli(args, {}, k_env);
    }
    TempDir m_dir;
};

TEST_F(ComplaintOpenCase, OpensTheNextCaseWithTheComplaintLinked) {
    const auto r = add({"--open-case", "--officer", "A. Khan", "--breach", "Rear extension",
                        "--breach-type", "operational"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("opened case 'ENF/26/0004' with it"), std::string::npos) << r.out;
    const auto cases =
        nlohmann::json::parse(run_cli({"case", "list", ws(), "--json"}, {}, k_env).out);
    ASSERT_EQ(cases.size(), 2u);
    EXPECT_EQ(cases[1]["reference"], "ENF/26/0004");
    EXPECT_EQ(cases[1]["officer"], "A. Khan");
    EXPECT_EQ(cases[1]["alleged_breach"], "Rear extension");
    EXPECT_EQ(cases[1]["complaints"], nlohmann::json::array({"CMP/26/0040"}));
    // No curtilage here: the case is placed at the complaint's point.
    EXPECT_EQ(cases[1]["site"]["easting"], 530000.0);
    const auto log = nlohmann::json::parse(run_cli({"audit", ws(), "--json"}, {}, k_env).out);
    ASSERT_GE(log.size(), 3u);
    EXPECT_EQ(log[log.size() - 3]["action"], "complaint-add");
    EXPECT_EQ(log[log.size() - 2]["action"], "case-add");
    EXPECT_EQ(log[log.size() - 2]["details"]["breach_type"], "operational");
    EXPECT_EQ(log.back()["action"], "case-link");
    const auto shown = run_cli({"case", "show", ws(), "ENF/26/0004", "--json"}, {}, k_env);
    ASSERT_EQ(shown.exit_code, 0) << shown.err;
    EXPECT_EQ(nlohmann::json::parse(shown.out)["breach_type"], "operational");
}

TEST_F(ComplaintOpenCase, AGivenReferenceIsUsedAndATakenOneRefusedWithNothingWritten) {
    const auto before = dump();
    auto r = add({"--open-case", "--case-ref", "ENF/26/0003"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("case reference 'ENF/26/0003' is already taken"), std::string::npos)
        << r.err;
    // Mixed up options are refused before the workspace is opened.
    r = add({"--open-case", "--join-case"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("--join-case or --open-case, not both"), std::string::npos) << r.err;
    r = add({"--officer", "A. Khan"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("--officer is for the case --open-case opens"), std::string::npos)
        << r.err;
    r = add({"--open-case", "--opened", "2026-09-30"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("before the complaint was received (2026-10-02)"), std::string::npos)
        << r.err;
    EXPECT_EQ(dump(), before);

    r = add({"--open-case", "--case-ref", "ENF/26/0100", "--opened", "2026-10-02"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("opened case 'ENF/26/0100' with it"), std::string::npos) << r.out;
}

} // namespace
} // namespace redline::test
