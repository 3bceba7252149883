#include "core/date.hpp"
#include "core/error.hpp"
#include "store/workspace.hpp"
#include "unit/store/store_test_util.hpp"

#include <gtest/gtest.h>

namespace redline::store {
namespace {

using test::dump;
using test::ScratchDir;

core::Complaint complaint(const std::string& ref, double x = 530000, double y = 180000) {
    core::Complaint c;
    c.reference = ref;
    c.received_date = "2024-02-29";
    c.category = "extension";
    c.description = "rear extension going up";
    c.complainant_name = "Jo Bloggs";
    c.complainant_contact = "jo@example.org";
    c.location = {x, y};
    return c;
}

TEST(Casework, ComplaintsRoundTripWithConfidentialFieldsForTheApiOnly) {
    ScratchDir dir;
    auto ws = Workspace::create(dir / "ws.redline", "alice");
    const auto id = ws.add_complaint(complaint("C/1"));
    EXPECT_GT(id, 0);
    const auto all = ws.complaints();
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].id, id);
    EXPECT_EQ(all[0].reference, "C/1");
    EXPECT_EQ(all[0].received_date, "2024-02-29");
    EXPECT_EQ(all[0].status, "open");
    EXPECT_EQ(all[0].complainant_contact, "jo@example.org");
    EXPECT_EQ(all[0].location, (core::Coord{530000, 180000}));
    EXPECT_TRUE(all[0].source_layer.empty());
}

TEST(Casework, BadComplaintsAreRefusedAndChangeNothing) {
    ScratchDir dir;
    const auto path = dir / "ws.redline";
    auto ws = Workspace::create(path, "alice");
    ws.add_complaint(complaint("C/1"));
    const auto before = dump(path);
    try {
        ws.add_complaint(complaint("C/1"));
        FAIL();
    } catch (const core::StoreError& e) {
        EXPECT_STREQ(e.what(), "complaint 'C/1' already exists");
    }
    auto bad = complaint("C/2");
    bad.received_date = "2023-02-29";
    EXPECT_THROW(ws.add_complaint(bad), core::UsageError);
    bad.received_date = "2023-02-28T10:00:00";
    EXPECT_THROW(ws.add_complaint(bad), core::UsageError);
    bad = complaint("C/2");
    bad.category = "noise";
    EXPECT_THROW(ws.add_complaint(bad), core::UsageError);
    EXPECT_THROW(ws.add_complaint(complaint("")), core::UsageError);
    EXPECT_EQ(dump(path), before);
}

TEST(Casework, CasesLinksAndKeyDates) {
    ScratchDir dir;
    auto ws = Workspace::create(dir / "ws.redline", "alice");
    ws.add_complaint(complaint("C/1"));
    ws.add_complaint(complaint("C/2"));
    core::EnforcementCase a;
    a.reference = "E/24/001";
    a.application_reference = "23/01234/FUL";
    a.alleged_breach = "extension deeper than approved";
    a.breach_start_date = "2024-01-15";
    a.officer = "JB";
    a.opened_date = "2024-03-04";
    ws.add_case(a);
    core::EnforcementCase b;
    b.reference = "E/24/002";
    b.site = core::Coord{531000, 181000};
    ws.add_case(b);
    ws.link_case_complaint("E/24/001", "C/2");
    ws.link_case_complaint("E/24/001", "C/1");

    const auto cases = ws.cases();
    ASSERT_EQ(cases.size(), 2u);
    EXPECT_EQ(cases[0].application_reference, "23/01234/FUL");
    EXPECT_EQ(cases[0].officer, "JB");
    EXPECT_FALSE(cases[0].site);
    EXPECT_EQ(cases[0].complaint_references, (std::vector<std::string>{"C/1", "C/2"}));
    EXPECT_EQ(cases[1].site, (core::Coord{531000, 181000}));
    EXPECT_EQ(cases[1].opened_date, core::Date::today().to_string());
    EXPECT_TRUE(cases[1].complaint_references.empty());

    ws.add_case_key_date("E/24/001", {"pcn-served", "2024-03-10", "hand delivered"});
    const auto dates = ws.case_key_dates("E/24/001");
    ASSERT_EQ(dates.size(), 3u);
    EXPECT_EQ(dates[0].kind, "breach-start");
    EXPECT_EQ(dates[1].kind, "opened");
    EXPECT_EQ(dates[2].kind, "pcn-served");
    EXPECT_EQ(dates[2].note, "hand delivered");
    EXPECT_THROW(ws.add_case_key_date("E/24/001", {"pcn-served", "2024-03-10", ""}),
                 core::StoreError);
    EXPECT_THROW(ws.add_case_key_date("E/24/001", {"PCN served", "2024-03-10", ""}),
                 core::UsageError);
    EXPECT_THROW(ws.case_key_dates("E/404"), core::StoreError);
}

