// The bad-input corpus (tests/fixtures/bad/README.md): each file is refused with a message that
// names it (and the layer, feature and field where there is one), a non-zero exit, and the
// workspace unchanged to the byte as `sqlite3 .dump` sees it (layers, features, complaints,
// audit log).
#include "import_support_test.hpp"

#include <gtest/gtest.h>

namespace {

using namespace redline::test;
using namespace redline::test::import;

struct BadInput {
    const char* file;
    std::vector<std::string> extra_args;
    std::vector<std::string> must_mention; ///< in stderr, besides the file name
};

std::ostream& operator<<(std::ostream& os, const BadInput& b) {
    return os << b.file;
}

const BadInput k_bad[] = {
    {"truncated.gpkg", {"--as", "conservation-area"}, {"cannot open as geodata", "malformed"}},
    {"broken.geojson", {"--as", "conservation-area"}, {"cannot open as geodata"}},
    {"missing-required-field.geojson",
     {"--as", "planning-application"},
     {"layer 'missing-required-field'", "field 'planning_decision'", "missing"}},
    {"unknown-crs.geojson",
     {"--as", "conservation-area"},
     {"layer 'unknown-crs'", "unknown coordinate reference system"}},
    {"no-crs.shp", {"--as", "curtilage"}, {"layer 'no-crs'", "no coordinate reference", "--crs"}},
    {"self-intersecting.geojson",
     {"--as", "curtilage", "--on-invalid", "fail"},
     {"layer 'self-intersecting'", "feature 2", "Self-intersection"}},
    {"impossible-date.csv",
     {}, // recognised as planning-application from its `dataset` column
     {"layer 'impossible-date'", "feature 2", "field 'decision_date'", "2023-02-30"}},
    {"empty.geojson", {"--as", "conservation-area"}, {"empty"}},
    {"non-utf8.shp",
     {"--as", "curtilage"},
     {"layer 'non-utf8'", "feature 1", "field 'name'", "Caf\\xE9 Rouge", "UTF-8"}},
    {"not-geodata.png", {"--as", "conservation-area"}, {"cannot open as geodata"}},
    {"not-geodata.txt", {"--as", "conservation-area"}, {"cannot open as geodata"}},
};

class BadInputImport : public ::testing::TestWithParam<BadInput> {};

TEST_P(BadInputImport, RefusedWithLocationAndWorkspaceUnchanged) {
    const BadInput& b = GetParam();
    TempDir dir;
    const auto ws = make_workspace(dir);
    const std::string before = dump(ws);
    ASSERT_NE(before.find("CMP/24/0002"), std::string::npos); // the complaints are in the dump
    ASSERT_NE(before.find("ENF/24/0001"), std::string::npos); // and the case
    ASSERT_NE(before.find("audit_log"), std::string::npos);

    const auto source = (fixtures_dir() / "bad" / b.file).string();
    std::vector<std::string> args{"import", ws.string(), source};
    args.insert(args.end(), b.extra_args.begin(), b.extra_args.end());
    const auto r = run_cli(args);

    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("file '" + source + "'"), std::string::npos) << r.err;
    for (const auto& m : b.must_mention)
        EXPECT_NE(r.err.find(m), std::string::npos) << "'" << m << "' not in: " << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
    EXPECT_EQ(dump(ws), before);
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInputImport, ::testing::ValuesIn(k_bad));

TEST(BadInputImport, TheSameFilesImportWhenTheProblemIsAddressed) {
    // Proves the corpus fails for the stated reason, not for another one.
    TempDir dir;
    const auto ws = make_workspace(dir);
    const auto bad = fixtures_dir() / "bad";
    const auto ok = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"import", ws.string()});
        const auto r = run_cli(args);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return r;
    };
    ok({(bad / "no-crs.shp").string(), "--as", "curtilage", "--crs", "EPSG:27700"});
    const auto repaired = ok({(bad / "self-intersecting.geojson").string(), "--as", "curtilage"});
    EXPECT_NE(repaired.out.find("feature 2: repaired: Self-intersection"), std::string::npos)
        << repaired.out;
    const auto skipped = ok({(bad / "self-intersecting.geojson").string(), "--as", "curtilage",
                             "--name", "skipping", "--on-invalid", "skip"});
    EXPECT_NE(skipped.out.find("1 imported of 2 read"), std::string::npos) << skipped.out;
    ok({(bad / "missing-required-field.geojson").string(), "--as", "curtilage"});
}

TEST(BadInputImport, PointsInAPolygonRoleNameTheFeature) {
    TempDir dir;
    const auto ws = make_workspace(dir);
    const std::string before = dump(ws);
    const auto csv = dir / "points.csv";
    shell("printf 'reference,longitude,latitude\\nT1,-0.1,51.5\\n' > " + sh_quote(csv.string()));
    const auto r = run_cli({"import", ws.string(), csv.string(), "--as", "conservation-area"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("feature 1"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("Point"), std::string::npos) << r.err;
    EXPECT_EQ(dump(ws), before);
}

TEST(BadInputImport, TakenLayerNameLeavesWorkspaceUnchanged) {
    TempDir dir;
    const auto ws = make_workspace(dir);
    const std::string before = dump(ws);
    const auto r = run_cli({"import", ws.string(),
                            (data_dir() / "southwark/constraints/conservation-area/"
                                          "Southwark Conservation Areas.gpkg")
                                .string(),
                            "--as", "conservation-area"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("southwark_conservation_areas"), std::string::npos) << r.err;
    EXPECT_EQ(dump(ws), before);
}

} // namespace
