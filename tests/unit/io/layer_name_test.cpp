#include "io/importer.hpp"

#include <gtest/gtest.h>

using redline::io::sanitise_layer_name;

TEST(LayerName, LowerCaseUnderscoresNoRuns) {
    EXPECT_EQ(sanitise_layer_name("TPO zones - Individual type"), "tpo_zones_individual_type");
    EXPECT_EQ(sanitise_layer_name("Article 4 _ HMO Bywater Place"), "article_4_hmo_bywater_place");
    EXPECT_EQ(sanitise_layer_name("  --x--  "), "x");
}

TEST(LayerName, NoLeadingDigitNeverEmpty) {
    EXPECT_EQ(sanitise_layer_name("2021 survey"), "layer_2021_survey");
    EXPECT_EQ(sanitise_layer_name(""), "layer");
    EXPECT_EQ(sanitise_layer_name("!!!"), "layer");
}

TEST(LayerName, NonAsciiBecomesUnderscore) {
    EXPECT_EQ(sanitise_layer_name("Caf\xC3\xA9 r\xC3\xA9seau"), "caf_r_seau");
}

TEST(LayerName, AtMostSixtyCharacters) {
    const auto n = sanitise_layer_name(std::string(59, 'a') + " bcd");
    EXPECT_EQ(n, std::string(59, 'a')); // cut at 60 then the trailing '_' dropped
    EXPECT_LE(sanitise_layer_name(std::string(200, 'z')).size(), 60u);
}
