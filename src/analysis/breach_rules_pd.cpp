// Householder permitted development, GPDO 2015 Schedule 2 Part 1 (breach-rules.md sections 2-3):
// Class A (enlargement of a house) limits on rear depth A.1(f), side width A.1(j)(iii) and A.2(b)
// on article 2(3) land, forward projection A.1(e), eaves near the boundary A.1(i), curtilage
// coverage A.1(b)/E.1(b); and article 4 directions that remove Class A or E.
#include "analysis/breach_rules.hpp"

#include "analysis/pd_geometry.hpp"
#include "core/text.hpp"
#include "geom/measure.hpp"
#include "geom/overlay.hpp"
#include "geom/prepared.hpp"

#include <algorithm>
#include <cmath>

namespace redline::analysis::detail {
namespace {

struct Context {
    const Model& m;
    const Development& d;
    std::size_t dev;
    const Plot& plot;
    const geom::Shape& house;
    bool extension;
    std::vector<RawFinding>& out;

    void emit(Finding f) const { out.push_back({std::move(f), d.curtilage, dev}); }
};

std::string house_kind(const Plot& p) {
    return p.detached ? "detached house" : "house that is not detached";
}

/// Article 2(3) land: the development overlaps a conservation area.
std::vector<std::string> conservation_areas(const Model& m, const Development& d) {
    std::vector<std::string> out;
    for (const auto c : m.conservation.near(d.env))
        if (geom::PreparedShape(m.conservation.shape[c]).overlap_area(d.shape) > k_noise_area_m2)
            out.push_back(m.conservation.text(c, "name").empty()
                              ? m.conservation.text(c, "reference")
                              : m.conservation.text(c, "name"));
    return out;
}

void rear_depth(const Context& c, const PdMeasures& pm) {
    const auto& p = c.m.params;
    const double limit = c.plot.detached ? p.rear_depth_detached_m : p.rear_depth_attached_m;
    if (!(pm.rear_depth > limit + p.depth_tolerance_m))
        return;
    Finding f = new_finding(c.m, "pd-rear-depth", &c.d);
    f.value = pm.rear_depth;
    f.limit = limit;
    f.unit = "m";
    f.geometry = c.d.shape.to_geometry();
    const double wm = (pm.ext_w.min + pm.ext_w.max) / 2;
    f.annotation =
        line_geometry(from_local(c.plot, pm.house_u.max, wm), from_local(c.plot, pm.ext_u.max, wm));
    f.annotation_text =
        format_number(pm.rear_depth) + " m beyond rear wall, limit " + format_number(limit) + " m";
    f.explanation = "This extension projects " + format_number(pm.rear_depth) +
                    " metres beyond the rear wall of the original house. For a " +
                    house_kind(c.plot) +
                    ", permitted development allows a single-storey rear "
                    "extension of up to " +
                    format_number(limit) + " metres (" + format_number(p.depth_tolerance_m) +
                    " metres allowed for measuring), so it appears to need planning permission "
                    "(or prior approval as a larger home extension)." +
                    k_screening_note;
    c.emit(std::move(f));
}

void side_width(const Context& c, const PdMeasures& pm) {
    const auto& p = c.m.params;
    if (!(pm.side > p.depth_tolerance_m))
        return; // within the house's width: no limit can be passed
    const auto areas = conservation_areas(c.m, c.d);
    const bool article_2_3 = !areas.empty();
    // On article 2(3) land no extension may go beyond a side wall at all (A.2(b)); elsewhere
    // not by more than half the original house's width (A.1(j)(iii)).
    const double limit = article_2_3 ? 0.0 : pm.house_width / 2;
    if (!(pm.side > limit + p.depth_tolerance_m))
        return;
    Finding f = new_finding(c.m, "pd-side-width", &c.d);
    f.value = pm.side;
    f.limit = limit;
    f.unit = "m";
    f.geometry = c.d.shape.to_geometry();
    const double um = (pm.ext_u.min + pm.ext_u.max) / 2;
    const double from = pm.side_is_max ? pm.house_w.max : pm.house_w.min;
    const double to = pm.side_is_max ? pm.ext_w.max : pm.ext_w.min;
    f.annotation = line_geometry(from_local(c.plot, um, from), from_local(c.plot, um, to));
    f.annotation_text =
        format_number(pm.side) + " m beyond side wall, limit " + format_number(limit) + " m";
    if (article_2_3)
        f.explanation = "This extension projects " + format_number(pm.side) +
                        " metres beyond a side wall of the original house. The site is in a "
                        "conservation area (" +
                        areas.front() +
                        "), article 2(3) land, where permitted development allows no extension "
                        "beyond a side wall, so it appears to need planning permission." +
                        k_screening_note;
    else
        f.explanation = "This extension projects " + format_number(pm.side) +
                        " metres beyond a side wall of the original house, more than half the "
                        "house's width of " +
                        format_number(pm.house_width) + " metres (limit " + format_number(limit) +
                        " metres), so it appears to need planning permission." + k_screening_note;
    c.emit(std::move(f));
}

void forward(const Context& c, const PdMeasures& pm) {
    const auto& p = c.m.params;
    if (!(pm.forward > p.depth_tolerance_m))
        return;
    Finding f = new_finding(c.m, "pd-forward-of-principal-elevation", &c.d);
    f.value = pm.forward;
    f.limit = 0.0;
    f.unit = "m";
    f.geometry = c.d.shape.to_geometry();
    const double wm = (pm.ext_w.min + pm.ext_w.max) / 2;
    f.annotation =
        line_geometry(from_local(c.plot, pm.house_u.min, wm), from_local(c.plot, pm.ext_u.min, wm));
    f.annotation_text =
        format_number(pm.forward) + " m forward of principal elevation, limit 0.0 m";
    f.explanation = "This extension projects " + format_number(pm.forward) +
                    " metres in front of the wall of the original house that faces the highway "
                    "(its principal elevation); permitted development allows nothing forward of "
                    "it, so it appears to need planning permission." +
                    k_screening_note;
    c.emit(std::move(f));
}

void coverage(const Context& c) {
    const auto& p = c.m.params;
    if (!c.plot.coverage_lead || *c.plot.coverage_lead != c.dev ||
        !(c.plot.coverage > p.coverage_limit))
        return;
    Finding f = new_finding(c.m, "pd-curtilage-coverage", &c.d);
    f.value = c.plot.coverage * 100;
    f.limit = p.coverage_limit * 100;
    f.unit = "%";
    f.geometry = c.plot.other_buildings.to_geometry();
    f.annotation = point_geometry(c.d.shape.point_on_surface());
    f.annotation_text = format_number(c.plot.coverage * 100) + " % covered, limit " +
                        format_number(p.coverage_limit * 100, 0) + " %";
    f.explanation =
        "Buildings other than the original house cover " + format_number(c.plot.coverage * 100) +
        " per cent of the curtilage (excluding the house itself); permitted "
        "development allows at most " +
        format_number(p.coverage_limit * 100, 0) +
        " per cent, so the latest building appears to need planning permission." + k_screening_note;
    c.emit(std::move(f));
}

/// The current building this development is part of: the one overlapping it most.
std::optional<std::size_t> building_of(const Model& m, const Development& d) {
    std::optional<std::size_t> best;
    double best_area = k_noise_area_m2;
    for (const auto b : m.buildings.near(d.env)) {
        const double a = geom::PreparedShape(m.buildings.shape[b]).overlap_area(d.shape);
        if (a > best_area) {
            best_area = a;
            best = b;
        }
    }
    return best;
}

void eaves(const Context& c) {
    const auto& p = c.m.params;
    const geom::Shape edge = geom::boundary(c.m.curtilages.shape[*c.d.curtilage]);
    const double dist = geom::distance(c.d.shape, edge);
    if (dist > p.eaves_boundary_distance_m)
        return;
    const auto b = building_of(c.m, c.d);
    if (!b)
        return;
    const auto eaves_m = c.m.buildings.number(*b, "eaves_m");
    if (!eaves_m || !(*eaves_m > p.eaves_limit_m))
        return;
    const auto np = geom::nearest_points(c.d.shape, edge);
    Finding f = new_finding(c.m, "pd-eaves-near-boundary", &c.d);
    f.value = *eaves_m;
    f.limit = p.eaves_limit_m;
    f.unit = "m";
    f.geometry = c.d.shape.to_geometry();
    f.annotation = dist > 0 ? line_geometry(np.on_a, np.on_b) : point_geometry(np.on_a);
    f.annotation_text = "eaves " + format_number(*eaves_m) + " m, " + format_number(dist) +
                        " m from boundary, limit " + format_number(p.eaves_limit_m) + " m";
    f.explanation = "This extension stands " + format_number(dist) +
                    " metres from the curtilage boundary and its eaves are recorded as " +
                    format_number(*eaves_m) + " metres high; within " +
                    format_number(p.eaves_boundary_distance_m) +
                    " metres of the boundary permitted development allows eaves of at most " +
                    format_number(p.eaves_limit_m) + " metres." + k_screening_note;
    c.emit(std::move(f));
}

bool removes_class(const std::string& rights, const std::string& pd_class) {
    std::string token;
    auto match = [&] { return core::to_lower(core::trim(token)) == core::to_lower(pd_class); };
    for (const char ch : rights + ";") {
        if (ch == ';' || ch == ',' || ch == ' ') {
            if (match())
                return true;
            token.clear();
        } else {
            token += ch;
        }
    }
    return false;
}

void article4(const Context& c) {
    // GPDO 2015 article 4: a direction removes the named classes in its area. Part 1 Class A
    // covers enlargements (extensions), Class E outbuildings.
    const std::string pd_class = c.extension ? "1A" : "1E";
    for (const auto a : c.m.article4.near(c.d.env)) {
        if (!removes_class(c.m.article4.text(a, "permitted_development_rights"), pd_class))
            continue;
        if (geom::PreparedShape(c.m.article4.shape[a]).overlap_area(c.d.shape) <= k_noise_area_m2)
            continue;
        const std::string ref = c.m.article4.text(a, "reference");
        const std::string name = c.m.article4.text(a, "name");
        Finding f = new_finding(c.m, "article-4", &c.d);
        f.provision = std::string(find_rule("article-4")->provision) + " " + ref +
                      (name.empty() ? "" : " (" + name + ")") + ", removing Class " +
                      pd_class.substr(1) + " of Sch.2 Pt.1";
        f.geometry = c.d.shape.to_geometry();
        f.annotation = point_geometry(c.d.shape.point_on_surface());
        f.annotation_text = "Article 4 " + ref + " removes class " + pd_class;
        f.explanation =
            std::string("This ") + (c.extension ? "extension" : "outbuilding") +
            " lies in the area of Article 4 direction " + ref +
            (name.empty() ? "" : " (" + name + ")") +
            ", which removes permitted development rights for " +
            (c.extension ? "enlarging a house (Part 1 Class A)" : "outbuildings (Part 1 Class E)") +
            ", so it appears to need planning permission." + k_screening_note;
        c.emit(std::move(f));
        return;
    }
}

} // namespace

void pd_rules(const Model& m, std::size_t dev, const SkipSet& skip, std::vector<RawFinding>& out) {
    const Development& d = m.developments[dev];
    if (d.demolition || !d.covering.empty() || !d.curtilage)
        return;
    const auto it = m.plots.find(*d.curtilage);
    if (it == m.plots.end() || !it->second.house)
        return;
    const Plot& plot = it->second;
    const geom::Shape& house = m.baseline.shape[*plot.house];
    // Section 3: within touch_distance_m of the original house it enlarges the house (Class A);
    // otherwise it is an outbuilding (Class E).
    const bool extension = geom::distance(d.shape, house) <= m.params.touch_distance_m;
    const Context c{m, d, dev, plot, house, extension, out};
    if (extension && plot.has_axes) {
        const PdMeasures pm = pd_measures(plot, house, d.shape);
        if (!skip.count("pd-rear-depth"))
            rear_depth(c, pm);
        if (!skip.count("pd-side-width"))
            side_width(c, pm);
        if (!skip.count("pd-forward-of-principal-elevation"))
            forward(c, pm);
    }
    if (!skip.count("pd-curtilage-coverage"))
        coverage(c);
    if (extension && !skip.count("pd-eaves-near-boundary"))
        eaves(c);
    if (!skip.count("article-4"))
        article4(c);
}

} // namespace redline::analysis::detail
