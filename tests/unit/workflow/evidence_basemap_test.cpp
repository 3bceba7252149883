// How finely an evidence pack reads a basemap, and which basemap options it accepts.
#include "core/error.hpp"
#include "workflow/evidence_export.hpp"
#include "workflow/evidence_sections.hpp"

#include <gtest/gtest.h>

using namespace redline;

TEST(BasemapPrintCell, AboutTwoHundredFiftyDotsPerInchOnPaper) {
    // At 1:500 one inch of paper is 12.7 m of ground; 250 dots to it.
    EXPECT_NEAR(workflow::basemap_print_cell_m(500, 0.01, 100), 12.7 / 250, 1e-12);
    EXPECT_NEAR(workflow::basemap_print_cell_m(1250, 0.01, 200), 31.75 / 250, 1e-12);
}

TEST(BasemapPrintCell, NeverFinerThanTheSource) {
    EXPECT_DOUBLE_EQ(workflow::basemap_print_cell_m(500, 0.25, 100), 0.25);
}

TEST(BasemapPrintCell, CappedForHugeFrames) {
    // 2 km of ground at 1:500 would be 39,370 dots; at most 5000 pixels a side.
    EXPECT_DOUBLE_EQ(workflow::basemap_print_cell_m(500, 0.01, 2000), 2000.0 / 5000);
}

TEST(BasemapOptions, PathAndOpacityAreChecked) {
    workflow::EvidenceRequest r;
    r.case_reference = "ENF/1";
    r.basemaps = {{"a.tif", 0.4, " (c) Someone "}};
    const auto o = workflow::parse_evidence_options(r);
    ASSERT_EQ(o.basemaps.size(), 1u);
    EXPECT_EQ(o.basemaps[0].path, "a.tif");
    EXPECT_DOUBLE_EQ(o.basemaps[0].opacity, 0.4);
    EXPECT_EQ(o.basemaps[0].credit, "(c) Someone");
    r.basemaps = {{"a.tif", 1.5, ""}};
    EXPECT_THROW(workflow::parse_evidence_options(r), core::UsageError);
    r.basemaps = {{" ", 1, ""}};
    EXPECT_THROW(workflow::parse_evidence_options(r), core::UsageError);
}
