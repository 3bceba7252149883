// The breach rules' parameters by name. Defaults are those of shared/docs/breach-rules.md.
#include "analysis/breach_parameters.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace redline::analysis {

const std::vector<ParameterInfo>& parameter_table() {
    using P = Parameters;
    static const std::vector<ParameterInfo> table = {
        {"sliver_width_m", "m", "opening width removing slivers and spikes", &P::sliver_width_m},
        {"min_development_area_m2", "m2", "smallest development", &P::min_development_area_m2},
        {"cover_min_overlap_m2", "m2", "red line overlap that covers a development",
         &P::cover_min_overlap_m2},
        {"cover_min_overlap_fraction", "fraction",
         "red line overlap (share of the development) that covers it",
         &P::cover_min_overlap_fraction},
        {"outside_min_area_m2", "m2", "outside-red-line threshold", &P::outside_min_area_m2},
        {"footprint_tolerance_m", "m", "growth of the approved footprint",
         &P::footprint_tolerance_m},
        {"exceed_min_area_m2", "m2", "exceeds-approved-footprint threshold",
         &P::exceed_min_area_m2},
        {"rear_depth_detached_m", "m", "rear depth limit, detached house",
         &P::rear_depth_detached_m},
        {"rear_depth_attached_m", "m", "rear depth limit, other houses", &P::rear_depth_attached_m},
        {"depth_tolerance_m", "m", "tolerance on depth, side width and forward projection",
         &P::depth_tolerance_m},
        {"coverage_limit", "fraction", "curtilage coverage limit (0.5 = 50 %)", &P::coverage_limit},
        {"eaves_boundary_distance_m", "m", "eaves rule applies within this of the boundary",
         &P::eaves_boundary_distance_m},
        {"eaves_limit_m", "m", "eaves height limit near the boundary", &P::eaves_limit_m},
        {"listed_distance_m", "m", "distance to a listed outline that counts as touching it",
         &P::listed_distance_m},
        {"rpa_stem_multiplier", "x", "root protection radius per metre of stem diameter",
         &P::rpa_stem_multiplier},
        {"rpa_max_m", "m", "largest root protection radius", &P::rpa_max_m},
        {"tpo_default_rpa_m", "m", "root protection radius when the stem is unknown",
         &P::tpo_default_rpa_m},
        {"min_demolition_area_m2", "m2", "smallest demolition reported in a conservation area",
         &P::min_demolition_area_m2},
        {"commencement_years", "years", "time limit to begin a permission", &P::commencement_years},
        {"complaint_link_m", "m", "link distance for complaints outside curtilages",
         &P::complaint_link_m},
        {"detached_distance_m", "m", "no other original building this close: detached",
         &P::detached_distance_m},
        {"touch_distance_m", "m", "this close to the original house: an extension",
         &P::touch_distance_m},
    };
    return table;
}

namespace {
const ParameterInfo& find(std::string_view name) {
    const std::string key = core::to_lower(core::trim(name));
    for (const auto& p : parameter_table())
        if (key == p.name)
            return p;
    std::string names;
    for (const auto& p : parameter_table())
        names += std::string(names.empty() ? "" : ", ") + p.name;
    throw core::UsageError("unknown rule parameter '" + std::string(name) + "' (known: " + names +
                           ")");
}
} // namespace

void Parameters::set(std::string_view name, std::string_view value) {
    const auto& p = find(name);
    double v = 0;
    if (!core::parse_double(core::trim(value), v))
        throw core::UsageError("rule parameter " + std::string(p.name) + ": '" +
                               std::string(value) + "' is not a number");
    if (v < 0)
        throw core::UsageError("rule parameter " + std::string(p.name) + " cannot be negative");
    if ((p.member == &Parameters::coverage_limit ||
         p.member == &Parameters::cover_min_overlap_fraction) &&
        v > 1)
        throw core::UsageError("rule parameter " + std::string(p.name) +
                               " is a fraction between 0 and 1 (0.5 = 50 %)");
    this->*(p.member) = v;
}

void Parameters::set_assignment(std::string_view assignment) {
    const auto eq = assignment.find('=');
    if (eq == std::string_view::npos)
        throw core::UsageError("rule parameter '" + std::string(assignment) +
                               "': expected NAME=VALUE");
    set(assignment.substr(0, eq), assignment.substr(eq + 1));
}

void Parameters::apply_rules_text(std::string_view text, const std::string& source_name) {
    std::istringstream in{std::string(text)};
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        const auto hash = line.find('#');
        const std::string body = core::trim(line.substr(0, hash));
        if (body.empty())
            continue;
        try {
            set_assignment(body);
        } catch (const core::UsageError& e) {
            throw core::UsageError(source_name + " line " + std::to_string(number) + ": " +
                                   e.message());
        }
    }
}

void Parameters::apply_rules_file(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in)
        throw core::IoError("cannot read the rules file", {.path = path.string()});
    std::stringstream text;
    text << in.rdbuf();
    apply_rules_text(text.str(), path.string());
}

double Parameters::get(std::string_view name) const {
    return this->*(find(name).member);
}

std::string Parameters::to_json() const {
    std::string out = "{";
    for (const auto& p : parameter_table()) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.17g", this->*(p.member));
        out += (out.size() > 1 ? "," : "") + core::json_quote(p.name) + ":" + buf;
    }
    return out + "}";
}

} // namespace redline::analysis
