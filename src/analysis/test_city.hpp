#pragma once

#include "analysis/breach_input.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace redline::analysis {

/// A finding a generated plot is built to raise, known from how it was built (not by running
/// the rules): its rule code, the plot's uprn and the measured value and limit.
struct ExpectedFinding {
    std::string code;
    std::string uprn;
    std::optional<double> value;
    std::optional<double> limit;
    std::string scenario; ///< e.g. "detached rear extension 4.6 m"
};

struct CityOptions {
    std::size_t plots = 300; ///< approximate number of plots (whole streets are made)
    std::uint64_t seed = 1;  ///< same seed, same city, on every platform
};

/// A generated town for testing and benchmarking the breach rules: straight streets at random
/// angles, each lined with terraced, detached, small and vacant plots, every plot given a random
/// scenario (nothing, rear/side/front extensions, outbuildings, demolitions, approved and lapsed
/// applications, designations, protected trees) whose findings follow from its dimensions.
/// Values keep clear of each threshold (at least 0.05 of its unit) so that the expected answer
/// does not depend on rounding. EPSG:27700 around E 400000, N 200000.
struct TestCity {
    core::Date as_of;
    std::vector<std::pair<core::Role, core::LayerData>> layers;
    std::vector<ExpectedFinding> expected;
    std::size_t plot_count = 0;
    std::size_t building_count = 0; ///< current buildings
    /// The layers as breach-check input (as_of set).
    BreachInput input() const;
};

/// Build a city deterministically from `options`.
TestCity make_test_city(const CityOptions& options);

} // namespace redline::analysis
