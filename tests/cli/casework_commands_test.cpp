// End-to-end: complaint and case commands, happy and unhappy paths, confidentiality.
#include "cli/harness.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace redline::test {
namespace {

std::string dump_of(const std::filesystem::path& ws) {
    return shell("sqlite3 '" + ws.string() + "' .dump");
}

class CaseworkCli : public ::testing::Test {
protected:
    void SetUp() override {
        const auto r = run_cli({"init", ws().string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    std::filesystem::path ws() const { return m_dir / "ws.redline"; }
    /// Run redline-cli with the workspace inserted after the command's name, which is two words
    /// ("complaint add") except for "audit".
    CliResult cli(std::vector<std::string> args) {
        const std::size_t name_words = args.front() == "audit" ? 1 : 2;
        args.insert(args.begin() + static_cast<long>(name_words), ws().string());
        return run_cli(args, {}, {"REDLINE_USER=officer1"});
    }
    void add_complaint(const std::string& ref) {
        const auto r = cli({"complaint", "add", "--ref", ref, "--received", "2024-02-29", "--at",
                            "530000,180000", "--category", "extension", "--complainant-name",
                            "Jo Bloggs", "--complainant-contact", "jo@example.org"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    /// Run a command that must fail with `exit_code` and `message`, leaving the file unchanged.
    void expect_refused(const std::vector<std::string>& args, int exit_code,
                        const std::string& message) {
        const auto before = dump_of(ws());
        const auto r = cli(args);
        EXPECT_EQ(r.exit_code, exit_code) << r.err;
        EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
        EXPECT_EQ(dump_of(ws()), before) << args[0] << " " << args[1];
    }

    TempDir m_dir;
};

TEST_F(CaseworkCli, ComplaintAddAtAndLonLat) {
    add_complaint("C/1");
    const auto r = cli({"complaint", "add", "--ref", "C/2", "--received", "2024-03-01", "--lonlat",
                        "-0.1276,51.5072", "--description", "loft dormer"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto list = cli({"complaint", "list", "--json"});
    ASSERT_EQ(list.exit_code, 0) << list.err;
    const auto j = nlohmann::json::parse(list.out);
    ASSERT_EQ(j.size(), 2u);
    EXPECT_EQ(j[0]["reference"], "C/1");
    EXPECT_EQ(j[0]["easting"], 530000.0);
    EXPECT_EQ(j[0]["category"], "extension");
    // Trafalgar Square by OSTN15: about E 530041, N 180358 (cs2cs with the OS grid agrees).
    EXPECT_NEAR(j[1]["easting"].get<double>(), 530041.45, 0.05);
    EXPECT_NEAR(j[1]["northing"].get<double>(), 180358.01, 0.05);
    EXPECT_EQ(j[1]["description"], "loft dormer");
}

TEST_F(CaseworkCli, ComplaintAddRefusesBadInputLeavingTheWorkspaceUnchanged) {
    add_complaint("C/1");
    expect_refused(
        {"complaint", "add", "--ref", "C/2", "--received", "2024-02-30", "--at", "530000,180000"},
        2, "--received '2024-02-30': not a real date (YYYY-MM-DD)");
    expect_refused(
        {"complaint", "add", "--ref", "C/2", "--received", "1/3/2024", "--at", "530000,180000"}, 2,
        "--received '1/3/2024': not a real date (YYYY-MM-DD)");
    expect_refused({"complaint", "add", "--ref", "C/2", "--received", "2024-03-01"}, 2,
                   "exactly one of --at E,N");
    expect_refused({"complaint", "add", "--ref", "C/2", "--received", "2024-03-01", "--at",
                    "530000,180000", "--lonlat", "-0.1,51.5"},
                   2, "exactly one of --at E,N");
    expect_refused(
        {"complaint", "add", "--ref", "C/2", "--received", "2024-03-01", "--at", "51.5,-0.1"}, 2,
        "not a British National Grid easting,northing");
    expect_refused({"complaint", "add", "--ref", "C/2", "--received", "2024-03-01", "--at",
                    "530000,180000", "--category", "noise"},
                   2, "--category 'noise': not one of building-works");
    expect_refused(
        {"complaint", "add", "--ref", "C/1", "--received", "2024-03-01", "--at", "530000,180000"},
        1, "complaint 'C/1' already exists");
    expect_refused({"complaint", "add", "--received", "2024-03-01", "--at", "530000,180000"}, 2,
                   "--ref is required");
}

TEST_F(CaseworkCli, ComplainantIdentityIsHiddenUnlessRevealedAndRevealingIsAudited) {
    add_complaint("C/1");
    const auto before = dump_of(ws());
    for (const auto& args : {std::vector<std::string>{"complaint", "list"},
                             std::vector<std::string>{"complaint", "list", "--json"}}) {
        const auto r = cli(args);
        ASSERT_EQ(r.exit_code, 0) << r.err;
        EXPECT_NE(r.out.find("C/1"), std::string::npos);
        EXPECT_EQ(r.out.find("Jo Bloggs"), std::string::npos) << r.out;
        EXPECT_EQ(r.out.find("jo@example.org"), std::string::npos) << r.out;
    }
    // Listing without revealing writes nothing.
    EXPECT_EQ(dump_of(ws()), before);
    auto audit = cli({"audit", "--json"});
    EXPECT_EQ(audit.out.find("Bloggs"), std::string::npos);

    auto r = cli({"complaint", "list", "--show-confidential"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("Jo Bloggs"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("jo@example.org"), std::string::npos) << r.out;
    r = cli({"complaint", "list", "--show-confidential", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)[0]["complainant_name"], "Jo Bloggs");

    audit = cli({"audit", "--json"});
    ASSERT_EQ(audit.exit_code, 0) << audit.err;
    const auto log = nlohmann::json::parse(audit.out);
    ASSERT_EQ(log.size(), 4u);
    EXPECT_EQ(log[2]["action"], "reveal-confidential");
    EXPECT_EQ(log[2]["user"], "officer1");
    EXPECT_EQ(log[2]["details"]["complaints"], nlohmann::json({"C/1"}));
    EXPECT_EQ(log[3]["action"], "reveal-confidential");
}

TEST_F(CaseworkCli, CasesAddLinkAndList) {
    add_complaint("C/1");
    add_complaint("C/2");
    auto r =
        cli({"case", "add", "--ref", "E/24/001", "--application", "23/01234/FUL", "--officer", "JB",
             "--breach", "rear extension deeper than approved", "--breach-start", "2024-01-15"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = cli(
        {"case", "add", "--ref", "E/24/002", "--uprn", "100023336956", "--at", "531000,181000"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_EQ(cli({"case", "link", "E/24/001", "C/2"}).exit_code, 0);
    ASSERT_EQ(cli({"case", "link", "E/24/001", "C/1"}).exit_code, 0);
    r = cli({"case", "key-date", "E/24/001", "pcn-served", "2024-02-01", "--note", "by post"});
    ASSERT_EQ(r.exit_code, 0) << r.err;

    r = cli({"case", "list"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("C/1,C/2"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("application 23/01234/FUL"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("UPRN 100023336956; E,N 531000.00,181000.00"), std::string::npos) << r.out;

    r = cli({"case", "list", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j.size(), 2u);
    EXPECT_EQ(j[0]["reference"], "E/24/001");
    EXPECT_EQ(j[0]["complaints"], nlohmann::json({"C/1", "C/2"}));
    EXPECT_EQ(j[0]["breach_start_date"], "2024-01-15");
    EXPECT_EQ(j[0]["officer"], "JB");
    EXPECT_TRUE(j[0]["site"].is_null());
    ASSERT_EQ(j[0]["key_dates"].size(), 3u);
    EXPECT_EQ(j[0]["key_dates"][0]["kind"], "breach-start");
    EXPECT_EQ(j[0]["key_dates"][1]["kind"], "pcn-served");
    EXPECT_EQ(j[0]["key_dates"][1]["note"], "by post");
    EXPECT_EQ(j[1]["site"]["easting"], 531000.0);
    EXPECT_TRUE(j[1]["complaints"].empty());
}

TEST_F(CaseworkCli, CaseCommandsRefuseBadInputLeavingTheWorkspaceUnchanged) {
    add_complaint("C/1");
    ASSERT_EQ(cli({"case", "add", "--ref", "E/1"}).exit_code, 0);
    ASSERT_EQ(cli({"case", "link", "E/1", "C/1"}).exit_code, 0);
    expect_refused({"case", "add", "--ref", "E/1"}, 1, "case 'E/1' already exists");
    expect_refused({"case", "add", "--ref", "E/2", "--breach-start", "2023-02-29"}, 2,
                   "--breach-start '2023-02-29': not a real date (YYYY-MM-DD)");
    expect_refused({"case", "add", "--ref", "E/2", "--uprn", "UPRN-12"}, 2,
                   "--uprn 'UPRN-12': a UPRN is up to 12 digits");
    expect_refused({"case", "add", "--ref", "E/2", "--at", "530000"}, 2,
                   "--at '530000': expected E,N");
    expect_refused({"case", "link", "E/9", "C/1"}, 1, "case 'E/9' does not exist");
    expect_refused({"case", "link", "E/1", "C/9"}, 1, "complaint 'C/9' does not exist");
    expect_refused({"case", "link", "E/1", "C/1"}, 1,
                   "complaint 'C/1' is already linked to case 'E/1'");
    expect_refused({"case", "link", "E/1"}, 2, "missing complaint reference");
    expect_refused({"case", "key-date", "E/1", "pcn-served", "2024-02-30"}, 2,
                   "date '2024-02-30': not a real date");
    expect_refused({"case", "list", "--officer", "JB"}, 2, "unknown option --officer");
}

} // namespace
} // namespace redline::test
