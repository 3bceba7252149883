#pragma once
// A case's classification and dated stage history as the workspace stores them (issue #8). The
// store does not depend on analysis: names are stored as text and checked against the lists
// below (which the database's CHECK constraints repeat); the CLI and the app convert them to
// analysis::StageEntry.

#include "core/records.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace redline::store {

/// Names accepted for a stage, a notice kind, an outcome, a breach type and a nation.
const std::vector<std::string>& case_stage_names();
const std::vector<std::string>& notice_kind_names();
const std::vector<std::string>& case_outcome_names();
const std::vector<std::string>& breach_type_names();
const std::vector<std::string>& nation_names();

/// How TCPA 1990 s171B classifies a case's breach, and where it is (England or Wales).
struct CaseProfile {
    std::string breach_type = "other"; ///< operational, change-of-use-dwelling, condition, other
    std::string nation = "england";    ///< england, wales
};

/// One dated stage change. Dates are ISO YYYY-MM-DD ("" = not given).
struct CaseStageRecord {
    std::int64_t id = 0;                ///< set by the store
    std::string stage;                  ///< one of case_stage_names()
    std::string date;                   ///< when the case entered the stage
    std::string served_date;            ///< PCN or notice served (TSN: first displayed)
    std::string effective_date;         ///< date the notice takes effect
    std::optional<int> compliance_days; ///< compliance period stated in the notice (> 0)
    std::string notice_kind;            ///< notice-issued only (required there)
    std::string outcome;                ///< closed only (required there)
    std::string note;
    std::string recorded_at; ///< ISO 8601 UTC, set by the store
    std::string user;        ///< set by the store
};

namespace detail {
class Connection;
/// Schema migration 4 -> 5: enforcement_cases.breach_type and .nation, the append-only
/// case_stages table and complaint_merges. Call only from the migration list (store/schema.cpp),
/// inside its transaction.
void migrate_case_stages(Connection& db);
/// Throws UsageError unless the profile's names are known.
void check_case_profile(const CaseProfile& profile);
/// Workspace::add_case's work (casework.cpp): the case, its key dates, its "case-add" entry and
/// its complaints' links. Call inside a transaction, which the caller commits or rolls back as a
/// whole (a complaint's intake adds the complaint in the same one). `profile` may be null (the
/// columns keep their defaults and the audit entry does not name them).
std::int64_t insert_case(Connection& db, const std::string& user, const core::EnforcementCase& c,
                         const CaseProfile* profile);
} // namespace detail

} // namespace redline::store
