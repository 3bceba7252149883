// The migration machinery on real files: a version-1 workspace as an older Redline wrote it.
#include "core/error.hpp"
#include "store/schema.hpp"
#include "store/workspace.hpp"
#include "unit/store/store_test_util.hpp"

#include <gtest/gtest.h>

namespace redline::store {
namespace {

using test::dump;
using test::run_command;
using test::ScratchDir;

std::string sql(const std::filesystem::path& ws, const std::string& statement) {
    int status = 0;
    auto out = run_command("sqlite3 " + test::quoted(ws) + " \"" + statement + "\"", status);
    if (status != 0)
        throw std::runtime_error(out);
    return out;
}

/// A version-1 file with a layer, a complaint, a case (with a breach start date) and a link.
/// Version 1 has no key-date table, so the data goes in through the sqlite3 shell as it stood.
std::filesystem::path version_1_file(const ScratchDir& dir) {
    const auto path = dir / "v1.redline";
    testing::create_workspace_at_version(path, "old-redline", 1);
    sql(path, "SELECT load_extension('mod_spatialite'); "
              "INSERT INTO complaints (reference, received_date, category, complainant_name, geom)"
              " VALUES ('C/1', '2023-06-01', 'extension', 'Jo Bloggs',"
              " MakePoint(530000, 180000, 27700)); "
              "INSERT INTO enforcement_cases (reference, uprn, breach_start_date, opened_date)"
              " VALUES ('E/1', '100023336956', '2021-04-30', '2023-06-02'); "
              "INSERT INTO enforcement_cases (reference, opened_date) VALUES ('E/2', '2023-07-01');"
              "INSERT INTO case_complaints VALUES (1, 1);");
    return path;
}

TEST(Migration, Version1FileIsCreatedWithoutTheLaterTables) {
    ScratchDir dir;
    const auto path = version_1_file(dir);
    EXPECT_EQ(sql(path, "SELECT value FROM meta WHERE key = 'schema_version'"), "1\n");
    EXPECT_EQ(sql(path, "SELECT count(*) FROM sqlite_master WHERE name = 'case_key_dates'"), "0\n");
}

TEST(Migration, OpeningAVersion1FileMigratesItKeepingTheData) {
    ScratchDir dir;
    const auto path = version_1_file(dir);
    auto ws = Workspace::open(path, "alice");
    // Every later migration runs too, in one go, up to this build's version.
    EXPECT_EQ(ws.schema_version(), k_schema_version);
    EXPECT_EQ(sql(path, "SELECT value FROM meta WHERE key = 'schema_version'"),
              std::to_string(k_schema_version) + "\n");

    const auto complaints = ws.complaints();
    ASSERT_EQ(complaints.size(), 1u);
    EXPECT_EQ(complaints[0].reference, "C/1");
    EXPECT_EQ(complaints[0].complainant_name, "Jo Bloggs");
    EXPECT_EQ(complaints[0].location, (core::Coord{530000, 180000}));
    const auto cases = ws.cases();
    ASSERT_EQ(cases.size(), 2u);
    EXPECT_EQ(cases[0].uprn, "100023336956");
    EXPECT_EQ(cases[0].complaint_references, std::vector<std::string>{"C/1"});

    // Migration 2 derived the first key dates from the existing cases.
    const auto dates = ws.case_key_dates("E/1");
    ASSERT_EQ(dates.size(), 2u);
    EXPECT_EQ(dates[0].kind, "breach-start");
    EXPECT_EQ(dates[0].date, "2021-04-30");
    EXPECT_EQ(dates[1].kind, "opened");
    EXPECT_EQ(dates[1].date, "2023-06-02");
    ASSERT_EQ(ws.case_key_dates("E/2").size(), 1u);

    const auto log = ws.audit_log();
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[0].action, "create-workspace");
    EXPECT_EQ(log[0].user, "old-redline");
    EXPECT_EQ(log[1].action, "migrate");
    EXPECT_EQ(log[1].user, "alice");
    EXPECT_EQ(log[1].details, R"({"from":1,"to":)" + std::to_string(k_schema_version) + "}");

    // The new table is usable at once.
    ws.add_case_key_date("E/2", {"pcn-served", "2023-07-10", "by hand"});
    EXPECT_EQ(ws.case_key_dates("E/2").back().kind, "pcn-served");
}

TEST(Migration, AFailingMigrationLeavesTheFileExactlyAsItWas) {
    ScratchDir dir;
    const auto path = version_1_file(dir);
    // Something (an older add-on, a hand edit) already holds the name migration 2 needs: its
    // CREATE TABLE fails half-way through the migration.
    sql(path, "CREATE TABLE case_key_dates (x)");
    const auto before = dump(path);
    try {
        Workspace::open(path, "alice");
        FAIL();
    } catch (const core::StoreError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("from schema version 1 to " + std::to_string(k_schema_version) +
                            " failed (the file is unchanged)"),
                  std::string::npos)
            << what;
        EXPECT_NE(what.find("case_key_dates"), std::string::npos) << what;
    }
    EXPECT_EQ(dump(path), before);
    EXPECT_EQ(sql(path, "SELECT value FROM meta WHERE key = 'schema_version'"), "1\n");
}

} // namespace
} // namespace redline::store
