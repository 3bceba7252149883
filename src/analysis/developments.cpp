// Developments and demolitions: breach-rules.md section 1.
//
// union(current) - union(baseline) is computed cluster by cluster rather than over the whole
// authority at once: footprints identical in both surveys (most of them) drop out first, the
// rest are grouped into clusters of touching envelopes, and each cluster only meets the baseline
// buildings near it. The result is the same set of points (a cluster's union minus everything
// of the baseline that can reach it), at a fraction of the cost, and clusters run in parallel.
#include "analysis/developments.hpp"

#include "geom/measure.hpp"
#include "geom/overlay.hpp"
#include "geom/prepared.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <numeric>

namespace redline::analysis::detail {
namespace {

/// Overlap below this (m2) is two outlines touching, computed with rounding error.
constexpr double k_touch_area_m2 = 1e-6;

std::size_t root(std::vector<std::size_t>& parent, std::size_t i) {
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

/// Footprints of `from` with no identical twin in `minus`.
std::vector<std::size_t> changed_items(const Model& m, const Layer& from, const Layer& minus) {
    std::vector<char> unchanged(from.size(), 0);
    parallel_for(from.size(), m.threads, [&](std::size_t i) {
        for (const std::size_t j : minus.near(from.env[i])) {
            const auto &a = from.env[i], &b = minus.env[j];
            if (a.min_x == b.min_x && a.min_y == b.min_y && a.max_x == b.max_x &&
                a.max_y == b.max_y && geom::equals_exact(from.shape[i], minus.shape[j])) {
                unchanged[i] = 1;
                return;
            }
        }
    });
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < from.size(); ++i)
        if (!unchanged[i])
            out.push_back(i);
    return out;
}

/// Groups of changed items whose envelopes touch (transitively), each group sorted.
std::vector<std::vector<std::size_t>> clusters(const Model& m, const Layer& from,
                                               const std::vector<std::size_t>& changed) {
    std::vector<std::size_t> parent(from.size());
    std::iota(parent.begin(), parent.end(), 0);
    std::vector<char> is_changed(from.size(), 0);
    for (const auto i : changed)
        is_changed[i] = 1;
    // Pairs whose shapes meet (envelopes alone would chain whole rotated streets together).
    std::vector<std::vector<std::size_t>> meets(changed.size());
    parallel_for(changed.size(), m.threads, [&](std::size_t k) {
        const auto i = changed[k];
        const geom::PreparedShape prepared(from.shape[i]);
        for (const auto j : from.near(from.env[i]))
            if (j > i && is_changed[j] && prepared.intersects(from.shape[j]))
                meets[k].push_back(j);
    });
    for (std::size_t k = 0; k < changed.size(); ++k)
        for (const auto j : meets[k]) {
            const auto a = root(parent, changed[k]), b = root(parent, j);
            if (a != b)
                parent[std::max(a, b)] = std::min(a, b);
        }
    std::map<std::size_t, std::vector<std::size_t>> groups;
    for (const auto i : changed)
        groups[root(parent, i)].push_back(i);
    std::vector<std::vector<std::size_t>> out;
    out.reserve(groups.size());
    for (auto& [r, g] : groups)
        out.push_back(std::move(g));
    return out;
}

/// Open one piece and keep its connected parts of at least the minimum area.
void keep_parts(const Model& m, const geom::Shape& piece, std::optional<std::size_t> curtilage,
                bool demolition, std::vector<Development>& out) {
    if (piece.empty() || piece.area() < m.params.min_development_area_m2)
        return;
    // The opening removes slivers thinner than sliver_width_m: surveyed coordinates never line up
    // exactly, and a neighbour's wall on the boundary would otherwise leave zero-width spikes
    // that distort every later measurement (section 1).
    const geom::Shape opened = geom::opening(piece, m.params.sliver_width_m);
    for (auto& part : geom::polygon_parts(opened)) {
        const double a = part.area();
        if (a < m.params.min_development_area_m2)
            continue;
        Development d;
        d.demolition = demolition;
        d.area_m2 = a;
        d.env = part.envelope();
        d.centroid = part.centroid();
        d.curtilage = curtilage;
        d.shape = std::move(part);
        out.push_back(std::move(d));
    }
}

} // namespace

std::vector<Development> changed_pieces(const Model& m, const Layer& from, const Layer& minus,
                                        bool demolition) {
    const auto groups = clusters(m, from, changed_items(m, from, minus));
    std::vector<std::vector<Development>> per_group(groups.size());
    parallel_for(groups.size(), m.threads, [&](std::size_t g) {
        std::vector<geom::Shape> parts;
        for (const auto i : groups[g])
            parts.push_back(from.shape[i].clone());
        const geom::Shape together = geom::union_all(std::move(parts));
        // Only what of the other survey actually meets the cluster is subtracted.
        const geom::PreparedShape prepared(together);
        std::vector<geom::Shape> removed;
        for (const auto j : minus.near(together.envelope()))
            // A building that only touches (an extension against the house it extends) removes
            // nothing: skip the overlay. k_touch_area_m2 is far below anything the opening keeps.
            if (prepared.intersects(minus.shape[j]) &&
                geom::intersection_area(together, minus.shape[j]) > k_touch_area_m2)
                removed.push_back(minus.shape[j].clone());
        // Subtracted one at a time: GEOS's union of outlines whose shared edges differ by
        // rounding can leave them unmerged, and a difference from that union is then wrong.
        geom::Shape change = together.clone();
        for (const auto& r : removed)
            change = geom::difference(change, r);
        if (change.empty() || change.area() < m.params.min_development_area_m2)
            return;
        auto& out = per_group[g];
        // Split along curtilage boundaries so that a development belongs to one property at
        // most; what lies outside every curtilage stays whole. Most changes lie wholly inside
        // one curtilage, which a prepared covers() settles without an overlay.
        const auto near = m.curtilages.near(change.envelope());
        std::vector<std::size_t> plots;
        for (const auto c : near) {
            const geom::PreparedShape curtilage(m.curtilages.shape[c]);
            if (curtilage.covers(change)) {
                keep_parts(m, change, c, demolition, out);
                return;
            }
            if (curtilage.intersects(change))
                plots.push_back(c);
        }
        if (plots.empty()) {
            keep_parts(m, change, std::nullopt, demolition, out);
            return;
        }
        geom::Shape outside = change.clone();
        for (const auto c : plots) {
            keep_parts(m, geom::intersection(change, m.curtilages.shape[c]), c, demolition, out);
            outside = geom::difference(outside, m.curtilages.shape[c]); // one at a time, as above
        }
        keep_parts(m, outside, std::nullopt, demolition, out);
    });
    std::vector<Development> out;
    for (auto& v : per_group)
        for (auto& d : v)
            out.push_back(std::move(d));
    return out;
}

void sort_and_name(std::vector<Development>& developments) {
    // Positions rounded to the decimetre first, so that a last-digit wobble between GEOS runs
    // cannot reorder them; area and envelope break ties.
    auto key = [](const Development& d) {
        return std::make_tuple(d.demolition, std::round(d.centroid.x * 10),
                               std::round(d.centroid.y * 10), std::round(d.area_m2 * 1000),
                               d.env.min_x, d.env.min_y);
    };
    std::sort(developments.begin(), developments.end(),
              [&](const Development& a, const Development& b) { return key(a) < key(b); });
    std::map<std::string, int> seen;
    for (auto& d : developments) {
        char buf[80];
        std::snprintf(buf, sizeof buf, "%s-%.1f-%.1f", d.demolition ? "X" : "D", d.centroid.x,
                      d.centroid.y);
        std::string id = buf;
        const int n = seen[id]++;
        if (n > 0)
            id += "-" + std::to_string(n + 1);
        d.id = id;
    }
}

} // namespace redline::analysis::detail
