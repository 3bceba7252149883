// End-to-end: init, layers and audit on real workspace files.
#include "cli/harness.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

namespace redline::test {
namespace {

std::string dump_of(const std::filesystem::path& ws) {
    return shell("sqlite3 '" + ws.string() + "' .dump");
}

std::filesystem::path init_workspace(const TempDir& dir) {
    const auto ws = dir / "ws.redline";
    const auto r = run_cli({"init", ws.string()}, {}, {"REDLINE_USER=alice"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return ws;
}

/// Two tree points in a CSV already in EPSG:27700.
std::filesystem::path trees_csv(const TempDir& dir) {
    const auto path = dir / "tpo_trees.csv";
    std::ofstream(path) << "reference,tree_preservation_order,easting,northing\n"
                           "T1,TPO/12,530000,180000\n"
                           "T2,TPO/12,530010.5,180020.25\n";
    return path;
}

TEST(StoreWorkspaceCli, InitCreatesAWalWorkspaceAndRefusesAnExistingFile) {
    TempDir dir;
    const auto ws = dir / "ws.redline";
    auto r = run_cli({"init", ws.string()}, {}, {"REDLINE_USER=alice"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("created workspace"), std::string::npos);
    EXPECT_EQ(shell("sqlite3 '" + ws.string() + "' 'PRAGMA journal_mode'"), "wal\n");
    const auto before = dump_of(ws);
    r = run_cli({"init", ws.string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("workspace '" + ws.string() + "' already exists"), std::string::npos)
        << r.err;
    EXPECT_EQ(dump_of(ws), before);
    EXPECT_EQ(run_cli({"init"}).exit_code, 2);
}

TEST(StoreWorkspaceCli, LayersShowsProvenanceShortInTheTableFullInJson) {
    TempDir dir;
    const auto ws = init_workspace(dir);
    auto r = run_cli({"layers", ws.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("no layers"), std::string::npos);

    const auto csv = trees_csv(dir);
    r = run_cli({"import", ws.string(), csv.string(), "--as", "tree", "--name", "tpo_trees"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto sha = shell("sha256sum '" + csv.string() + "'").substr(0, 64);

    r = run_cli({"layers", ws.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("tpo_trees"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(" " + sha.substr(0, 12) + " "), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find(sha), std::string::npos) << "full hash only in --json";
    EXPECT_NE(r.out.find("530000.0,180000.0 530010.5,180020.2"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("EPSG:27700"), std::string::npos);

    r = run_cli({"layers", ws.string(), "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j.size(), 1u);
    EXPECT_EQ(j[0]["name"], "tpo_trees");
    EXPECT_EQ(j[0]["role"], "tree");
    EXPECT_EQ(j[0]["feature_count"], 2);
    EXPECT_EQ(j[0]["source_sha256"], sha);
    EXPECT_EQ(j[0]["source_file"], "tpo_trees.csv");
    EXPECT_EQ(j[0]["source_crs"], "EPSG:27700");
    EXPECT_EQ(j[0]["geometry_type"], "POINT");
    EXPECT_EQ(j[0]["extent"], nlohmann::json({530000.0, 180000.0, 530010.5, 180020.25}));
    EXPECT_TRUE(j[0]["issues"].is_array());

    // GDAL sees the imported layer under its own name, in British National Grid.
    const auto info = shell("ogrinfo -ro -so '" + ws.string() + "' tpo_trees");
    EXPECT_NE(info.find("Layer name: tpo_trees"), std::string::npos) << info;
    EXPECT_NE(info.find("Feature Count: 2"), std::string::npos) << info;
    EXPECT_NE(info.find("ID[\"EPSG\",27700]"), std::string::npos) << info;

    // Importing the same name again fails and changes nothing.
    const auto before = dump_of(ws);
    r = run_cli({"import", ws.string(), csv.string(), "--as", "tree", "--name", "tpo_trees"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("layer 'tpo_trees' already exists"), std::string::npos) << r.err;
    EXPECT_EQ(dump_of(ws), before);
}

TEST(StoreWorkspaceCli, NotAWorkspaceAndNewerVersionsAreClearErrors) {
    TempDir dir;
    const auto junk = dir / "junk.redline";
    std::ofstream(junk, std::ios::binary) << std::string(5000, '\x5a');
    auto r = run_cli({"layers", junk.string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("is not a Redline workspace"), std::string::npos) << r.err;

    const auto other = dir / "other.sqlite";
    shell("sqlite3 '" + other.string() + "' 'CREATE TABLE t (a)'");
    r = run_cli({"audit", other.string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("is not a Redline workspace"), std::string::npos) << r.err;

    const auto ws = init_workspace(dir);
    shell("sqlite3 '" + ws.string() +
          "' \"UPDATE meta SET value = '7' WHERE key = "
          "'schema_version'\"");
    r = run_cli({"layers", ws.string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("workspace schema version 7 is newer than this Redline supports"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("upgrade Redline"), std::string::npos) << r.err;

    r = run_cli({"layers", (dir / "missing.redline").string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("does not exist"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "missing.redline"));
}

TEST(StoreWorkspaceCli, AuditListsEveryWriteWithUserAndIsAppendOnly) {
    TempDir dir;
    const auto ws = init_workspace(dir);
    auto r = run_cli({"import", ws.string(), trees_csv(dir).string(), "--as", "tree"}, {},
                     {"REDLINE_USER=bob"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = run_cli({"audit", ws.string(), "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j.size(), 2u);
    EXPECT_EQ(j[0]["action"], "create-workspace");
    EXPECT_EQ(j[0]["user"], "alice");
    EXPECT_EQ(j[1]["action"], "import");
    EXPECT_EQ(j[1]["user"], "bob");
    EXPECT_EQ(j[1]["details"]["file"], "tpo_trees.csv");
    EXPECT_EQ(j[1]["details"]["count"], 2);

    r = run_cli({"audit", ws.string()});
    ASSERT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("create-workspace"), std::string::npos);
    EXPECT_NE(r.out.find("bob"), std::string::npos);

    const auto before = dump_of(ws);
    EXPECT_THROW(shell("sqlite3 '" + ws.string() + "' 'DELETE FROM audit_log' 2>/dev/null"),
                 std::runtime_error);
    EXPECT_THROW(
        shell("sqlite3 '" + ws.string() + "' \"UPDATE audit_log SET user = 'x'\" 2>/dev/null"),
        std::runtime_error);
    EXPECT_EQ(dump_of(ws), before);
}

} // namespace
} // namespace redline::test
