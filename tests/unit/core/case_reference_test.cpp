// The next case reference follows the workspace's own numbering, per year.
#include "core/case_reference.hpp"

#include <gtest/gtest.h>

using redline::core::next_case_reference;

TEST(CaseReference, NextFreeNumberOfTheYearInTheWorkspacesPattern) {
    const std::vector<std::string> demo = {"ENF/26/0001", "ENF/26/0009", "ENF/26/0002",
                                           "ENF/25/0040"};
    // The highest of the year, not the last added.
    EXPECT_EQ(next_case_reference(demo, 2026), "ENF/26/0010");
    EXPECT_EQ(next_case_reference(demo, 2025), "ENF/25/0041");
    // A year with no case yet starts at 1, in the same width.
    EXPECT_EQ(next_case_reference(demo, 2027), "ENF/27/0001");
}

TEST(CaseReference, FollowsTheLatestPatternAndIgnoresOtherShapes) {
    // A council that moved from E/2025/17 to PE/26/001 continues the new numbering; references of
    // another shape (no year, free text) neither set the pattern nor take a number.
    const std::vector<std::string> refs = {"E/2025/17", "PE/26/007", "E/1", "Smith's shed"};
    EXPECT_EQ(next_case_reference(refs, 2026), "PE/26/008");
    EXPECT_EQ(next_case_reference({"E/2025/17"}, 2025), "E/2025/18");
    EXPECT_EQ(next_case_reference({"SW/ENF/26/0003"}, 2026), "SW/ENF/26/0004");
    // Past the width it grows rather than wrapping.
    EXPECT_EQ(next_case_reference({"ENF/26/99"}, 2026), "ENF/26/100");
}

TEST(CaseReference, WithoutAPatternItIsEnfYearNumber) {
    EXPECT_EQ(next_case_reference({}, 2026), "ENF/26/0001");
    EXPECT_EQ(next_case_reference({"E/1", "case one"}, 2031), "ENF/31/0001");
}
