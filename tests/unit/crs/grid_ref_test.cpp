// OS National Grid references. Expected values come from Ordnance Survey publications, not from the
// code under test:
// - "A Guide to Coordinate Systems in Great Britain" (OS, v3.6), Annex C worked example: the point
//   at E 651409.903 m, N 313177.270 m, which lies in 100 km square TG (the Norfolk coast).
// - The OS National Grid square diagram (same guide, section 7, and every OS map's margin): SV at
//   the false origin, SZ/TV along the south coast, NA in the Western Isles, HP on Unst, TQ over
//   London, NT over Edinburgh, SJ over Cheshire.
// - The three spellings in issue #2: "TQ 31 79", "TQ3123479456", "tq 31234 79456".
#include "core/error.hpp"
#include "crs/grid_ref.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using redline::core::Coord;
using redline::core::UsageError;
using redline::crs::format_grid_ref;
using redline::crs::parse_grid_ref;

namespace {

struct Square {
    const char* letters;
    double e_km;
    double n_km;
};

// South-west corners of 100 km squares as printed on the OS National Grid diagram.
const Square k_squares[] = {
    {"SV", 0, 0},      {"SZ", 400, 0},   {"TV", 500, 0},   {"NA", 0, 900},
    {"HP", 400, 1200}, {"TQ", 500, 100}, {"NT", 300, 600}, {"SJ", 300, 300},
    {"TG", 600, 300},  {"SU", 400, 100}, {"NN", 200, 700}, {"HU", 400, 1100},
};

} // namespace

TEST(GridRef, SquaresOfTheOsDiagramParse) {
    for (const auto& s : k_squares) {
        const auto ref = parse_grid_ref(s.letters);
        EXPECT_DOUBLE_EQ(ref.south_west.x, s.e_km * 1000) << s.letters;
        EXPECT_DOUBLE_EQ(ref.south_west.y, s.n_km * 1000) << s.letters;
        EXPECT_DOUBLE_EQ(ref.size_m, 100000) << s.letters;
    }
}

TEST(GridRef, SquaresOfTheOsDiagramFormat) {
    for (const auto& s : k_squares) {
        // A point inside the square, away from its corner.
        const Coord inside{s.e_km * 1000 + 51234.5, s.n_km * 1000 + 6789.9};
        EXPECT_EQ(format_grid_ref(inside, 0), s.letters);
    }
}

TEST(GridRef, OsGuideAnnexCWorkedExample) {
    const Coord en{651409.903, 313177.270};
    EXPECT_EQ(format_grid_ref(en, 10), "TG 51409 13177");
    EXPECT_EQ(format_grid_ref(en, 8), "TG 5140 1317");
    EXPECT_EQ(format_grid_ref(en, 6), "TG 514 131");
    EXPECT_EQ(format_grid_ref(en, 4), "TG 51 13");
    const auto ref = parse_grid_ref("TG 51409 13177");
    EXPECT_DOUBLE_EQ(ref.south_west.x, 651409);
    EXPECT_DOUBLE_EQ(ref.south_west.y, 313177);
    EXPECT_DOUBLE_EQ(ref.size_m, 1);
}

TEST(GridRef, SpellingsFromTheIssue) {
    const auto a = parse_grid_ref("TQ 31 79");
    EXPECT_DOUBLE_EQ(a.south_west.x, 531000);
    EXPECT_DOUBLE_EQ(a.south_west.y, 179000);
    EXPECT_DOUBLE_EQ(a.size_m, 1000);
    EXPECT_DOUBLE_EQ(a.centre().x, 531500);

    const auto b = parse_grid_ref("TQ3123479456");
    const auto c = parse_grid_ref("tq 31234 79456");
    for (const auto& r : {b, c}) {
        EXPECT_DOUBLE_EQ(r.south_west.x, 531234);
        EXPECT_DOUBLE_EQ(r.south_west.y, 179456);
        EXPECT_DOUBLE_EQ(r.size_m, 1);
    }
    const auto d = parse_grid_ref("  NN166712 ");
    EXPECT_DOUBLE_EQ(d.south_west.x, 216600);
    EXPECT_DOUBLE_EQ(d.south_west.y, 771200);
    EXPECT_DOUBLE_EQ(d.size_m, 100);
}

TEST(GridRef, FormatTruncatesRatherThanRounds) {
    // The reference names the square the point is in, so 99.9 m into a square is still "0".
    EXPECT_EQ(format_grid_ref({530999.9, 179999.9}, 4), "TQ 30 79");
    EXPECT_EQ(format_grid_ref({530000.0, 100000.0}, 10), "TQ 30000 00000");
}

TEST(GridRef, RoundTripsAtEveryPrecision) {
    std::mt19937 rng(20240502);
    std::uniform_real_distribution<double> east(0, 699999.999), north(0, 1299999.999);
    for (int i = 0; i < 2000; ++i) {
        const Coord p{east(rng), north(rng)};
        for (int digits = 0; digits <= 10; digits += 2) {
            const auto text = format_grid_ref(p, digits);
            const auto ref = parse_grid_ref(text);
            // The parsed square contains the point and has the size the digits imply.
            EXPECT_LE(ref.south_west.x, p.x) << text;
            EXPECT_LE(ref.south_west.y, p.y) << text;
            EXPECT_GT(ref.south_west.x + ref.size_m, p.x) << text;
            EXPECT_GT(ref.south_west.y + ref.size_m, p.y) << text;
            EXPECT_DOUBLE_EQ(ref.size_m, std::pow(10.0, 5 - digits / 2)) << text;
            EXPECT_EQ(format_grid_ref(ref.south_west, digits), text);
        }
    }
}

namespace {

// The UsageError's message for `text`, or "" when it parsed.
std::string parse_error(const std::string& text) {
    try {
        parse_grid_ref(text);
    } catch (const UsageError& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST(GridRef, MalformedReferencesSayWhatIsWrong) {
    EXPECT_NE(parse_error("").find("empty"), std::string::npos);
    EXPECT_NE(parse_error("531234 179456").find("two letters"), std::string::npos);
    EXPECT_NE(parse_error("TQ 312 79").find("different numbers of digits"), std::string::npos);
    EXPECT_NE(parse_error("TQ31279").find("odd number of digits"), std::string::npos);
    EXPECT_NE(parse_error("TQ 312345 794567").find("more than 10 digits"), std::string::npos);
    EXPECT_NE(parse_error("TI 31 79").find("letter I"), std::string::npos);
    EXPECT_NE(parse_error("TQ 3a 79").find("unexpected character 'a'"), std::string::npos);
    EXPECT_NE(parse_error("TQ 31 79 11").find("too many"), std::string::npos);
    // Z is the 500 km square south-east of T: real letters, but off the National Grid.
    EXPECT_NE(parse_error("ZZ 31 79").find("outside the National Grid"), std::string::npos);
    EXPECT_NE(parse_error("AA").find("outside the National Grid"), std::string::npos);
    // Messages quote the input so a user can find it.
    EXPECT_NE(parse_error("TQ31279").find("'TQ31279'"), std::string::npos);
}

TEST(GridRef, FormatRejectsPositionsOffTheGridAndBadDigitCounts) {
    EXPECT_THROW(format_grid_ref({-1, 100}), UsageError);
    EXPECT_THROW(format_grid_ref({700000, 100}), UsageError);
    EXPECT_THROW(format_grid_ref({100, 1300000}), UsageError);
    EXPECT_THROW(format_grid_ref({100, 100}, 7), UsageError);
    EXPECT_THROW(format_grid_ref({100, 100}, 12), UsageError);
}
