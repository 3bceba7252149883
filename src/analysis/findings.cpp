// The rule table (codes, severities, provisions of shared/docs/breach-rules.md sections 2 and 5)
// and the findings layer written by `redline-cli check`.
#include "analysis/findings.hpp"

#include <cmath>
#include <cstdio>

namespace redline::analysis {

const char* to_string(Severity s) {
    switch (s) {
    case Severity::High:
        return "high";
    case Severity::Medium:
        return "medium";
    default:
        return "info";
    }
}

const std::vector<RuleInfo>& breach_rules() {
    static const char* k_s171a = "TCPA 1990 s171A(1)(a): development carried out without the "
                                 "required planning permission (or not in accordance with the "
                                 "permission granted)";
    static const std::vector<RuleInfo> rules = {
        {"outside-red-line", Severity::High, k_s171a},
        {"exceeds-approved-footprint", Severity::Medium, k_s171a},
        {"no-permission", Severity::High, k_s171a},
        {"pd-rear-depth", Severity::Medium,
         "GPDO 2015 Sch.2 Pt.1 Class A, para. A.1(f) (single storey beyond the rear wall of the "
         "original house: 4 m detached, 3 m otherwise)"},
        {"pd-side-width", Severity::Medium,
         "GPDO 2015 Sch.2 Pt.1 Class A, para. A.1(j)(iii) (width more than half that of the "
         "original house); on article 2(3) land para. A.2(b) (no extension beyond a side wall)"},
        {"pd-forward-of-principal-elevation", Severity::Medium,
         "GPDO 2015 Sch.2 Pt.1 Class A, para. A.1(e) (extends beyond a wall forming the principal "
         "elevation fronting a highway)"},
        {"pd-curtilage-coverage", Severity::Medium,
         "GPDO 2015 Sch.2 Pt.1 Class A, para. A.1(b) and Class E, para. E.1(b) (buildings other "
         "than the original house exceed 50% of the curtilage)"},
        {"pd-eaves-near-boundary", Severity::Medium,
         "GPDO 2015 Sch.2 Pt.1 Class A, para. A.1(i) (within 2 m of the boundary with eaves "
         "above 3 m)"},
        {"article-4", Severity::High, "GPDO 2015 article 4 direction"},
        {"listed-building-works", Severity::High,
         "Planning (Listed Buildings and Conservation Areas) Act 1990 s7 (listed building "
         "consent); GPDO 2015 Sch.2 Pt.1 para. E.2 for outbuildings in a listed building's "
         "curtilage"},
        {"tpo-root-protection", Severity::High,
         "TCPA 1990 s198 and the Town and Country Planning (Tree Preservation) (England) "
         "Regulations 2012; BS 5837:2012 for the root protection area"},
        {"demolition-in-conservation-area", Severity::High,
         "TCPA 1990 s55 and s196D (relevant demolition in a conservation area needs planning "
         "permission)"},
        {"permission-lapsed", Severity::Info, "TCPA 1990 s91 (time limit to begin development)"},
    };
    return rules;
}

const RuleInfo* find_rule(std::string_view code) {
    for (const auto& r : breach_rules())
        if (code == r.code)
            return &r;
    return nullptr;
}

std::size_t rule_order(std::string_view code) {
    const auto& rules = breach_rules();
    for (std::size_t i = 0; i < rules.size(); ++i)
        if (code == rules[i].code)
            return i;
    return rules.size();
}

std::string format_number(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    if (s.find_first_not_of("-0.") == std::string::npos && s.front() == '-')
        s.erase(0, 1);
    return s;
}

namespace {
std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : ";") + p;
    return out;
}
core::FieldValue number(const std::optional<double>& v) {
    if (!v)
        return std::monostate{};
    // Rounded to the millimetre (or 0.001 m2, %): more digits would be noise from the survey.
    return std::round(*v * 1000.0) / 1000.0;
}
} // namespace

core::LayerData findings_layer(const std::vector<Finding>& findings, const std::string& name) {
    core::LayerData l;
    l.name = name;
    l.epsg = 27700;
    using core::FieldType;
    const std::pair<const char*, FieldType> fields[] = {
        {"code", FieldType::Text},           {"severity", FieldType::Text},
        {"development_id", FieldType::Text}, {"application", FieldType::Text},
        {"uprn", FieldType::Text},           {"complaints", FieldType::Text},
        {"value", FieldType::Real},          {"limit", FieldType::Real},
        {"unit", FieldType::Text},           {"distance_m", FieldType::Real},
        {"explanation", FieldType::Text},    {"provision", FieldType::Text},
        {"annotation", FieldType::Text}};
    for (const auto& [n, t] : fields)
        l.fields.push_back({n, t});
    std::int64_t fid = 0;
    for (const auto& f : findings) {
        core::Feature out;
        out.source_fid = ++fid;
        out.geometry = f.geometry;
        out.values = {f.code,           std::string(to_string(f.severity)),
                      f.development_id, join(f.applications),
                      f.uprn,           join(f.complaints),
                      number(f.value),  number(f.limit),
                      f.unit,           number(f.distance_m),
                      f.explanation,    f.provision,
                      f.annotation_text};
        l.features.push_back(std::move(out));
    }
    return l;
}

} // namespace redline::analysis
