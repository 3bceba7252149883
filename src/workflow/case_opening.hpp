#pragma once
// Opening an enforcement case, checked once for every front end: `redline-cli case add`,
// `redline-cli complaint add --open-case` and the viewer's complaint intake form ("Open a new
// case") take the same checks and the same defaults, and refuse with the same words.

#include "core/date.hpp"
#include "core/geometry.hpp"
#include "core/records.hpp"
#include "store/workspace.hpp"

#include <optional>
#include <string>

namespace redline::workflow {

/// A new case as typed ("" = not given).
struct CaseInput {
    std::string reference;           ///< required; a complaint's intake fills "" itself
    std::string application;         ///< planning application reference of the site
    std::string uprn;                ///< of the site: up to 12 digits
    std::optional<core::Coord> site; ///< EPSG:27700 metres
    std::string officer;
    std::string alleged_breach;
    std::string breach_start; ///< YYYY-MM-DD: works substantially completed (s171B)
    std::string opened;       ///< YYYY-MM-DD; "" = today
    /// store::breach_type_names() and store::nation_names(); when both are "" the case is not
    /// classified yet (the store's defaults, other and england, and the audit entry says nothing).
    std::string breach_type, nation;
};

/// A new case checked against the workspace, ready to write.
struct CaseToOpen {
    core::EnforcementCase record;
    std::optional<store::CaseProfile> profile; ///< when a breach type or nation was given
};

/// Check a new case and return what to store. Throws core::UsageError naming the field: an empty
/// case reference, a site point outside the British National Grid's extent; core::StoreError
/// "case reference 'R' is already taken (...)" when a case has it. Dates, the UPRN and the
/// breach type are checked by the store when written (UsageError naming the field; nothing is
/// written). Reads only.
CaseToOpen check_new_case(const store::Workspace& ws, const CaseInput& input);

/// check_new_case, then Workspace::add_case: one transaction with its "case-add" audit entry.
/// Returns the record as stored. Throws as check_new_case and Workspace::add_case; nothing is
/// written then. Blocking.
core::EnforcementCase open_case(store::Workspace& ws, const CaseInput& input);

/// The next free case reference for the year of `day` in the workspace's own numbering
/// (core::next_case_reference over its cases, e.g. ENF/26/0013 after ENF/26/0012). Reads only.
std::string next_case_reference(const store::Workspace& ws, const core::Date& day);

} // namespace redline::workflow
