// The scale-bar length and scale wording that the viewer and the evidence pack both print.
#include "scene/scale_text.hpp"

#include <gtest/gtest.h>

using redline::scene::choose_scale_bar_length;
using redline::scene::format_scale;

TEST(ScaleText, BarIsTheLongestOneTwoOrFiveThatFits) {
    EXPECT_DOUBLE_EQ(choose_scale_bar_length(66.1).length_m, 50);
    EXPECT_DOUBLE_EQ(choose_scale_bar_length(99.99).length_m, 50);
    EXPECT_DOUBLE_EQ(choose_scale_bar_length(100).length_m, 100);
    EXPECT_DOUBLE_EQ(choose_scale_bar_length(199).length_m, 100);
    EXPECT_DOUBLE_EQ(choose_scale_bar_length(22.5).length_m, 20);
    EXPECT_EQ(choose_scale_bar_length(4000).label, "2 km");
    EXPECT_EQ(choose_scale_bar_length(0.7).label, "0.5 m");
    EXPECT_EQ(choose_scale_bar_length(1500).label, "1 km");
    EXPECT_EQ(choose_scale_bar_length(12).label, "10 m");
}

TEST(ScaleText, ScaleHasThousandsSeparators) {
    EXPECT_EQ(format_scale(1250), "1:1,250");
    EXPECT_EQ(format_scale(999), "1:999");
    EXPECT_EQ(format_scale(500.4), "1:500");
    EXPECT_EQ(format_scale(1000000), "1:1,000,000");
    EXPECT_EQ(format_scale(66574.4), "1:66,574");
}
