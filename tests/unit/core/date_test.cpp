#include "core/date.hpp"

#include <gtest/gtest.h>

using redline::core::Date;

TEST(Date, ParsesStrictIso) {
    const auto d = Date::parse("2024-04-25");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->year, 2024);
    EXPECT_EQ(d->month, 4);
    EXPECT_EQ(d->day, 25);
    EXPECT_TRUE(Date::parse("2024-04-25T10:00:00Z"));
}

TEST(Date, RejectsImpossibleAndMalformed) {
    for (const char* bad : {"2023-02-29", "2024-02-30", "2024-13-01", "2024-00-10", "2024-04-31",
                            "24-04-25", "2024/04/25", "25/04/2024", "", "2024-4-5", "2024-04-25x"})
        EXPECT_FALSE(Date::parse(bad)) << bad;
    EXPECT_TRUE(Date::parse("2024-02-29"));  // leap year
    EXPECT_TRUE(Date::parse("2000-02-29"));  // divisible by 400
    EXPECT_FALSE(Date::parse("1900-02-29")); // divisible by 100 only
}

TEST(Date, DayArithmetic) {
    EXPECT_EQ(Date::parse("1970-01-01")->days_since_epoch(), 0);
    EXPECT_EQ(Date::parse("2024-03-01")->days_since_epoch() -
                  Date::parse("2024-02-28")->days_since_epoch(),
              2);
    EXPECT_EQ(Date::parse("2024-04-25")->add_days(28).to_string(), "2024-05-23");
    EXPECT_EQ(Date::parse("2024-02-29")->add_years(4).to_string(), "2028-02-29");
    EXPECT_EQ(Date::parse("2024-02-29")->add_years(1).to_string(), "2025-02-28");
    EXPECT_LT(*Date::parse("2024-04-24"), *Date::parse("2024-04-25"));
}
