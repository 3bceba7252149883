#pragma once

#include "core/geometry.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace redline::core {

/// Complaint categories named in the data model.
const std::vector<std::string>& complaint_categories();

/// A reported suspected breach. `location` is EPSG:27700. The complainant fields are
/// confidential: never printed, exported or drawn unless the user explicitly reveals them.
struct Complaint {
    std::int64_t id = 0;
    std::string reference;
    std::string received_date; ///< ISO YYYY-MM-DD
    std::string category;
    std::string description;
    std::string status = "open";
    std::string complainant_name;    ///< confidential
    std::string complainant_contact; ///< confidential
    Coord location;                  ///< EPSG:27700 metres
    std::string source_layer;        ///< layer it was imported from, empty when added by hand
};

/// An enforcement case. The site is given by any of uprn, application reference or a point.
struct EnforcementCase {
    std::int64_t id = 0;
    std::string reference;
    std::string uprn;
    std::string application_reference;
    std::optional<Coord> site; ///< EPSG:27700 metres
    std::string alleged_breach;
    std::string breach_start_date; ///< ISO, may be empty when unknown
    std::string status = "open";
    std::string officer;
    std::string opened_date; ///< ISO
    std::vector<std::string> complaint_references;
};

/// One entry of the append-only audit log.
struct AuditEntry {
    std::int64_t id = 0;
    std::string time; ///< ISO 8601 UTC with seconds
    std::string user;
    std::string action;
    std::string details; ///< JSON text
};

} // namespace redline::core
