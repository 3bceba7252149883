// The breach check: load, find developments, apply the rules in parallel, link complaints, and
// put everything in a deterministic order (breach-rules.md sections 1, 2 and 4).
#include "analysis/breach_engine.hpp"

#include "analysis/breach_rules.hpp"
#include "analysis/developments.hpp"
#include "analysis/pd_geometry.hpp"
#include "geom/measure.hpp"
#include "geom/overlay.hpp"
#include "geom/prepared.hpp"

#include <algorithm>
#include <functional>
#include <set>
#include <thread>
#include <tuple>

namespace redline::analysis {
namespace {

using detail::Model;
using detail::RawFinding;

void skip(std::vector<SkippedRule>& out, const std::string& code, const std::string& reason) {
    for (const auto& s : out)
        if (s.code == code)
            return; // the first reason is the fundamental one
    out.push_back({code, reason});
}

std::vector<SkippedRule> skipped_rules(const Model& m) {
    std::vector<SkippedRule> out;
    const std::vector<std::string> all = [] {
        std::vector<std::string> v;
        for (const auto& r : breach_rules())
            v.push_back(r.code);
        return v;
    }();
    if (!m.baseline.present())
        for (const auto& c : all)
            skip(out, c,
                 "no baseline-building layer: without an earlier survey no development or "
                 "demolition can be found");
    if (!m.buildings.present())
        for (const auto& c : all)
            skip(out, c, "no building layer: nothing to compare with the earlier survey");
    if (!m.applications.present())
        for (const char* c : {"outside-red-line", "exceeds-approved-footprint", "no-permission",
                              "permission-lapsed"})
            skip(out, c, "no planning-application layer: coverage by permissions is unknown");
    if (!m.footprints.present())
        skip(out, "exceeds-approved-footprint", "no approved-footprint layer");
    if (!m.curtilages.present())
        for (const char* c : {"no-permission", "pd-rear-depth", "pd-side-width",
                              "pd-forward-of-principal-elevation", "pd-curtilage-coverage",
                              "pd-eaves-near-boundary", "article-4"})
            skip(out, c,
                 "no curtilage layer: the permitted-development context (original house) is "
                 "unknown");
    if (!m.highways.present())
        for (const char* c :
             {"pd-rear-depth", "pd-side-width", "pd-forward-of-principal-elevation"})
            skip(out, c,
                 "no highway layer: the front of each plot, and so its depth and width "
                 "axes, cannot be found");
    if (!m.article4.present())
        skip(out, "article-4", "no article-4-direction-area layer");
    if (!m.listed.present())
        skip(out, "listed-building-works", "no listed-building-outline layer");
    if (!m.trees.present() && !m.tpo_zones.present())
        skip(out, "tpo-root-protection", "no tree or tree-preservation-zone layer");
    if (!m.conservation.present())
        skip(out, "demolition-in-conservation-area", "no conservation-area layer");
    std::sort(out.begin(), out.end(), [](const SkippedRule& a, const SkippedRule& b) {
        return rule_order(a.code) < rule_order(b.code);
    });
    return out;
}

void load(Model& m, const BreachInput& input) {
    using core::Role;
    const unsigned t = m.threads;
    m.applications = detail::make_layer(input, Role::PlanningApplication, t);
    m.footprints = detail::make_layer(input, Role::ApprovedFootprint, t);
    m.buildings = detail::make_layer(input, Role::Building, t);
    m.baseline = detail::make_layer(input, Role::BaselineBuilding, t);
    m.curtilages = detail::make_layer(input, Role::Curtilage, t);
    m.highways = detail::make_layer(input, Role::Highway, t);
    m.conservation = detail::make_layer(input, Role::ConservationArea, t);
    m.article4 = detail::make_layer(input, Role::Article4DirectionArea, t);
    m.listed = detail::make_layer(input, Role::ListedBuildingOutline, t);
    m.tpo_zones = detail::make_layer(input, Role::TreePreservationZone, t);
    m.trees = detail::make_layer(input, Role::Tree, t);
    m.application_live.resize(m.applications.size());
    for (std::size_t a = 0; a < m.applications.size(); ++a)
        m.application_live[a] = detail::application_live(m, a);
    for (std::size_t f = 0; f < m.footprints.size(); ++f)
        m.footprints_by_application[m.footprints.text(f, "planning_application")].push_back(f);
}

/// Plots for every curtilage holding an uncovered development, with coverage (section 2,
/// pd-curtilage-coverage) and the development its finding goes on (the largest uncovered one).
void make_plots(Model& m) {
    std::set<std::size_t> needed;
    for (const auto& d : m.developments)
        if (!d.demolition && d.curtilage && d.covering.empty())
            needed.insert(*d.curtilage);
    std::vector<std::size_t> list(needed.begin(), needed.end());
    std::vector<detail::Plot> plots(list.size());
    detail::parallel_for(list.size(), m.threads, [&](std::size_t i) {
        const auto c = list[i];
        detail::Plot p = detail::make_plot(m, c);
        if (p.house) {
            const auto& curtilage = m.curtilages.shape[c];
            const geom::PreparedShape prepared(curtilage);
            const auto& house = m.baseline.shape[*p.house];
            std::vector<geom::Shape> inside;
            bool overlapping = false;
            for (const auto b : m.buildings.near(m.curtilages.env[c])) {
                // The original house itself, unchanged, is not counted.
                if (geom::equals_exact(m.buildings.shape[b], house))
                    continue;
                auto part = prepared.clip(m.buildings.shape[b]);
                if (part.empty())
                    continue;
                // Parts overlapping each other or the house need a real union and difference;
                // disjoint ones (the usual case: an extension touching the house) are collected.
                overlapping = overlapping || geom::intersection_area(part, house) > 1e-6;
                for (const auto& q : inside)
                    overlapping = overlapping || geom::intersection_area(part, q) > 1e-6;
                inside.push_back(std::move(part));
            }
            p.other_buildings = overlapping
                                    ? geom::difference(geom::union_all(std::move(inside)), house)
                                    : geom::collect(std::move(inside));
            const double rest = curtilage.area() - prepared.overlap_area(house);
            p.coverage = rest > 0 ? p.other_buildings.area() / rest : 0.0;
        }
        plots[i] = std::move(p);
    });
    for (std::size_t i = 0; i < list.size(); ++i)
        m.plots.emplace(list[i], std::move(plots[i]));
    for (std::size_t k = 0; k < m.developments.size(); ++k) {
        const auto& d = m.developments[k];
        if (d.demolition || !d.curtilage || !d.covering.empty())
            continue;
        auto& p = m.plots.at(*d.curtilage);
        if (!p.coverage_lead || d.area_m2 > m.developments[*p.coverage_lead].area_m2)
            p.coverage_lead = k; // developments are sorted, so ties keep the first id
    }
}

/// Section 4: each complaint links to the curtilage it falls in, or outside every curtilage to
/// developments within complaint_link_m.
void link_complaints(const Model& m, const core::LayerData* complaints,
                     std::vector<RawFinding>& raw, CheckResult& result) {
    if (!complaints)
        return;
    const auto ref_idx = complaints->field_index("reference");
    struct Site {
        std::string reference;
        core::Coord at;
        std::set<std::size_t> curtilages, developments;
    };
    std::vector<Site> sites;
    for (const auto& f : complaints->features) {
        if (f.geometry.points.empty())
            continue;
        Site s;
        s.reference = ref_idx && *ref_idx < f.values.size() ? core::to_text(f.values[*ref_idx])
                                                            : std::to_string(f.source_fid);
        s.at = f.geometry.points.front();
        sites.push_back(std::move(s));
    }
    detail::parallel_for(sites.size(), m.threads, [&](std::size_t i) {
        Site& s = sites[i];
        const core::Envelope here{s.at.x, s.at.y, s.at.x, s.at.y};
        for (const auto c : m.curtilages.near(here))
            if (geom::covers_point(m.curtilages.shape[c], s.at))
                s.curtilages.insert(c);
        if (!s.curtilages.empty())
            return;
        const geom::Shape pt = geom::make_point(s.at);
        const double r = m.params.complaint_link_m;
        for (std::size_t k = 0; k < m.developments.size(); ++k) {
            const auto& e = m.developments[k].env;
            if (e.max_x < s.at.x - r || e.min_x > s.at.x + r || e.max_y < s.at.y - r ||
                e.min_y > s.at.y + r)
                continue;
            if (geom::distance(m.developments[k].shape, pt) <= r)
                s.developments.insert(k);
        }
    });
    std::sort(sites.begin(), sites.end(),
              [](const Site& a, const Site& b) { return a.reference < b.reference; });
    for (const Site& s : sites) {
        bool any = false;
        for (auto& r : raw) {
            const bool here =
                (r.curtilage && s.curtilages.count(*r.curtilage)) ||
                (s.curtilages.empty() && r.development && s.developments.count(*r.development));
            if (!here)
                continue;
            r.finding.complaints.push_back(s.reference);
            any = true;
        }
        const std::string uprn =
            s.curtilages.empty() ? std::string() : detail::uprn_of(m, *s.curtilages.begin());
        if (!any) {
            Finding f;
            f.code = k_no_breach_detected;
            f.severity = Severity::Info;
            f.uprn = uprn;
            f.complaints = {s.reference};
            f.geometry = core::Geometry::point(s.at);
            f.annotation = core::Geometry::point(s.at);
            f.annotation_text = "no breach detected";
            f.explanation = "No physical change that breaks a screening rule was found at the "
                            "site of complaint " +
                            s.reference +
                            ". Change of use, activities and breaches of condition cannot be "
                            "seen in building footprints: the complaint still needs a visit.";
            raw.push_back({std::move(f), std::nullopt, std::nullopt});
        }
        result.complaints.push_back({s.reference, uprn, {}, any});
    }
}

/// Free the model's GEOS geometries on all threads. One by one on a single core this took half
/// a second at 50,000 plots (about 300,000 geometries), after the answer was already known.
void release_geometry(Model& m) {
    for (detail::Layer* l :
         {&m.applications, &m.footprints, &m.buildings, &m.baseline, &m.curtilages, &m.highways,
          &m.conservation, &m.article4, &m.listed, &m.tpo_zones, &m.trees}) {
        detail::parallel_for(l->shape.size(), m.threads,
                             [&](std::size_t i) { l->shape[i] = geom::Shape(); });
    }
    detail::parallel_for(m.developments.size(), m.threads,
                         [&](std::size_t i) { m.developments[i].shape = geom::Shape(); });
}

} // namespace

CheckResult run_check(const BreachInput& input, const Parameters& params,
                      const CheckOptions& options) {
    Model m;
    m.input = &input;
    m.params = params;
    m.as_of = input.as_of;
    m.threads =
        options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    CheckResult result;
    result.as_of = input.as_of;
    result.parameters = params;

    core::report_progress(options.progress, 0.0, "loading layers");
    load(m, input);
    result.skipped = skipped_rules(m);
    detail::SkipSet skipped;
    for (const auto& s : result.skipped)
        skipped.insert(s.code);

    std::vector<RawFinding> raw;
    if (m.baseline.present() && m.buildings.present()) {
        core::report_progress(options.progress, 0.2, "finding developments");
        m.developments = detail::changed_pieces(m, m.buildings, m.baseline, false);
        auto demolitions = detail::changed_pieces(m, m.baseline, m.buildings, true);
        for (auto& d : demolitions)
            m.developments.push_back(std::move(d));
        detail::sort_and_name(m.developments);
        for (const auto& d : m.developments)
            ++(d.demolition ? result.demolition_count : result.development_count);

        core::report_progress(options.progress, 0.5, "coverage and plots");
        detail::parallel_for(m.developments.size(), m.threads, [&](std::size_t k) {
            if (!m.developments[k].demolition)
                detail::find_covering(m, m.developments[k]);
        });
        make_plots(m);

        core::report_progress(options.progress, 0.6, "applying rules");
        std::vector<std::vector<RawFinding>> per_dev(m.developments.size());
        detail::parallel_for(m.developments.size(), m.threads, [&](std::size_t k) {
            if (!m.developments[k].demolition) {
                detail::permission_rules(m, k, skipped, per_dev[k]);
                detail::pd_rules(m, k, skipped, per_dev[k]);
            }
            detail::designation_rules(m, k, skipped, per_dev[k]);
        });
        for (auto& v : per_dev)
            for (auto& f : v)
                raw.push_back(std::move(f));
        detail::lapsed_rules(m, skipped, raw);
    }

    core::report_progress(options.progress, 0.9, "linking complaints");
    link_complaints(m, input.get(core::Role::Complaint), raw, result);

    for (auto& r : raw)
        std::sort(r.finding.complaints.begin(), r.finding.complaints.end());
    std::sort(raw.begin(), raw.end(), [](const RawFinding& a, const RawFinding& b) {
        const auto& x = a.finding;
        const auto& y = b.finding;
        return std::make_tuple(rule_order(x.code), std::cref(x.development_id),
                               std::cref(x.applications), std::cref(x.uprn),
                               std::cref(x.complaints)) <
               std::make_tuple(rule_order(y.code), std::cref(y.development_id),
                               std::cref(y.applications), std::cref(y.uprn),
                               std::cref(y.complaints));
    });
    for (auto& r : raw)
        result.findings.push_back(std::move(r.finding));
    for (auto& c : result.complaints)
        for (std::size_t i = 0; i < result.findings.size(); ++i)
            if (std::find(result.findings[i].complaints.begin(),
                          result.findings[i].complaints.end(),
                          c.reference) != result.findings[i].complaints.end())
                c.findings.push_back(i);
    release_geometry(m);
    core::report_progress(options.progress, 1.0, "done");
    return result;
}

} // namespace redline::analysis
