// The viewer's hotspot flags (issue #6): --heat-* filters, --gistar, --as-of, --dashboard-png.

#include "app/command_line.hpp"
#include "core/error.hpp"

#include <gtest/gtest.h>

#include <vector>

using namespace redline;

namespace {

app::CommandLine parse(std::vector<std::string> args) {
    args.insert(args.begin(), "redline");
    std::vector<char*> argv;
    for (std::string& a : args)
        argv.push_back(a.data());
    return app::parse_command_line(int(argv.size()), argv.data());
}

} // namespace

TEST(CommandLine, GistarTakesBandCellAndOptions) {
    const auto c = parse({"ws.redline", "--gistar", "40,15,hex,fdr", "--heat-status", "open"});
    ASSERT_TRUE(c.gistar);
    EXPECT_DOUBLE_EQ(c.gistar->band_m, 40);
    EXPECT_DOUBLE_EQ(c.gistar->cell_m, 15);
    EXPECT_TRUE(c.gistar->hex);
    EXPECT_TRUE(c.gistar->fdr);
    // Gi* counts the same complaints as the heat surface.
    EXPECT_EQ(c.gistar->filter.statuses, (std::vector<std::string>{"open"}));
    const auto square = parse({"ws.redline", "--gistar", "600,150"});
    EXPECT_FALSE(square.gistar->hex);
    EXPECT_FALSE(square.gistar->fdr);
}

TEST(CommandLine, HeatFiltersAndTheDashboardDate) {
    const auto c = parse({"ws.redline", "--heat-from", "2026-08-01", "--heat-to", "2026-10-31",
                          "--heat-category", "extension", "--heat-category", "tree", "--as-of",
                          "2026-11-01", "--dashboard-png", "d.png"});
    EXPECT_EQ(c.heat_filter.from, core::Date::parse("2026-08-01"));
    EXPECT_EQ(c.heat_filter.to, core::Date::parse("2026-10-31"));
    EXPECT_EQ(c.heat_filter.categories, (std::vector<std::string>{"extension", "tree"}));
    EXPECT_EQ(c.as_of, core::Date::parse("2026-11-01"));
    EXPECT_EQ(c.dashboard_png, "d.png");
    EXPECT_FALSE(c.gistar);
}

TEST(CommandLine, BadHotspotFlagsAreRefused) {
    EXPECT_THROW(parse({"ws", "--gistar", "40"}), core::UsageError);
    EXPECT_THROW(parse({"ws", "--gistar", "40,0"}), core::UsageError);
    EXPECT_THROW(parse({"ws", "--gistar", "40,15,round"}), core::UsageError);
    EXPECT_THROW(parse({"ws", "--heat-from", "2026-02-30"}), core::UsageError);
    EXPECT_THROW(parse({"ws", "--as-of", "yesterday"}), core::UsageError);
}

TEST(CommandLine, ComplaintAtOpensTheIntakeForm) {
    const auto c = parse({"ws.redline", "--complaint-at", "533004,179000,open-case"});
    ASSERT_TRUE(c.complaint_at);
    EXPECT_DOUBLE_EQ(c.complaint_at->x, 533004);
    EXPECT_DOUBLE_EQ(c.complaint_at->y, 179000);
    EXPECT_TRUE(c.complaint_opens_case);
    EXPECT_FALSE(parse({"ws.redline", "--complaint-at", "533004,179000"}).complaint_opens_case);
    EXPECT_THROW(parse({"ws.redline", "--complaint-at", "533004"}), core::UsageError);
    EXPECT_THROW(parse({"ws.redline", "--complaint-at", "533004,179000,new"}), core::UsageError);
}
