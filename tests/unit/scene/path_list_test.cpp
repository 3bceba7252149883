// The flat float outline list: paths come back in order, closed when asked, within two millimetres
// (half a float step) far out in British National Grid.
#include "scene/path_list.hpp"

#include <gtest/gtest.h>

using namespace redline;

TEST(PathList, PathsComeBackInOrderAndRingsClose) {
    scene::PathList list;
    EXPECT_TRUE(list.empty());
    list.add({{533000.25, 179000.5}, {533010.25, 179000.5}, {533010.25, 179010.5}}, true);
    list.add({{533100, 179100}, {533105, 179100}}, false);
    list.add({{533200, 179200}, {533210, 179200}, {533210, 179210}, {533200, 179200}}, true);
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list.length(0), 4u); // closed: the first vertex repeated
    EXPECT_EQ(list.length(1), 2u);
    EXPECT_EQ(list.length(2), 4u); // already closed: nothing added
    EXPECT_EQ(list.at(0, 3).x, 533000.25);
    EXPECT_EQ(list.at(0, 3).y, 179000.5);
    EXPECT_EQ(list.at(1, 1).x, 533105);
    const core::Path p = list.path(2);
    ASSERT_EQ(p.size(), 4u);
    EXPECT_EQ(p[1].x, 533210);
}

TEST(PathList, FloatsStayWithinTwoMillimetresFiftyKilometresFromTheOrigin) {
    scene::PathList list;
    list.add({{500000.0, 150000.0}, {500001.0, 150000.0}}, false);
    list.add({{550000.123, 199999.987}, {549999.456, 150000.001}}, false);
    EXPECT_NEAR(list.at(1, 0).x, 550000.123, 2e-3); // half a float step at 2^15..2^16 m
    EXPECT_NEAR(list.at(1, 0).y, 199999.987, 2e-3); // half a float step at 2^15..2^16 m
    EXPECT_NEAR(list.at(1, 1).x, 549999.456, 2e-3); // half a float step at 2^15..2^16 m
    EXPECT_NEAR(list.at(1, 1).y, 150000.001, 2e-3); // half a float step at 2^15..2^16 m
}
