// The breach engine on a generated town whose every plot was built to raise known findings (or
// to be a near miss): precision and recall must be 1.0 for every rule, and the output must not
// depend on the number of threads.
#include "analysis/breach_engine.hpp"
#include "analysis/test_city.hpp"
#include "core/wkb.hpp"

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
