#include "analysis/case_stage.hpp"

#include <algorithm>
#include <array>

namespace redline::analysis {
namespace {

constexpr std::array<const char*, 10> k_stages = {
    "received",      "acknowledged", "site-visit",       "investigation", "negotiation",
    "notice-issued", "appeal",       "compliance-check", "prosecution",   "closed"};
constexpr std::array<const char*, 5> k_notices = {"enforcement-notice",
                                                  "breach-of-condition-notice", "stop-notice",
                                                  "temporary-stop-notice", "s215"};
constexpr std::array<const char*, 5> k_outcomes = {"no-breach", "not-expedient", "regularised",
                                                   "complied", "immune"};
constexpr std::array<const char*, 4> k_breach_types = {"operational", "change-of-use-dwelling",
                                                       "condition", "other"};
constexpr std::array<const char*, 2> k_nations = {"england", "wales"};

template <class E, std::size_t N>
std::optional<E> parse(const std::array<const char*, N>& names, std::string_view s) {
    for (std::size_t i = 0; i < N; ++i)
        if (s == names[i])
            return static_cast<E>(i);
    return std::nullopt;
}

template <std::size_t N> std::vector<std::string> all(const std::array<const char*, N>& names) {
    return {names.begin(), names.end()};
}

} // namespace

const char* to_string(CaseStage s) {
    return k_stages[static_cast<std::size_t>(s)];
}
const char* to_string(NoticeKind k) {
    return k_notices[static_cast<std::size_t>(k)];
}
const char* to_string(CaseOutcome o) {
    return k_outcomes[static_cast<std::size_t>(o)];
}
const char* to_string(BreachType t) {
    return k_breach_types[static_cast<std::size_t>(t)];
}
const char* to_string(Nation n) {
    return k_nations[static_cast<std::size_t>(n)];
}

std::optional<CaseStage> parse_case_stage(std::string_view s) {
    return parse<CaseStage>(k_stages, s);
}
std::optional<NoticeKind> parse_notice_kind(std::string_view s) {
    return parse<NoticeKind>(k_notices, s);
}
std::optional<CaseOutcome> parse_case_outcome(std::string_view s) {
    return parse<CaseOutcome>(k_outcomes, s);
}
std::optional<BreachType> parse_breach_type(std::string_view s) {
    return parse<BreachType>(k_breach_types, s);
}
std::optional<Nation> parse_nation(std::string_view s) {
    return parse<Nation>(k_nations, s);
}

std::vector<std::string> case_stage_names() {
    return all(k_stages);
}
std::vector<std::string> notice_kind_names() {
    return all(k_notices);
}
std::vector<std::string> case_outcome_names() {
    return all(k_outcomes);
}
std::vector<std::string> breach_type_names() {
    return all(k_breach_types);
}

std::vector<StageEntry> sorted_stages(const CaseFile& c) {
    auto out = c.stages;
    std::stable_sort(out.begin(), out.end(),
                     [](const StageEntry& a, const StageEntry& b) { return a.date < b.date; });
    return out;
}

CaseStage current_stage(const CaseFile& c) {
    const auto s = sorted_stages(c);
    return s.empty() ? CaseStage::Received : s.back().stage;
}

} // namespace redline::analysis
