#include "core/error.hpp"
#include "store/workspace.hpp"
#include "unit/store/store_test_util.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace redline::store {
namespace {

using test::dump;
using test::run_command;
using test::ScratchDir;

std::string sql(const std::filesystem::path& ws, const std::string& statement, int& status) {
    return run_command("sqlite3 " + test::quoted(ws) + " \"" + statement + "\"", status);
}

TEST(Workspace, CreateMakesSpatiaLiteFileInWalModeAtCurrentVersion) {
    ScratchDir dir;
    const auto path = dir / "ws.redline";
    {
        auto ws = Workspace::create(path, "alice");
        EXPECT_EQ(ws.schema_version(), k_schema_version);
        EXPECT_EQ(ws.path(), path);
        const auto log = ws.audit_log();
        ASSERT_EQ(log.size(), 1u);
        EXPECT_EQ(log[0].action, "create-workspace");
        EXPECT_EQ(log[0].user, "alice");
        EXPECT_EQ(log[0].time.size(), 20u); // 2024-05-01T10:00:00Z
    }
    int status = 0;
    EXPECT_EQ(sql(path, "PRAGMA journal_mode", status), "wal\n");
    EXPECT_EQ(sql(path, "SELECT value FROM meta WHERE key = 'schema_version'", status),
              std::to_string(k_schema_version) + "\n");
    const auto tables = sql(path, "SELECT name FROM sqlite_master WHERE type = 'table'", status);
    for (const char* t : {"spatial_ref_sys", "geometry_columns", "layer_registry", "complaints",
                          "enforcement_cases", "case_complaints", "case_key_dates", "audit_log"})
        EXPECT_NE(tables.find(std::string(t) + "\n"), std::string::npos) << t;
    EXPECT_EQ(sql(path,
                  "SELECT srid, geometry_type FROM geometry_columns WHERE f_table_name = "
                  "'complaints'",
                  status),
              "27700|1\n");
}

TEST(Workspace, CreateRefusesAnExistingFileAndLeavesItAlone) {
    ScratchDir dir;
    const auto path = dir / "notes.txt";
    std::ofstream(path) << "keep me";
    EXPECT_THROW(Workspace::create(path, "alice"), core::StoreError);
    std::ifstream in(path);
    std::string text;
    std::getline(in, text);
    EXPECT_EQ(text, "keep me");
}

TEST(Workspace, ReopenKeepsVersionAndAppendsNothing) {
    ScratchDir dir;
    const auto path = dir / "ws.redline";
    Workspace::create(path, "alice");
    const auto before = dump(path);
    auto ws = Workspace::open(path, "bob");
    EXPECT_EQ(ws.schema_version(), k_schema_version);
    EXPECT_EQ(ws.audit_log().size(), 1u);
    EXPECT_EQ(dump(path), before);
}

TEST(Workspace, OpenMissingFileIsAStoreError) {
    ScratchDir dir;
    try {
        Workspace::open(dir / "nope.redline", "alice");
        FAIL();
    } catch (const core::StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("does not exist"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(std::filesystem::exists(dir / "nope.redline"));
}

TEST(Workspace, RandomBytesAreNotAWorkspace) {
    ScratchDir dir;
    const auto path = dir / "random.redline";
    {
        std::ofstream out(path, std::ios::binary);
        for (int i = 0; i < 8192; ++i)
            out.put(static_cast<char>((i * 7919 + 13) % 251));
    }
    const auto size = std::filesystem::file_size(path);
    try {
        Workspace::open(path, "alice");
        FAIL();
    } catch (const core::StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("is not a Redline workspace"), std::string::npos)
            << e.what();
    }
    EXPECT_EQ(std::filesystem::file_size(path), size);
}

TEST(Workspace, UnrelatedSqliteDatabaseIsNotAWorkspaceAndIsNotModified) {
    ScratchDir dir;
    const auto path = dir / "other.sqlite";
    int status = 0;
    sql(path, "CREATE TABLE t (a); INSERT INTO t VALUES (1);", status);
    ASSERT_EQ(status, 0);
    const auto before = dump(path);
    try {
        Workspace::open(path, "alice");
        FAIL();
    } catch (const core::StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("is not a Redline workspace"), std::string::npos)
            << e.what();
    }
    EXPECT_EQ(dump(path), before);
    EXPECT_EQ(sql(path, "PRAGMA journal_mode", status), "delete\n");
}

TEST(Workspace, NewerSchemaVersionIsRefusedWithAClearMessage) {
    ScratchDir dir;
    const auto path = dir / "future.redline";
    Workspace::create(path, "alice");
    int status = 0;
    sql(path, "UPDATE meta SET value = '99' WHERE key = 'schema_version'", status);
    ASSERT_EQ(status, 0);
    const auto before = dump(path);
    try {
        Workspace::open(path, "alice");
        FAIL();
    } catch (const core::StoreError& e) {
        EXPECT_NE(std::string(e.what()).find(
                      "workspace schema version 99 is newer than this Redline supports (" +
                      std::to_string(k_schema_version) + "); upgrade Redline"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_EQ(dump(path), before);
}

TEST(Workspace, AppendAuditRequiresJson) {
    ScratchDir dir;
    auto ws = Workspace::create(dir / "ws.redline", "alice");
    ws.append_audit("reveal-confidential", R"({"complaints":2})");
    EXPECT_THROW(ws.append_audit("oops", "{not json"), core::StoreError);
    const auto log = ws.audit_log();
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[1].action, "reveal-confidential");
    EXPECT_EQ(log[1].details, R"({"complaints":2})");
}

} // namespace
} // namespace redline::store
