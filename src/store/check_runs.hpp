#pragma once
// Records of breach check runs and their findings, as the workspace stores them (the store does
// not depend on analysis: the CLI and the app convert analysis::Finding to FindingRecord).

#include "core/geometry.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace redline::store {

/// One input layer of a run: what was read, and the SHA-256 of its source file from the registry,
/// so that a finding can be traced to the exact data it came from.
struct CheckRunInput {
    std::string layer;
    std::string role;
    std::string source_sha256;
    std::size_t feature_count = 0;
};

/// One breach check run.
struct CheckRunRecord {
    std::int64_t id = 0;                ///< set by the store
    std::string run_at;                 ///< ISO 8601 UTC, set by the store
    std::string user;                   ///< set by the store (the workspace's user)
    std::string as_of;                  ///< analysis date, YYYY-MM-DD
    std::string parameters_json = "{}"; ///< every rule parameter by name
    std::vector<CheckRunInput> inputs;
    std::string software_version;    ///< core::k_version
    std::string source_commit;       ///< core::k_source_commit
    std::string skipped_json = "[]"; ///< [{"code":..,"reason":..}]
    std::size_t development_count = 0;
    std::size_t demolition_count = 0;
    std::size_t finding_count = 0; ///< set by the store
};

/// One stored finding (fields as analysis::Finding). Geometry EPSG:27700.
struct FindingRecord {
    std::int64_t id = 0;
    std::int64_t run_id = 0;
    std::string code;
    std::string severity;
    std::string development_id;
    std::vector<std::string> applications;
    std::string uprn;
    std::vector<std::string> complaints;
    std::optional<double> value;
    std::optional<double> limit;
    std::string unit;
    std::optional<double> distance_m;
    std::string explanation;
    std::string provision;
    std::string annotation_text;
    core::Geometry geometry;
    core::Geometry annotation; ///< dimension line or point for the viewer
};

} // namespace redline::store
