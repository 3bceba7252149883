// Rules about designations: listed buildings (P(LBCA)A 1990 s7; GPDO Sch.2 Pt.1 para. E.2),
// protected trees (TCPA 1990 s198, the 2012 TPO Regulations, BS 5837:2012 root protection areas)
// and demolition in conservation areas (TCPA 1990 s55 and s196D). breach-rules.md section 2.
#include "analysis/breach_rules.hpp"

#include "geom/measure.hpp"
#include "geom/overlay.hpp"
#include "geom/prepared.hpp"

#include <algorithm>
#include <cmath>

namespace redline::analysis::detail {
namespace {

std::string label(const Layer& l, std::size_t i) {
    const std::string ref = l.text(i, "reference");
    const std::string name = l.text(i, "name");
    if (ref.empty())
        return name.empty() ? "(unnamed)" : name;
    return name.empty() ? ref : ref + " (" + name + ")";
}

/// Listed outlines within `r` of a shape: (item, distance).
std::vector<std::pair<std::size_t, double>> listed_near(const Model& m, const geom::Shape& s,
                                                        const core::Envelope& env, double r) {
    std::vector<std::pair<std::size_t, double>> out;
    for (const auto l : m.listed.near(env, r)) {
        const double dist = geom::distance(s, m.listed.shape[l]);
        if (dist <= r)
            out.push_back({l, dist});
    }
    return out;
}

void listed(const Model& m, std::size_t dev, std::vector<RawFinding>& out) {
    const Development& d = m.developments[dev];
    const double r = m.params.listed_distance_m;
    auto hits = listed_near(m, d.shape, d.env, r);
    bool via_house = false;
    if (hits.empty() && d.curtilage) {
        // An outbuilding in a listed building's curtilage is not Class E development (E.2), and
        // any works there may affect the building's setting: the house itself decides.
        const auto it = m.plots.find(*d.curtilage);
        if (it != m.plots.end() && it->second.house) {
            const auto h = *it->second.house;
            hits = listed_near(m, m.baseline.shape[h], m.baseline.env[h], r);
            via_house = !hits.empty();
        }
    }
    if (hits.empty())
        return;
    const auto [item, dist] = hits.front();
    Finding f = new_finding(m, "listed-building-works", &d);
    f.geometry = d.shape.to_geometry();
    f.annotation = point_geometry(d.shape.point_on_surface());
    const std::string what = label(m.listed, item);
    f.annotation_text =
        via_house ? "in the curtilage of listed " + what : "at listed building " + what;
    if (via_house)
        f.explanation = "This new building lies in the curtilage of a house that is (or adjoins) "
                        "listed building " +
                        what +
                        ". Works in a listed building's curtilage may need listed building "
                        "consent and are not permitted development for outbuildings." +
                        std::string(k_screening_note);
    else
        f.explanation = "This new building " +
                        std::string(dist > 0 ? "stands " + format_number(dist, 2) + " metres from"
                                             : "touches or overlaps") +
                        " listed building " + what +
                        "; works affecting a listed building's character need listed building "
                        "consent." +
                        k_screening_note;
    out.push_back({std::move(f), d.curtilage, dev});
}

void tpo(const Model& m, std::size_t dev, std::vector<RawFinding>& out) {
    const Development& d = m.developments[dev];
    const auto& p = m.params;
    std::vector<std::string> names;
    std::optional<double> nearest;
    double nearest_rpa = 0;
    std::optional<core::Coord> tree_at;
    for (const auto z : m.tpo_zones.near(d.env))
        if (geom::PreparedShape(m.tpo_zones.shape[z]).overlap_area(d.shape) > k_noise_area_m2) {
            names.push_back("tree preservation zone " + label(m.tpo_zones, z));
            nearest = 0.0;
        }
    const double reach = std::max(p.rpa_max_m, p.tpo_default_rpa_m);
    for (const auto t : m.trees.near(d.env, reach)) {
        // BS 5837:2012: root protection radius 12 x stem diameter, capped at 15 m.
        const auto stem = m.trees.number(t, "stem_diameter_m");
        const double rpa = stem && *stem > 0 ? std::min(p.rpa_stem_multiplier * *stem, p.rpa_max_m)
                                             : p.tpo_default_rpa_m;
        const double dist = geom::distance(d.shape, m.trees.shape[t]);
        if (!(dist < rpa))
            continue;
        names.push_back("protected tree " + label(m.trees, t) + " (root protection radius " +
                        format_number(rpa) + " m)");
        if (!nearest || dist < *nearest || (tree_at && dist == *nearest && rpa > nearest_rpa)) {
            nearest = dist;
            nearest_rpa = rpa;
            tree_at = m.trees.shape[t].centroid();
        }
    }
    if (names.empty())
        return;
    Finding f = new_finding(m, "tpo-root-protection", &d);
    f.value = *nearest;
    f.unit = "m";
    if (tree_at) {
        f.limit = nearest_rpa;
        const auto np = geom::nearest_points(d.shape, geom::make_point(*tree_at));
        f.annotation = line_geometry(np.on_a, np.on_b);
        f.annotation_text = format_number(*nearest) + " m from protected tree, root protection " +
                            format_number(nearest_rpa) + " m";
    } else {
        f.annotation = point_geometry(d.shape.point_on_surface());
        f.annotation_text = "in a tree preservation zone";
    }
    f.geometry = d.shape.to_geometry();
    std::string list;
    for (std::size_t i = 0; i < names.size(); ++i)
        list += (i ? "; " : "") + names[i];
    f.explanation = "This new building is " + format_number(*nearest) +
                    " metres from, or inside, the protected area of: " + list +
                    ". Building within a protected tree's root protection area puts it at risk "
                    "and may need consent under the tree preservation order." +
                    std::string(k_screening_note);
    out.push_back({std::move(f), d.curtilage, dev});
}

void demolition(const Model& m, std::size_t dev, std::vector<RawFinding>& out) {
    const Development& d = m.developments[dev];
    if (d.area_m2 < m.params.min_demolition_area_m2)
        return;
    std::optional<std::size_t> area;
    for (const auto c : m.conservation.near(d.env))
        if (geom::PreparedShape(m.conservation.shape[c]).overlap_area(d.shape) > k_noise_area_m2) {
            area = c;
            break;
        }
    if (!area)
        return;
    Finding f = new_finding(m, "demolition-in-conservation-area", &d);
    f.value = d.area_m2;
    f.limit = m.params.min_demolition_area_m2;
    f.unit = "m2";
    f.geometry = d.shape.to_geometry();
    f.annotation = point_geometry(d.shape.point_on_surface());
    f.annotation_text = format_number(d.area_m2) + " m2 demolished in a conservation area";
    f.explanation = "A building of " + format_number(d.area_m2) +
                    " square metres recorded in the earlier survey is gone, inside conservation "
                    "area " +
                    label(m.conservation, *area) +
                    "; relevant demolition in a conservation area needs planning permission." +
                    std::string(k_screening_note);
    out.push_back({std::move(f), d.curtilage, dev});
}

} // namespace

void designation_rules(const Model& m, std::size_t dev, const SkipSet& skip,
                       std::vector<RawFinding>& out) {
    const Development& d = m.developments[dev];
    if (d.demolition) {
        if (!skip.count("demolition-in-conservation-area"))
            demolition(m, dev, out);
        return;
    }
    if (d.covering.empty() && !skip.count("listed-building-works"))
        listed(m, dev, out);
    if (!skip.count("tpo-root-protection"))
        tpo(m, dev, out);
}

} // namespace redline::analysis::detail
