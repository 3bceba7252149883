// Attribute checks: each failure names the feature and field, and quotes the bad value.
#include "core/text.hpp"
#include "io/field_checks.hpp"

#include <gtest/gtest.h>

using namespace redline;

namespace {

core::LayerData layer(std::vector<std::string> fields,
                      std::vector<std::vector<core::FieldValue>> rows) {
    core::LayerData l;
    l.name = "t";
    for (auto& f : fields)
        l.fields.push_back({f, core::FieldType::Text});
    std::int64_t fid = 10;
    for (auto& r : rows)
        l.features.push_back({fid++, core::Geometry::point({0, 0}), r});
    return l;
}

const core::ErrorContext k_where{"in.gpkg", "apps"};

template <class F> core::IoError expect_io_error(F&& f) {
    try {
        f();
    } catch (const core::IoError& e) {
        return e;
    }
    ADD_FAILURE() << "no IoError";
    return core::IoError("none");
}

} // namespace

TEST(FieldChecks, MissingRequiredFieldNamesFileLayerField) {
    auto l = layer({"reference", "decision_date"}, {{std::string("A"), std::string("2020-01-01")}});
    auto e = expect_io_error(
        [&] { io::check_required_fields(l, core::Role::PlanningApplication, k_where); });
    EXPECT_EQ(e.context().path, "in.gpkg");
    EXPECT_EQ(e.context().layer, "apps");
    EXPECT_EQ(e.context().field, "planning_decision");
}

TEST(FieldChecks, EmptyRequiredValueNamesFeature) {
    auto l = layer({"planning_application"}, {{std::string("21/AP/1")}, {std::string("  ")}});
    auto e = expect_io_error(
        [&] { io::check_required_fields(l, core::Role::ApprovedFootprint, k_where); });
    EXPECT_EQ(e.context().feature, 11);
    EXPECT_EQ(e.context().field, "planning_application");
}

TEST(FieldChecks, ImpossibleAndNonIsoDates) {
    for (const char* bad : {"2023-02-30", "2023-2-3", "30/01/2023", "2023-13-01"}) {
        auto l = layer({"decision_date"}, {{std::string("2023-01-31")}, {std::string(bad)}});
        auto e =
            expect_io_error([&] { io::check_dates(l, core::Role::PlanningApplication, k_where); });
        EXPECT_EQ(e.context().feature, 11) << bad;
        EXPECT_EQ(e.context().field, "decision_date");
        EXPECT_NE(std::string(e.what()).find(bad), std::string::npos) << e.what();
    }
    auto ok = layer({"decision_date", "end_date"},
                    {{std::string("2024-02-29"), core::FieldValue{}},
                     {std::string("2020-12-31T10:00:00Z"), std::string("")}});
    EXPECT_NO_THROW(io::check_dates(ok, core::Role::PlanningApplication, k_where));
}

TEST(FieldChecks, PlanningDecisionsNormalised) {
    auto l = layer({"planning_decision"}, {{std::string(" Granted ")},
                                           {std::string("PERMITTED")},
                                           {std::string("refused")},
                                           {core::FieldValue{}}});
    io::normalise_planning_decisions(l, k_where);
    EXPECT_EQ(core::to_text(l.features[0].values[0]), "approved");
    EXPECT_EQ(core::to_text(l.features[1].values[0]), "approved");
    EXPECT_EQ(core::to_text(l.features[2].values[0]), "refused");
    EXPECT_TRUE(core::is_null(l.features[3].values[0]));

    auto bad = layer({"planning_decision"}, {{std::string("approved")}, {std::string("maybe")}});
    auto e = expect_io_error([&] { io::normalise_planning_decisions(bad, k_where); });
    EXPECT_EQ(e.context().feature, 11);
    EXPECT_NE(std::string(e.what()).find("maybe"), std::string::npos);
}

TEST(FieldChecks, InvalidUtf8NamesFeatureFieldAndShowsBytes) {
    auto l = layer({"name"}, {{std::string("Caf\xC3\xA9")}, {std::string("Caf\xE9")}});
    auto e = expect_io_error([&] { io::check_utf8(l, k_where); });
    EXPECT_EQ(e.context().feature, 11);
    EXPECT_EQ(e.context().field, "name");
    EXPECT_NE(std::string(e.what()).find("Caf\\xE9"), std::string::npos) << e.what();
    EXPECT_TRUE(core::is_valid_utf8(e.what()));
}

TEST(FieldChecks, FillFieldAddsAndKeepsExistingValues) {
    auto l = layer({"name"}, {{std::string("a")}, {std::string("b")}});
    EXPECT_EQ(io::fill_field(l, "Permitted-Development-Rights", "1A"), 2u);
    const auto i = l.field_index("permitted_development_rights");
    ASSERT_TRUE(i);
    l.features[0].values[*i] = std::string("2B");
    l.features[1].values[*i] = core::FieldValue{};
    EXPECT_EQ(io::fill_field(l, "permitted_development_rights", "1E"), 1u);
    EXPECT_EQ(core::to_text(l.features[0].values[*i]), "2B");
    EXPECT_EQ(core::to_text(l.features[1].values[*i]), "1E");
}
