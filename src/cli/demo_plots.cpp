// The demo street's plots. Plots are described in a local frame - `a` metres along the road, `d`
// metres from its centreline into the plot - and mapped onto EPSG:27700 on a road turned 12 degrees
// from grid east, so that nothing in the demo is axis-aligned by accident. Every plot's front
// boundary is 5 m from the centreline; the original house's front wall is at 10 m and its rear wall
// at 19 m (9 m deep). Each plot's scenario is stated beside it; docs/demo.md lists the findings
// they are meant to raise.
#include "cli/demo_frame.hpp"

#include <cmath>

namespace redline::cli::demo::detail {
namespace {
constexpr core::Coord k_origin{531905.0, 179262.0};
constexpr double k_angle_deg = 12.0;
} // namespace

core::Coord at(double a, double d, int side) {
    const double th = k_angle_deg * M_PI / 180.0;
    const core::Coord t{std::cos(th), std::sin(th)};
    const core::Coord n{-std::sin(th), std::cos(th)};
    return {k_origin.x + a * t.x + side * d * n.x, k_origin.y + a * t.y + side * d * n.y};
}

core::Polygon rect(const Rect& r, double start, int side) {
    core::Path ring = {at(start + r.a0, r.d0, side), at(start + r.a1, r.d0, side),
                       at(start + r.a1, r.d1, side), at(start + r.a0, r.d1, side)};
    if (side < 0) // the mirror turns the ring clockwise; keep exteriors counter-clockwise
        ring = {ring[0], ring[3], ring[2], ring[1]};
    ring.push_back(ring.front());
    return core::Polygon{{ring}};
}

core::Geometry poly(const Rect& r, double start, int side) {
    core::Geometry g;
    g.type = core::GeometryType::MultiPolygon;
    g.polygons.push_back(rect(r, start, side));
    return g;
}

core::Geometry span(const std::vector<Plot>& ps, int first, int last, double d0, double d1) {
    const Plot& a = find(ps, first);
    const Plot& b = find(ps, last);
    return poly({0, b.start + b.width - a.start, d0, d1}, a.start, a.side);
}

core::LayerData layer(const std::string& name,
                      std::vector<std::pair<std::string, core::FieldType>> fields) {
    core::LayerData l;
    l.name = name;
    for (auto& [n, t] : fields)
        l.fields.push_back({n, t});
    return l;
}

void add(core::LayerData& l, core::Geometry g, std::vector<core::FieldValue> values) {
    core::Feature f;
    f.source_fid = static_cast<std::int64_t>(l.features.size()) + 1;
    f.geometry = std::move(g);
    f.values = std::move(values);
    l.features.push_back(std::move(f));
}

std::string address(int number) {
    return std::to_string(number) + " Demo Road (synthetic)";
}
std::string uprn(int number) {
    return std::to_string(990000000000LL + number);
}

const Plot& find(const std::vector<Plot>& ps, int number) {
    for (const auto& p : ps)
        if (p.number == number)
            return p;
    return ps.front();
}

// Widths: terrace 8 m (attached houses filling the plot), detached 24 m (house 10 m wide, 7 m from
// each side), small 12 m x 25 m (house 10 m, 1 m gaps). Limits quoted are the rule defaults in
// shared/docs/breach-rules.md.
std::vector<Plot> plots() {
    const Rect terrace{0, 8, 10, 19};
    const Rect detached{7, 17, 10, 19};
    const Rect small{1, 11, 10, 19};
    std::vector<Plot> p = {
        // North side, terrace (attached): rear depth limit 3 m + 0.1 m tolerance.
        {1, +1, 8, 40, terrace, {{1.5, 6.5, 19, 23.0}}},  // rear 4.0 m: breach
        {2, +1, 8, 40, terrace, {{1.5, 6.5, 19, 22.05}}}, // rear 3.05 m: near miss
        {3, +1, 8, 40, terrace, {{0, 4, 19, 21.5}}, 3.4}, // eaves 3.4 m on the boundary: breach
        {4, +1, 8, 40, terrace, {{0, 4, 19, 21.5}}, 2.9}, // eaves 2.9 m: near miss
        {5, +1, 8, 40, terrace, {{2.5, 5.5, 8.5, 10}}},   // porch 1.5 m forward: breach
        {6, +1, 8, 40, terrace, {{1, 7, 19, 21}}},        // rear 2.0 m: within PD
        // Detached: rear depth limit 4 m; side width limit half the house's 10 m.
        {7, +1, 24, 40, detached, {{9, 15, 19, 23.5}}},   // rear 4.5 m: breach
        {8, +1, 24, 40, detached, {{9, 15, 19, 22.8}}},   // rear 3.8 m: near miss
        {9, +1, 24, 40, detached, {{17, 23, 11, 18}}},    // side 6 m: breach
        {10, +1, 24, 40, detached, {{17, 21.5, 10, 16}}}, // side 4.5 m, flush front: near misses
        // Small plots 12 m x 25 m: 300 m2, 210 m2 outside the house; coverage limit 50 %.
        {11, +1, 12, 30, small, {{0.5, 11.5, 19.5, 29.5}}}, // outbuilding 110 m2 = 52 %: breach
        {12, +1, 12, 30, small, {{1, 11, 21, 29.5}}},       // outbuilding 85 m2 = 40 %: near miss
        // In the synthetic Article 4 area that removes class 1A (extensions) only.
        {13, +1, 8, 40, terrace, {{1.5, 6.5, 19, 21.5}}}, // extension: article-4
        // 14's house stops 0.6 m short of the listed house at 15, so the listed-building rule's
        // "curtilage whose original house is within 0.5 m" does not reach it.
        {14, +1, 8, 40, Rect{0, 7.4, 10, 19}, {{2, 6, 30, 34}}}, // outbuilding, 1E kept: miss
        // Plot 15's house is listed (demo_listed_building); 16 is its neighbour.
        {15, +1, 8, 40, terrace, {{1.5, 6.5, 19, 21.5}}}, // works to a listed house: breach
        // 16's house stands 0.6 m clear of the listed house, so neither it nor its extension is
        // within the 0.5 m the rule uses.
        {16, +1, 8, 40, Rect{0.6, 8, 10, 19}, {{0.6, 6, 19, 21.5}}}, // 0.6 m away: near miss
        // Protected trees in the rear gardens (demo_trees).
        {17, +1, 24, 40, detached, {{14, 18, 25, 29}}}, // 4.5 m from a tree with RPA 6 m: breach
        {18, +1, 24, 40, detached, {{15, 19, 25, 29}}}, // 5.8 m from a tree with RPA 4.8 m: miss
        // South side; 21-24 lie in the synthetic conservation area.
        {21, -1, 24, 40, detached, {}, {}, {{19, 23, 12, 16}}},   // 16 m2 demolished in CA
        {22, -1, 24, 40, detached, {}, {}, {{19, 22, 25, 27.7}}}, // 8.1 m2 demolished: near miss
        {23, -1, 24, 40, detached, {{17, 19, 11, 17}}},           // side 2 m on 2(3) land: breach
        {24, -1, 24, 40, detached, {{9, 15, 19, 22}}},            // rear 3 m in CA: within PD
        {25, -1, 24, 40, detached, {}, {}, {{19, 23, 12, 16}}},   // 16 m2 demolished outside CA
        // Covered by approved applications (demo_applications, demo_approved_footprints).
        {26, -1, 24, 40, detached, {{9, 15, 19, 23.5}}}, // 1.5 m past approved 3 m: breach
        {27, -1, 24, 40, detached, {{9, 15, 19, 22.2}}}, // 0.2 m past: within 0.25 m tolerance
        {28, -1, 24, 40, detached, {{9, 15, 19, 24}}},   // 3 m past the red line: breach
        {29, -1, 24, 40, detached, {{9, 15, 19, 23}}},   // 0.1 m past the red line: near miss
        {30, -1, 24, 40, detached, {{9, 15, 19, 23.5}}}, // refused application: rear 4.5 m
        // Vacant plots with approved permissions never begun.
        {31, -1, 20, 40, std::nullopt}, // decided 2022-06-01: lapsed by the as-of date
        {32, -1, 20, 40, std::nullopt}, // decided 2024-09-01: still live
    };
    double next[2] = {0, 0};
    for (auto& plot : p) {
        double& n = next[plot.side > 0 ? 0 : 1];
        plot.start = n;
        n += plot.width;
    }
    return p;
}

} // namespace redline::cli::demo::detail
