// Rules about planning permission: coverage by an application, outside-red-line,
// exceeds-approved-footprint, no-permission and permission-lapsed (breach-rules.md section 2).
// All rest on TCPA 1990 s171A(1)(a) - development without, or not in accordance with, the
// permission required - except permission-lapsed (s91, the time limit to begin development).
#include "analysis/breach_rules.hpp"

#include "core/text.hpp"
#include "geom/measure.hpp"
#include "geom/overlay.hpp"
#include "geom/prepared.hpp"

#include <algorithm>
#include <cmath>

namespace redline::analysis::detail {

Finding new_finding(const Model& m, const char* code, const Development* d) {
    Finding f;
    f.code = code;
    const RuleInfo* rule = find_rule(code);
    f.severity = rule ? rule->severity : Severity::Info;
    f.provision = rule ? rule->provision : "";
    if (d) {
        f.development_id = d->id;
        f.uprn = uprn_of(m, d->curtilage);
        for (const auto a : d->covering)
            f.applications.push_back(m.applications.text(a, "reference"));
        std::sort(f.applications.begin(), f.applications.end());
    }
    return f;
}

core::Geometry line_geometry(core::Coord a, core::Coord b) {
    core::Geometry g;
    g.type = core::GeometryType::LineString;
    g.lines.push_back({a, b});
    return g;
}

core::Geometry point_geometry(core::Coord p) {
    return core::Geometry::point(p);
}

bool application_live(const Model& m, std::size_t a) {
    // data-model.md: planning_decision approved (also granted / permitted); a refused, withdrawn
    // or pending application permits nothing.
    const std::string decision = core::to_lower(m.applications.text(a, "planning_decision"));
    if (decision != "approved" && decision != "granted" && decision != "permitted")
        return false;
    const auto decided = core::Date::parse(m.applications.text(a, "decision_date"));
    return decided && *decided <= m.as_of;
}

void find_covering(const Model& m, Development& d) {
    d.covering.clear();
    for (const auto a : m.applications.near(d.env)) {
        if (!m.application_live[a])
            continue;
        const double overlap = geom::PreparedShape(m.applications.shape[a]).overlap_area(d.shape);
        if (overlap >= m.params.cover_min_overlap_m2 ||
            overlap >= m.params.cover_min_overlap_fraction * d.area_m2)
            d.covering.push_back(a);
    }
}

namespace {

geom::Shape red_lines(const Model& m, const Development& d) {
    std::vector<const geom::Shape*> parts;
    for (const auto a : d.covering)
        parts.push_back(&m.applications.shape[a]);
    return geom::union_of(parts);
}

geom::Shape approved_footprint(const Model& m, const Development& d) {
    std::vector<const geom::Shape*> parts;
    for (const auto a : d.covering) {
        const auto it = m.footprints_by_application.find(m.applications.text(a, "reference"));
        if (it != m.footprints_by_application.end())
            for (const auto f : it->second)
                parts.push_back(&m.footprints.shape[f]);
    }
    return geom::union_of(parts);
}

void outside_red_line(const Model& m, const Development& d, RawFinding& raw,
                      std::vector<RawFinding>& out) {
    for (const auto a : d.covering)
        if (geom::PreparedShape(m.applications.shape[a]).covers(d.shape))
            return; // wholly inside one red line: nothing outside
    const geom::Shape lines = red_lines(m, d);
    const geom::Shape outside = geom::difference(d.shape, lines);
    const double area = outside.area();
    if (area < m.params.outside_min_area_m2)
        return;
    const auto far = geom::farthest_vertex(outside, lines);
    const double reach = std::hypot(far.on_a.x - far.on_b.x, far.on_a.y - far.on_b.y);
    Finding f = new_finding(m, "outside-red-line", &d);
    f.value = area;
    f.limit = m.params.outside_min_area_m2;
    f.unit = "m2";
    f.distance_m = reach;
    f.geometry = outside.to_geometry();
    f.annotation = line_geometry(far.on_b, far.on_a);
    f.annotation_text = format_number(area) + " m2 outside the red line, reaching " +
                        format_number(reach) + " m beyond it";
    f.explanation = "Part of this new building, " + format_number(area) +
                    " square metres, lies outside the red line of the permission that covers "
                    "it, reaching " +
                    format_number(reach) +
                    " metres beyond the red line; the permission does not authorise building "
                    "outside its site." +
                    k_screening_note;
    raw.finding = std::move(f);
    out.push_back(raw);
}

void exceeds_footprint(const Model& m, const Development& d, RawFinding& raw,
                       std::vector<RawFinding>& out) {
    const geom::Shape approved = approved_footprint(m, d);
    if (approved.empty())
        return;
    // Traced or supplied plans are never exact: the approved footprint is grown by
    // footprint_tolerance_m (mitred, so a rectangle stays a rectangle) before comparing.
    const geom::Shape grown = geom::buffer(approved, m.params.footprint_tolerance_m);
    if (geom::PreparedShape(grown).covers(d.shape))
        return;
    const geom::Shape excess = geom::difference(d.shape, grown);
    const double area = excess.area();
    if (area < m.params.exceed_min_area_m2)
        return;
    const auto far = geom::farthest_vertex(excess, approved);
    const double reach = std::hypot(far.on_a.x - far.on_b.x, far.on_a.y - far.on_b.y);
    Finding f = new_finding(m, "exceeds-approved-footprint", &d);
    f.value = area;
    f.limit = m.params.exceed_min_area_m2;
    f.unit = "m2";
    f.distance_m = reach;
    f.geometry = excess.to_geometry();
    f.annotation = line_geometry(far.on_b, far.on_a);
    f.annotation_text = format_number(area) + " m2 beyond the approved footprint, reaching " +
                        format_number(reach) + " m";
    f.explanation = "This new building extends " + format_number(area) +
                    " square metres beyond the footprint approved on the plans (allowing " +
                    format_number(m.params.footprint_tolerance_m, 2) +
                    " metres for drawing accuracy), reaching " + format_number(reach) +
                    " metres beyond it: it may not have been built in accordance with the "
                    "permission." +
                    k_screening_note;
    raw.finding = std::move(f);
    out.push_back(raw);
}

} // namespace

void permission_rules(const Model& m, std::size_t dev, const SkipSet& skip,
                      std::vector<RawFinding>& out) {
    const Development& d = m.developments[dev];
    RawFinding raw{{}, d.curtilage, dev};
    if (!d.covering.empty()) {
        if (!skip.count("outside-red-line"))
            outside_red_line(m, d, raw, out);
        if (!skip.count("exceeds-approved-footprint"))
            exceeds_footprint(m, d, raw, out);
        return;
    }
    if (skip.count("no-permission"))
        return;
    // Permitted development needs a house to be permitted development *of*: without a curtilage
    // holding an original house, an uncovered building has no permission at all.
    const auto plot = d.curtilage ? m.plots.find(*d.curtilage) : m.plots.end();
    if (plot != m.plots.end() && plot->second.house)
        return;
    Finding f = new_finding(m, "no-permission", &d);
    f.value = d.area_m2;
    f.unit = "m2";
    f.geometry = d.shape.to_geometry();
    f.annotation = point_geometry(d.shape.point_on_surface());
    f.annotation_text = format_number(d.area_m2) + " m2 built without permission";
    f.explanation = "This new building of " + format_number(d.area_m2) +
                    " square metres is not covered by any approved planning application, and "
                    "it is not within the curtilage of a house, so permitted development rights "
                    "cannot apply." +
                    std::string(k_screening_note);
    raw.finding = std::move(f);
    out.push_back(std::move(raw));
}

void lapsed_rules(const Model& m, const SkipSet& skip, std::vector<RawFinding>& out) {
    if (skip.count("permission-lapsed"))
        return;
    std::vector<char> covers(m.applications.size(), 0);
    for (const auto& d : m.developments)
        if (!d.demolition)
            for (const auto a : d.covering)
                covers[a] = 1;
    const double years = m.params.commencement_years;
    const int whole = static_cast<int>(std::floor(years));
    for (std::size_t a = 0; a < m.applications.size(); ++a) {
        if (!m.application_live[a] || covers[a])
            continue;
        const auto decided = *core::Date::parse(m.applications.text(a, "decision_date"));
        // TCPA s91: development must begin within 3 years of the permission (calendar years).
        const core::Date expiry =
            decided.add_years(whole).add_days(std::lround((years - whole) * 365.25));
        if (!(expiry < m.as_of))
            continue;
        const double since =
            static_cast<double>(m.as_of.days_since_epoch() - decided.days_since_epoch()) / 365.25;
        Finding f = new_finding(m, "permission-lapsed", nullptr);
        const std::string ref = m.applications.text(a, "reference");
        f.applications = {ref};
        f.value = since;
        f.limit = years;
        f.unit = "years";
        f.geometry = m.applications.shape[a].to_geometry();
        f.annotation = point_geometry(m.applications.shape[a].point_on_surface());
        f.annotation_text = format_number(since) + " years since decision, limit " +
                            format_number(years, 0) + " years";
        f.explanation = "Permission " + ref + " was granted on " + decided.to_string() + ", " +
                        format_number(since) +
                        " years ago, and no new building is mapped on its site. Unless "
                        "development began within " +
                        format_number(years, 0) +
                        " years (or a condition allowed longer), the permission has lapsed and "
                        "works begun now would be unauthorised. Works may have begun in ways a "
                        "footprint cannot show: confirm on site.";
        // The curtilage the red line overlaps most, so that complaints there see it.
        std::optional<std::size_t> curtilage;
        double best = k_noise_area_m2;
        for (const auto c : m.curtilages.near(m.applications.env[a])) {
            const double o =
                geom::intersection_area(m.applications.shape[a], m.curtilages.shape[c]);
            if (o > best) {
                best = o;
                curtilage = c;
            }
        }
        f.uprn = uprn_of(m, curtilage);
        if (f.uprn.empty())
            f.uprn = m.applications.text(a, "uprn");
        out.push_back({std::move(f), curtilage, std::nullopt});
    }
}

} // namespace redline::analysis::detail
