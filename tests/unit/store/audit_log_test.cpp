#include "core/error.hpp"
#include "store/workspace.hpp"
#include "unit/store/store_test_util.hpp"

#include <gtest/gtest.h>

namespace redline::store {
namespace {

using test::dump;
using test::run_command;
using test::ScratchDir;

TEST(AuditLog, EveryWriteAppendsAnEntry) {
    ScratchDir dir;
    auto ws = Workspace::create(dir / "ws.redline", "alice");
    ws.import_layer(test::buildings("houses", 3), core::Role::Building,
                    test::report_for("houses", "houses.gpkg"));
    core::Complaint c;
    c.reference = "C/1";
    c.received_date = "2024-03-01";
    c.location = {530000, 180000};
    c.complainant_name = "Jo Bloggs";
    ws.add_complaint(c);
    core::EnforcementCase k;
    k.reference = "E/1";
    ws.add_case(k);
    ws.link_case_complaint("E/1", "C/1");
    const auto log = ws.audit_log();
    ASSERT_EQ(log.size(), 5u);
    EXPECT_EQ(log[1].action, "import");
    EXPECT_EQ(log[1].details, R"({"layer":"houses","role":"building","file":"houses.gpkg",)"
                              R"("sha256":")" +
                                  std::string(64, 'a') + R"(","count":3,"issues":1})");
    EXPECT_EQ(log[2].action, "complaint-add");
    // The complainant's identity never reaches the audit log.
    EXPECT_EQ(log[2].details.find("Bloggs"), std::string::npos);
    EXPECT_EQ(log[3].action, "case-add");
    EXPECT_EQ(log[4].action, "case-link");
    EXPECT_EQ(log[4].details, R"({"case":"E/1","complaint":"C/1"})");
    for (std::size_t i = 0; i < log.size(); ++i)
        EXPECT_EQ(log[i].user, "alice");
}

TEST(AuditLog, TheDatabaseRefusesUpdateAndDeleteFromTheSqliteShell) {
    ScratchDir dir;
    const auto path = dir / "ws.redline";
    Workspace::create(path, "alice");
    const auto before = dump(path);
    int status = 0;
    auto out = run_command(
        "sqlite3 " + test::quoted(path) + " \"UPDATE audit_log SET user = 'mallory'\"", status);
    EXPECT_NE(status, 0);
    EXPECT_NE(out.find("audit_log is append-only: UPDATE refused"), std::string::npos) << out;
    out = run_command("sqlite3 " + test::quoted(path) + " \"DELETE FROM audit_log\"", status);
    EXPECT_NE(status, 0);
    EXPECT_NE(out.find("audit_log is append-only: DELETE refused"), std::string::npos) << out;
    EXPECT_EQ(dump(path), before);
    auto ws = Workspace::open(path, "alice");
    ASSERT_EQ(ws.audit_log().size(), 1u);
    EXPECT_EQ(ws.audit_log()[0].user, "alice");
}

} // namespace
} // namespace redline::store
