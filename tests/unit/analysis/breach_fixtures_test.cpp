// Data-driven rule cases: tests/fixtures/rules/<case>/ holds one WKT-in-CSV file per layer role and
// expected.json with the findings its dimensions imply (written by make_fixtures.py from the
// plans, not from the rules). Every rule has a true case and a near miss just on the other side of
// its threshold, on plots turned at various angles, some with irregular outlines.
#include "analysis/breach_engine.hpp"
#include "core/error.hpp"
#include "geom/shape.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using namespace redline;

/// One CSV record, honouring double quotes (the WKT column is quoted).
std::vector<std::string> csv_fields(const std::string& line) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '"') {
            if (quoted && i + 1 < line.size() && line[i + 1] == '"') {
                out.back() += '"';
                ++i;
            } else {
                quoted = !quoted;
            }
        } else if (c == ',' && !quoted) {
            out.emplace_back();
        } else {
            out.back() += c;
        }
    }
    return out;
}

core::LayerData read_csv_layer(const fs::path& path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    const auto header = csv_fields(line);
    core::LayerData layer;
    layer.name = path.stem().string();
    std::size_t wkt = header.size();
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == "wkt")
            wkt = i;
        else
            layer.fields.push_back({core::normalise_field_name(header[i]), core::FieldType::Text});
    }
    if (wkt == header.size())
        throw core::IoError("no wkt column", {.path = path.string()});
    while (std::getline(in, line)) {
        if (line.empty())
            continue;
        const auto cells = csv_fields(line);
        core::Feature f;
        f.source_fid = static_cast<std::int64_t>(layer.features.size()) + 1;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i == wkt)
                f.geometry = geom::geometry_from_wkt(cells[i]);
            else if (cells[i].empty())
                f.values.emplace_back();
            else
                f.values.emplace_back(cells[i]);
        }
        layer.features.push_back(std::move(f));
    }
    return layer;
}

std::vector<fs::path> case_dirs() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(fs::path(REDLINE_FIXTURES_DIR) / "rules"))
        if (e.is_directory())
            out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

class RuleFixture : public ::testing::TestWithParam<fs::path> {};

TEST_P(RuleFixture, FindsExactlyTheExpectedFindings) {
    const fs::path dir = GetParam();
    std::ifstream expected_file(dir / "expected.json");
    const auto expected = nlohmann::json::parse(expected_file);
    analysis::BreachInput input;
    input.as_of = *core::Date::parse(expected["as_of"].get<std::string>());
    for (const auto& e : fs::directory_iterator(dir)) {
        if (e.path().extension() != ".csv")
            continue;
        const auto role = core::parse_role(e.path().stem().string());
        ASSERT_TRUE(role) << e.path();
        input.add(*role, read_csv_layer(e.path()));
    }
    SCOPED_TRACE(dir.filename().string() + ": " + expected["description"].get<std::string>());
    const auto result = analysis::run_check(input, analysis::Parameters{}, {2, {}});

    std::multiset<std::string> want, got;
    for (const auto& f : expected["findings"])
        want.insert(f["code"].get<std::string>() + "@" + f["uprn"].get<std::string>());
    for (const auto& f : result.findings)
        if (f.code != analysis::k_no_breach_detected)
            got.insert(f.code + "@" + f.uprn);
    EXPECT_EQ(got, want);
    for (const auto& e : expected["findings"])
        for (const auto& f : result.findings) {
            if (f.code != e["code"] || f.uprn != e["uprn"])
                continue;
            if (!e["value"].is_null()) {
                ASSERT_TRUE(f.value);
                EXPECT_NEAR(*f.value, e["value"].get<double>(), 0.005) << f.code;
            }
            if (!e["limit"].is_null()) {
                ASSERT_TRUE(f.limit);
                EXPECT_NEAR(*f.limit, e["limit"].get<double>(), 0.005) << f.code;
            }
            EXPECT_FALSE(f.geometry.empty());
            EXPECT_FALSE(f.annotation.empty());
            EXPECT_FALSE(f.provision.empty());
            EXPECT_NE(f.explanation.find("confirm"), std::string::npos);
        }
}

INSTANTIATE_TEST_SUITE_P(Rules, RuleFixture, ::testing::ValuesIn(case_dirs()),
                         [](const auto& param_info) {
                             return param_info.param.filename().string();
                         });

TEST(RuleFixtures, EveryRuleHasATrueCaseAndANearMiss) {
    std::set<std::string> true_cases, misses;
    for (const auto& dir : case_dirs()) {
        std::ifstream in(dir / "expected.json");
        const auto e = nlohmann::json::parse(in);
        for (const auto& f : e["findings"])
            true_cases.insert(f["code"].get<std::string>());
        if (dir.filename().string().ends_with("_miss"))
            misses.insert(dir.filename().string());
    }
    for (const auto& r : analysis::breach_rules())
        EXPECT_TRUE(true_cases.count(r.code)) << r.code;
    EXPECT_GE(misses.size(), 13u);
}

} // namespace
