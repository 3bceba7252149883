#include "analysis/priority.hpp"

#include "analysis/case_clocks.hpp"
#include "core/text.hpp"

#include <algorithm>

namespace redline::analysis {
namespace {

bool has(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

bool mentions(const std::string& lower_text, const char* phrase) {
    return lower_text.find(phrase) != std::string::npos;
}

/// Whole words of lower-case text ("street" is not "tree").
std::vector<std::string> words(const std::string& lower_text) {
    std::vector<std::string> out(1);
    for (const char ch : lower_text) {
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
            out.back() += ch;
        else if (!out.back().empty())
            out.emplace_back();
    }
    return out;
}

} // namespace

const char* to_string(Priority p) {
    switch (p) {
    case Priority::P1:
        return "P1";
    case Priority::P2:
        return "P2";
    case Priority::P3:
        return "P3";
    }
    return "P3";
}

bool is_p1_finding(const std::string& code) {
    return code == "listed-building-works" || code == "tpo-root-protection" ||
           code == "demolition-in-conservation-area";
}

bool is_building_works_finding(const std::string& code) {
    return code == "outside-red-line" || code == "exceeds-approved-footprint" ||
           code == "no-permission" || code == "article-4" || code.rfind("pd-", 0) == 0;
}

PriorityAssessment assess_priority(const CaseFile& c, const std::optional<core::Date>& immunity,
                                   const core::Date& as_of, const Targets& targets) {
    std::vector<std::string> p1;
    std::vector<std::string> p2;
    for (const auto& code : c.findings.codes) {
        if (is_p1_finding(code))
            p1.push_back("breach check finding " + code + " at the site");
        else if (is_building_works_finding(code) && c.breach_type == BreachType::Operational)
            p2.push_back("building works found at the site (finding " + code + ")");
    }
    if (has(c.complaint_categories, "listed-building"))
        p1.push_back("complaint about works to a listed building");
    if (has(c.complaint_categories, "tree"))
        p1.push_back("complaint about protected trees");
    // The alleged breach is free text: the case officer's own words are the best evidence of what
    // the case is about when the breach check has not run.
    const std::string text = core::to_lower(c.record.alleged_breach);
    if (mentions(text, "listed building"))
        p1.push_back("alleged breach names a listed building");
    const auto w = words(text);
    if (has(w, "tree") || has(w, "trees") || has(w, "tpo"))
        p1.push_back("alleged breach names protected trees");
    if (mentions(text, "demolition") && mentions(text, "conservation area"))
        p1.push_back("alleged breach is demolition in a conservation area");
    if (immunity && as_of < *immunity &&
        !(as_of < add_months(*immunity, -targets.immunity_window_months))) {
        const long days = immunity->days_since_epoch() - as_of.days_since_epoch();
        p1.push_back("immune from " + immunity->to_string() + " (s171B), " + std::to_string(days) +
                     " days left: within " + std::to_string(targets.immunity_window_months) +
                     " months of immunity");
    }
    if (c.breach_type == BreachType::Operational) {
        for (const char* cat : {"building-works", "extension", "outbuilding", "fence-wall"})
            if (has(c.complaint_categories, cat)) {
                p2.push_back(std::string("building works complained of (") + cat + ")");
                break;
            }
    }

    PriorityAssessment out;
    if (!p1.empty()) {
        out.level = Priority::P1;
        out.reasons = p1;
    } else if (!p2.empty()) {
        out.level = Priority::P2;
        out.reasons = p2;
    } else {
        out.level = Priority::P3;
        out.reasons.push_back(c.findings.check_has_run
                                  ? "no P1/P2 reason; the breach check found nothing serious here"
                                  : "no P1/P2 reason (no breach check run yet)");
    }
    const auto i = static_cast<std::size_t>(out.level) - 1;
    out.acknowledge_working_days = targets.acknowledge_working_days[i];
    out.visit_working_days = targets.visit_working_days[i];
    return out;
}

} // namespace redline::analysis
