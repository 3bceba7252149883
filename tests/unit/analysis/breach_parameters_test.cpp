// Rule parameters by name: defaults of shared/docs/breach-rules.md, --set, rules files, refusals.
#include "analysis/breach_engine.hpp"
#include "analysis/breach_parameters.hpp"
#include "core/error.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using redline::analysis::Parameters;

TEST(BreachParameters, DefaultsAreTheSpecs) {
    const Parameters p;
    EXPECT_EQ(p.get("sliver_width_m"), 0.3);
    EXPECT_EQ(p.get("min_development_area_m2"), 2.0);
    EXPECT_EQ(p.get("rear_depth_detached_m"), 4.0);
    EXPECT_EQ(p.get("rear_depth_attached_m"), 3.0);
    EXPECT_EQ(p.get("coverage_limit"), 0.5);
    EXPECT_EQ(p.get("tpo_default_rpa_m"), 15.0);
    EXPECT_EQ(p.get("commencement_years"), 3.0);
    EXPECT_EQ(p.get("complaint_link_m"), 20.0);
    EXPECT_EQ(p.get("listed_distance_m"), 0.5);
    EXPECT_EQ(p.get("eaves_limit_m"), 3.0);
}

TEST(BreachParameters, SetByNameAndFromARulesText) {
    Parameters p;
    p.set_assignment("Rear_Depth_Attached_M = 3.5");
    EXPECT_EQ(p.rear_depth_attached_m, 3.5);
    p.apply_rules_text("# comment\n\ncoverage_limit=0.4  # trailing\ntouch_distance_m=0.2\n", "r");
    EXPECT_EQ(p.coverage_limit, 0.4);
    EXPECT_EQ(p.touch_distance_m, 0.2);
    const auto j = nlohmann::json::parse(p.to_json());
    EXPECT_EQ(j["coverage_limit"], 0.4);
    EXPECT_EQ(j.size(), redline::analysis::parameter_table().size());
}

TEST(BreachParameters, RefusesUnknownNamesAndBadValues) {
    Parameters p;
    EXPECT_THROW(p.set("no_such", "1"), redline::core::UsageError);
    EXPECT_THROW(p.set("coverage_limit", "50"), redline::core::UsageError);
    EXPECT_THROW(p.set("sliver_width_m", "-0.1"), redline::core::UsageError);
    EXPECT_THROW(p.set("sliver_width_m", "wide"), redline::core::UsageError);
    EXPECT_THROW(p.set_assignment("sliver_width_m"), redline::core::UsageError);
    try {
        p.apply_rules_text("sliver_width_m=0.2\nbogus=1\n", "rules.txt");
        FAIL();
    } catch (const redline::core::UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("rules.txt line 2"), std::string::npos);
    }
    EXPECT_THROW(p.apply_rules_file("/nonexistent/rules.txt"), redline::core::IoError);
}

TEST(BreachEngine, MissingLayersSkipTheirRulesWithAReason) {
    redline::analysis::BreachInput input;
    redline::core::LayerData empty;
    empty.name = "b";
    input.add(redline::core::Role::Building, empty);
    input.add(redline::core::Role::BaselineBuilding, empty);
    const auto r = redline::analysis::run_check(input, Parameters{}, {1, {}});
    auto reason = [&](const std::string& code) {
        for (const auto& s : r.skipped)
            if (s.code == code)
                return s.reason;
        return std::string();
    };
    EXPECT_NE(reason("pd-rear-depth").find("curtilage"), std::string::npos);
    EXPECT_NE(reason("outside-red-line").find("planning-application"), std::string::npos);
    EXPECT_NE(reason("tpo-root-protection").find("tree"), std::string::npos);
    EXPECT_NE(reason("demolition-in-conservation-area").find("conservation-area"),
              std::string::npos);
    redline::core::LayerData curtilages = empty;
    input.add(redline::core::Role::Curtilage, curtilages);
    const auto r2 = redline::analysis::run_check(input, Parameters{}, {1, {}});
    bool highway = false;
    for (const auto& s : r2.skipped)
        highway =
            highway || (s.code == "pd-rear-depth" && s.reason.find("highway") != std::string::npos);
    EXPECT_TRUE(highway);
}

} // namespace
