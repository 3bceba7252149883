#include "core/feature.hpp"
#include "core/role.hpp"
#include "core/text.hpp"

#include <gtest/gtest.h>

using namespace redline::core;

TEST(Text, Utf8Validation) {
    EXPECT_TRUE(is_valid_utf8("Southwark"));
    EXPECT_TRUE(is_valid_utf8("St George\xe2\x80\x99s Circus")); // right single quote
    EXPECT_FALSE(is_valid_utf8("Caf\xe9"));                      // Latin-1 e-acute
    EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));                     // overlong '/'
    EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));                 // surrogate
    EXPECT_FALSE(is_valid_utf8("abc\xe2\x80"));                  // truncated
    EXPECT_EQ(first_invalid_utf8("ab\xff"), 2u);
}

TEST(Text, ParseDouble) {
    double v = 0;
    EXPECT_TRUE(parse_double(" 531234.5 ", v));
    EXPECT_DOUBLE_EQ(v, 531234.5);
    EXPECT_FALSE(parse_double("12abc", v));
    EXPECT_FALSE(parse_double("", v));
    EXPECT_FALSE(parse_double("nan", v));
}

TEST(Text, JsonQuoteEscapes) {
    EXPECT_EQ(json_quote("a\"b\\c\n\x01"), "\"a\\\"b\\\\c\\n\\u0001\"");
}

TEST(Roles, NamesRoundTripAndFieldsMatchDataModel) {
    for (Role r : all_roles())
        EXPECT_EQ(parse_role(to_string(r)), r);
    EXPECT_EQ(parse_role("Article_4_Direction_Area"), Role::Article4DirectionArea);
    EXPECT_FALSE(parse_role("listed-building"));
    EXPECT_EQ(required_fields(Role::PlanningApplication),
              (std::vector<std::string>{"reference", "planning_decision", "decision_date"}));
    EXPECT_EQ(expected_geometry(Role::Highway), GeometryKind::Line);
    EXPECT_EQ(normalise_field_name("Decision-Date"), "decision_date");
}