TEST(Casework, BadCaseOperationsNameTheUnknownReferenceAndChangeNothing) {
    ScratchDir dir;
    const auto path = dir / "ws.redline";
    auto ws = Workspace::create(path, "alice");
    ws.add_complaint(complaint("C/1"));
    core::EnforcementCase a;
    a.reference = "E/1";
    ws.add_case(a);
    ws.link_case_complaint("E/1", "C/1");
    const auto before = dump(path);
    auto expect_message = [&](auto&& action, const std::string& message) {
        try {
            action();
            ADD_FAILURE() << "no error, expected " << message;
        } catch (const core::Error& e) {
            EXPECT_EQ(std::string(e.what()), message);
        }
    };
    expect_message([&] { ws.add_case(a); }, "case 'E/1' already exists");
    expect_message([&] { ws.link_case_complaint("E/2", "C/1"); }, "case 'E/2' does not exist");
    expect_message([&] { ws.link_case_complaint("E/1", "C/9"); }, "complaint 'C/9' does not exist");
    expect_message([&] { ws.link_case_complaint("E/1", "C/1"); },
                   "complaint 'C/1' is already linked to case 'E/1'");
    core::EnforcementCase bad;
    bad.reference = "E/3";
    bad.breach_start_date = "2024-13-01";
    expect_message([&] { ws.add_case(bad); },
                   "breach start date '2024-13-01': not a real date (YYYY-MM-DD)");
    bad.breach_start_date.clear();
    bad.uprn = "12ab";
    EXPECT_THROW(ws.add_case(bad), core::UsageError);
    // A case whose linked complaint is unknown is refused whole: no half-made case.
    bad.uprn.clear();
    bad.complaint_references = {"C/1", "C/404"};
    expect_message([&] { ws.add_case(bad); }, "complaint 'C/404' does not exist");
    EXPECT_EQ(dump(path), before);
}

TEST(Casework, ComplaintLayerGoesToTheComplaintsTableWithoutConfidentialFieldsOnRead) {
    ScratchDir dir;
    const auto path = dir / "ws.redline";
    auto ws = Workspace::create(path, "alice");
    ws.add_complaint(complaint("C/HAND"));
    core::LayerData data;
    data.name = "complaints_2024";
    data.fields = {{"reference", core::FieldType::Text},
                   {"received_date", core::FieldType::Text},
                   {"category", core::FieldType::Text},
                   {"complainant_name", core::FieldType::Text}};
    for (int i = 1; i <= 3; ++i) {
        core::Feature f;
        f.source_fid = i;
        f.geometry = core::Geometry::point({530000.0 + i, 180000.0});
        f.values = {std::string("C/L") + std::to_string(i),
                    std::string("2024-01-0") + std::to_string(i), std::string("tree"),
                    std::string("Secret Person")};
        data.features.push_back(f);
    }
    ws.import_layer(data, core::Role::Complaint, test::report_for("complaints_2024", "c.csv"));
    EXPECT_EQ(ws.complaints().size(), 4u);
    EXPECT_EQ(ws.complaints()[3].source_layer, "complaints_2024");
    EXPECT_EQ(ws.complaints()[3].complainant_name, "Secret Person");
    const auto info = ws.layer("complaints_2024");
    ASSERT_TRUE(info);
    EXPECT_EQ(info->role, core::Role::Complaint);
    EXPECT_EQ(info->feature_count, 3u);
    EXPECT_DOUBLE_EQ(info->extent.min_x, 530001);
    EXPECT_DOUBLE_EQ(info->extent.max_x, 530003);

    const auto back = ws.read_layer("complaints_2024");
    ASSERT_EQ(back.features.size(), 3u);
    for (const auto& field : back.fields)
        EXPECT_EQ(field.name.find("complainant"), std::string::npos);
    EXPECT_EQ(std::get<std::string>(back.features[0].values[0]), "C/L1");
    EXPECT_EQ(ws.read_layer("complaints_2024", core::Envelope{530001.5, 179999, 530002.5, 180001})
                  .features.size(),
              1u);

    // A second layer repeating a reference is refused whole, naming feature and reference.
    const auto before = dump(path);
    data.name = "complaints_again";
    data.features[0].values[0] = std::string("C/M1");
    data.features[1].values[0] = std::string("C/HAND");
    data.features[2].values[0] = std::string("C/M3");
    try {
        ws.import_layer(data, core::Role::Complaint, test::report_for(data.name, "d.csv"));
        FAIL();
    } catch (const core::StoreError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("complaint 'C/HAND' already exists"), std::string::npos) << what;
        EXPECT_EQ(e.context().feature, 2);
    }
    EXPECT_EQ(dump(path), before);
}

} // namespace
} // namespace redline::store
