#pragma once
// The life of an enforcement case as the analysis functions see it: its stages, the notice served
// at the notice-issued stage, the outcome of a closed case, and how the breach is classified for
// the immunity rules of TCPA 1990 s171B. Names are the ones stored in the workspace and typed on
// the command line.

#include "core/date.hpp"
#include "core/records.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace redline::analysis {

/// Stages in their usual order (a case may skip or repeat stages; order is used to decide which
/// targets a later stage has met).
enum class CaseStage {
    Received,
    Acknowledged,
    SiteVisit,
    Investigation, ///< a planning contravention notice (s171C) served
    Negotiation,
    NoticeIssued,
    Appeal,
    ComplianceCheck,
    Prosecution,
    Closed,
};

enum class NoticeKind {
    EnforcementNotice,       ///< s172
    BreachOfConditionNotice, ///< s187A
    StopNotice,              ///< s183
    TemporaryStopNotice,     ///< s171E
    UntidyLand,              ///< s215
};

enum class CaseOutcome { NoBreach, NotExpedient, Regularised, Complied, Immune };

/// How s171B classifies the breach.
enum class BreachType {
    Operational,         ///< building, engineering, mining or other operations (s171B(1))
    ChangeOfUseDwelling, ///< change of use to a single dwellinghouse (s171B(2))
    Condition,           ///< breach of a condition (s171B(3), "any other breach")
    Other,               ///< any other breach, e.g. other material changes of use (s171B(3))
};

enum class Nation { England, Wales };

/// "received", "site-visit", ...; "enforcement-notice", ...; "no-breach", ...
const char* to_string(CaseStage s);
const char* to_string(NoticeKind k);
const char* to_string(CaseOutcome o);
const char* to_string(BreachType t);
const char* to_string(Nation n);
/// Parse a name written as to_string writes it; nullopt otherwise.
std::optional<CaseStage> parse_case_stage(std::string_view s);
std::optional<NoticeKind> parse_notice_kind(std::string_view s);
std::optional<CaseOutcome> parse_case_outcome(std::string_view s);
std::optional<BreachType> parse_breach_type(std::string_view s);
std::optional<Nation> parse_nation(std::string_view s);
/// Every name, in enum order (for usage messages and validation).
std::vector<std::string> case_stage_names();
std::vector<std::string> notice_kind_names();
std::vector<std::string> case_outcome_names();
std::vector<std::string> breach_type_names();

/// One dated stage change. Dates are calendar days.
struct StageEntry {
    CaseStage stage = CaseStage::Received;
    core::Date date;                     ///< when the case entered the stage
    std::optional<core::Date> served;    ///< notice or PCN service (display, for a TSN)
    std::optional<core::Date> effective; ///< date the notice says it takes effect
    std::optional<int> compliance_days;  ///< compliance period stated in the notice
    std::optional<NoticeKind> notice;    ///< notice-issued only
    std::optional<CaseOutcome> outcome;  ///< closed only
};

/// Breach-engine rule codes found at the case's site in the latest check run (for example
/// "listed-building-works"); filled by the caller from the workspace when a run exists.
struct SiteFindingCodes {
    bool check_has_run = false;
    std::vector<std::string> codes;
};

/// Everything the clocks, the priority and the workload need about one case.
struct CaseFile {
    core::EnforcementCase record;
    BreachType breach_type = BreachType::Other;
    Nation nation = Nation::England;
    std::vector<StageEntry> stages; ///< any order; sorted by date (stable) when used
    /// Earliest received date of the linked complaints (the acknowledgement clock runs from it);
    /// nullopt: the case's opened date is used.
    std::optional<core::Date> first_received;
    std::vector<std::string> complaint_categories; ///< of the linked complaints
    SiteFindingCodes findings;
};

/// The stages sorted by date, ties kept in recording order.
std::vector<StageEntry> sorted_stages(const CaseFile& c);
/// The stage a case is in: the last of sorted_stages, or Received when none is recorded.
CaseStage current_stage(const CaseFile& c);

} // namespace redline::analysis
