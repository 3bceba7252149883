// The breach engine on a generated town whose every plot was built to raise known findings (or
// to be a near miss): precision and recall must be 1.0 for every rule, and the output must not
// depend on the number of threads.
#include "analysis/breach_engine.hpp"
#include "analysis/test_city.hpp"
#include "core/wkb.hpp"
#include "geom/shape.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

namespace {

using namespace redline::analysis;

struct Score {
    int true_positive = 0, false_positive = 0, false_negative = 0;
};

TEST(BreachCity, EveryRuleHasPrecisionAndRecallOfOne) {
    const auto city = make_test_city({400, 7});
    ASSERT_GE(city.plot_count, 400u);
    const auto result = run_check(city.input(), Parameters{}, {2, {}});
    EXPECT_TRUE(result.skipped.empty() || result.skipped.size() == 0);

    std::map<std::string, Score> scores;
    std::vector<bool> matched(city.expected.size(), false);
    for (const auto& f : result.findings) {
        bool found = false;
        for (std::size_t i = 0; i < city.expected.size(); ++i) {
            const auto& e = city.expected[i];
            if (matched[i] || e.code != f.code || e.uprn != f.uprn)
                continue;
            matched[i] = found = true;
            if (e.value) {
                ASSERT_TRUE(f.value.has_value()) << f.code << " " << f.uprn;
                EXPECT_NEAR(*f.value, *e.value, 0.011)
                    << f.code << " " << f.uprn << " " << e.scenario;
            }
            if (e.limit) {
                ASSERT_TRUE(f.limit.has_value()) << f.code << " " << f.uprn;
                EXPECT_NEAR(*f.limit, *e.limit, 1e-9) << f.code << " " << f.uprn;
            }
            break;
        }
        auto& s = scores[f.code];
        if (found)
            ++s.true_positive;
        else {
            ++s.false_positive;
            ADD_FAILURE() << "unexpected " << f.code << " at uprn " << f.uprn << " value "
                          << f.value.value_or(-1) << ": " << f.explanation;
        }
    }
    for (std::size_t i = 0; i < city.expected.size(); ++i)
        if (!matched[i]) {
            ++scores[city.expected[i].code].false_negative;
            ADD_FAILURE() << "missed " << city.expected[i].code << " at uprn "
                          << city.expected[i].uprn << " (" << city.expected[i].scenario << ")";
        }
    // Every rule is exercised, and each scores 1.0.
    for (const auto& rule : breach_rules()) {
        const auto& s = scores[rule.code];
        EXPECT_GT(s.true_positive, 0) << rule.code << " has no true case in the city";
        const double precision = s.true_positive / double(s.true_positive + s.false_positive);
        const double recall = s.true_positive / double(s.true_positive + s.false_negative);
        EXPECT_EQ(precision, 1.0) << rule.code;
        EXPECT_EQ(recall, 1.0) << rule.code;
    }
}

std::vector<std::string> fingerprint(const CheckResult& r) {
    std::vector<std::string> out;
    for (const auto& f : r.findings) {
        const auto wkb = redline::core::to_wkb(f.geometry);
        std::string s = f.code + "|" + f.development_id + "|" + f.uprn + "|" +
                        std::to_string(f.value.value_or(-1)) + "|" + f.explanation + "|";
        s.append(wkb.begin(), wkb.end());
        out.push_back(s);
    }
    return out;
}

TEST(BreachCity, OutputIsIdenticalWithOneAndManyThreads) {
    const auto city = make_test_city({250, 11});
    const auto input = city.input();
    const auto one = run_check(input, Parameters{}, {1, {}});
    const auto two = run_check(input, Parameters{}, {2, {}});
    const auto eight = run_check(input, Parameters{}, {8, {}});
    EXPECT_FALSE(one.findings.empty());
    EXPECT_EQ(fingerprint(one), fingerprint(two));
    EXPECT_EQ(fingerprint(one), fingerprint(eight));
    EXPECT_EQ(one.development_count, eight.development_count);
}

TEST(BreachCity, SameSeedSameCity) {
    const auto a = make_test_city({120, 3});
    const auto b = make_test_city({120, 3});
    ASSERT_EQ(a.expected.size(), b.expected.size());
    EXPECT_EQ(a.building_count, b.building_count);
    const auto c = make_test_city({120, 4});
    EXPECT_NE(a.building_count + a.expected.size() * 1000,
              c.building_count + c.expected.size() * 1000);
}

} // namespace

namespace {

redline::core::LayerData wkt_layer(const char* name,
                                   std::vector<std::pair<const char*, const char*>> rows) {
    redline::core::LayerData l;
    l.name = name;
    l.fields = {{"uprn", redline::core::FieldType::Text}};
    for (const auto& [wkt, uprn] : rows) {
        redline::core::Feature f;
        f.source_fid = static_cast<std::int64_t>(l.features.size()) + 1;
        f.geometry = redline::geom::geometry_from_wkt(wkt);
        f.values = {std::string(uprn)};
        l.features.push_back(std::move(f));
    }
    return l;
}

// Regression (found by the 50,000-plot benchmark town): an extension on the shared boundary of two
// rotated curtilages whose common edge differs by rounding. GEOS's union of the two curtilages left
// them unmerged, and the extension minus that union came out whole, so it was reported twice: in
// its plot and again as a no-permission building "outside every curtilage".
TEST(BreachCity, ExtensionOnARoundedSharedBoundaryIsOneDevelopment) {
    const char* house =
        "POLYGON ((400835.5746394756715745 202774.5209562560194172, 400841.7503609277191572 "
        "202781.0677466564229690, 400835.9309916829224676 202786.5572768360143527, "
        "400829.7552702308748849 202780.0104864356108010, 400835.5746394756715745 "
        "202774.5209562560194172))";
    const char* extension =
        "POLYGON ((400841.7503609277191572 202781.0677466564229690, 400843.4658391088014469 "
        "202782.8862995454110205, 400840.5561544863739982 202785.6310646352067124, "
        "400838.8406763052917086 202783.8125117462186608, 400841.7503609277191572 "
        "202781.0677466564229690))";
    const char* small_plot =
        "POLYGON ((400840.8727369805565104 202762.6495552086271346, 400861.4584751540678553 "
        "202784.4721898766292725, 400852.7294212869019248 202792.7064851460163482, "
        "400832.1436831133905798 202770.8838504780142102, 400840.8727369805565104 "
        "202762.6495552086271346))";
    const char* terrace_plot =
        "POLYGON ((400832.1436831133905798 202770.8838504780142102, 400859.5913340113474987 "
        "202799.9806967020267621, 400853.7719647665508091 202805.4702268816181459, "
        "400826.3243138685938902 202776.3733806576055940, 400832.1436831133905798 "
        "202770.8838504780142102))";
    BreachInput input;
    input.as_of = *redline::core::Date::parse("2026-11-01");
    input.add(redline::core::Role::Curtilage,
              wkt_layer("c", {{small_plot, "2"}, {terrace_plot, "3"}}));
    input.add(redline::core::Role::BaselineBuilding, wkt_layer("b", {{house, ""}}));
    input.add(redline::core::Role::Building, wkt_layer("n", {{house, ""}, {extension, ""}}));
    input.add(redline::core::Role::PlanningApplication, wkt_layer("a", {}));
    const auto r = run_check(input, Parameters{}, {1, {}});
    EXPECT_EQ(r.development_count, 1u);
    for (const auto& f : r.findings)
        EXPECT_NE(f.code, "no-permission") << f.development_id;
}

} // namespace
