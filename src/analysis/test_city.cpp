// A generated town with known answers, for the breach engine's tests and benchmark. Each plot is
// laid out in a local frame - `a` metres along its street, `d` metres from the road centreline
// (negative on the far side) - and every scenario states the findings its dimensions imply under
// the default parameters of shared/docs/breach-rules.md.
#include "analysis/test_city.hpp"

#include <cmath>
#include <cstdio>
#include <random>

namespace redline::analysis {
namespace {

using core::FieldType;
using core::FieldValue;

/// Portable uniform numbers (std::uniform_real_distribution differs between libraries).
struct Rng {
    std::mt19937_64 engine;
    double uniform(double lo, double hi) {
        return lo + (hi - lo) * static_cast<double>(engine() >> 11) * 0x1.0p-53;
    }
    std::size_t pick(std::size_t n) { return static_cast<std::size_t>(uniform(0, 1) * n) % n; }
    bool chance(double p) { return uniform(0, 1) < p; }
    /// Rounded to the centimetre, so that expected values are exact in the plan.
    double cm(double lo, double hi) { return std::round(uniform(lo, hi) * 100) / 100; }
};

struct Rect {
    double a0, a1, d0, d1;
};

struct Street {
    core::Coord origin, t, n;
    int side = 1;
    double start = 0; ///< plot's offset along the street
    core::Coord at(double a, double d) const {
        const double s = side * d;
        return {origin.x + (start + a) * t.x + s * n.x, origin.y + (start + a) * t.y + s * n.y};
    }
    core::Geometry poly(const Rect& r) const {
        core::Path ring = {at(r.a0, r.d0), at(r.a1, r.d0), at(r.a1, r.d1), at(r.a0, r.d1)};
        ring.push_back(ring.front());
        if (core::signed_ring_area(ring) < 0)
            ring = {ring[0], ring[3], ring[2], ring[1], ring[0]};
        core::Geometry g;
        g.type = core::GeometryType::Polygon;
        g.polygons.push_back({{ring}});
        return g;
    }
};

core::LayerData layer(const char* name, std::vector<std::pair<const char*, FieldType>> fields) {
    core::LayerData l;
    l.name = name;
    for (auto& [n, t] : fields)
        l.fields.push_back({n, t});
    return l;
}

void add(core::LayerData& l, core::Geometry g, std::vector<FieldValue> values) {
    core::Feature f;
    f.source_fid = static_cast<std::int64_t>(l.features.size()) + 1;
    f.geometry = std::move(g);
    f.values = std::move(values);
    l.features.push_back(std::move(f));
}

constexpr Rect k_detached_house{7, 17, 10, 19};
constexpr Rect k_small_house{1, 11, 10, 19};

struct Builder {
    TestCity& city;
    Rng rng;
    core::LayerData apps = layer("city_applications", {{"reference", FieldType::Text},
                                                       {"planning_decision", FieldType::Text},
                                                       {"decision_date", FieldType::Text}});
    core::LayerData footprints =
        layer("city_approved_footprints", {{"planning_application", FieldType::Text}});
    core::LayerData buildings =
        layer("city_buildings", {{"reference", FieldType::Text}, {"eaves_m", FieldType::Real}});
    core::LayerData baseline = layer("city_baseline", {{"reference", FieldType::Text}});
    core::LayerData curtilages = layer("city_curtilages", {{"uprn", FieldType::Text}});
    core::LayerData highways = layer("city_highways", {{"name", FieldType::Text}});
    core::LayerData ca = layer("city_conservation", {{"reference", FieldType::Text}});
    core::LayerData a4 =
        layer("city_article4",
              {{"reference", FieldType::Text}, {"permitted_development_rights", FieldType::Text}});
    core::LayerData listed = layer("city_listed", {{"reference", FieldType::Text}});
    core::LayerData trees =
        layer("city_trees", {{"reference", FieldType::Text}, {"stem_diameter_m", FieldType::Real}});
    long next_uprn = 100000000001;
    std::string uprn;
    const Street* s = nullptr;

    void expect(const char* code, std::optional<double> value, std::optional<double> limit,
                const std::string& what) {
        city.expected.push_back({code, uprn, value, limit, what});
    }
    void house(const Rect& r, bool shed) {
        add(baseline, s->poly(r), {std::string("house")});
        add(buildings, s->poly(r), {std::string("house"), FieldValue{}});
        if (shed) { // an old shed, unchanged: more buildings, no finding
            add(baseline, s->poly({1, 3, 40, 42}), {std::string("shed")});
            add(buildings, s->poly({1, 3, 40, 42}), {std::string("shed"), FieldValue{}});
        }
    }
    void build(const Rect& r, std::optional<double> eaves = {}) {
        add(buildings, s->poly(r), {std::string("new"), eaves ? FieldValue{*eaves} : FieldValue{}});
    }
    std::string app(const Rect& red_line, const char* decision, long days_before) {
        const std::string ref = "CITY/" + uprn;
        add(apps, s->poly(red_line),
            {ref, std::string(decision), city.as_of.add_days(-days_before).to_string()});
        return ref;
    }
    void area(core::LayerData& l, const Rect& r, std::vector<FieldValue> v) {
        add(l, s->poly({r.a0 + 0.5, r.a1 - 0.5, r.d0 + 0.5, r.d1 - 0.5}), std::move(v));
    }

    // Terraced house 8 m wide filling its plot: rear limit 3 m + 0.1 m.
    void attached(double w) {
        const Rect plot{0, w, 5, 45};
        house({0, w, 10, 19}, rng.chance(0.5));
        switch (rng.pick(6)) {
        case 0: { // rear extension
            const double r = rng.chance(0.5) ? rng.cm(3.2, 5.0) : rng.cm(1.0, 3.0);
            build({1.5, 6.5, 19, 19 + r});
            if (r > 3.1)
                expect("pd-rear-depth", r, 3.0, "attached rear extension");
            break;
        }
        case 1: { // porch forward of the front wall
            const double f = rng.cm(0.8, 2.0);
            build({2.5, 5.5, 10 - f, 10});
            expect("pd-forward-of-principal-elevation", f, 0.0, "porch");
            break;
        }
        case 2: { // rear extension on the side boundary with recorded eaves
            const double e = rng.chance(0.5) ? rng.cm(3.1, 4.0) : rng.cm(2.5, 2.95);
            build({0, 4, 19, 21.5}, e);
            if (e > 3.0)
                expect("pd-eaves-near-boundary", e, 3.0, "eaves on the boundary");
            break;
        }
        case 3: { // Article 4 direction over this plot
            const bool outbuilding = rng.chance(0.5);
            const char* rights = rng.chance(0.5) ? "1A" : "1A;1E";
            area(a4, plot, {"A4-" + uprn, std::string(rights)});
            if (outbuilding) {
                build({2, 6, 30, 34});
                if (std::string(rights).find("1E") != std::string::npos)
                    expect("article-4", {}, {}, "outbuilding, 1E removed");
            } else {
                build({1.5, 6.5, 19, 21.5});
                expect("article-4", {}, {}, "extension, 1A removed");
            }
            break;
        }
        default:
            break; // unchanged
        }
    }

    // Detached house 10 m wide in a 24 m plot: rear limit 4 m, side limit 5 m.
    void detached() {
        const Rect plot{0, 24, 5, 45};
        const std::size_t scenario = rng.pick(11);
        house(k_detached_house, scenario != 5 && rng.chance(0.5));
        switch (scenario) {
        case 0: { // rear extension
            const double r = rng.chance(0.5) ? rng.cm(4.2, 6.0) : rng.cm(1.0, 4.0);
            build({9, 15, 19, 19 + r});
            if (r > 4.1)
                expect("pd-rear-depth", r, 4.0, "detached rear extension");
            break;
        }
        case 1: { // side extension
            const double w = rng.chance(0.5) ? rng.cm(5.2, 6.5) : rng.cm(1.5, 5.0);
            build({17, 17 + w, 11, 18});
            if (w > 5.1)
                expect("pd-side-width", w, 5.0, "side extension");
            break;
        }
        case 2: { // conservation area (article 2(3) land)
            area(ca, plot, {"CA-" + uprn});
            if (rng.chance(0.5)) {
                const double w = rng.cm(1.0, 3.0);
                build({17, 17 + w, 11, 18});
                expect("pd-side-width", w, 0.0, "side extension on 2(3) land");
            } else {
                build({9, 15, 19, 22});
            }
            break;
        }
        case 3: // listed house
            add(listed, s->poly(k_detached_house), {"LB-" + uprn});
            build({9, 15, 19, 21.5});
            expect("listed-building-works", {}, {}, "extension to a listed house");
            break;
        case 4: { // outbuilding near a protected tree
            const double stem = rng.cm(0.3, 0.6);
            const double rpa = 12 * stem;
            const bool in = rng.chance(0.5);
            const double dist = in ? rpa - rng.cm(0.3, 2.0) : rpa + rng.cm(0.1, 2.0);
            add(trees, core::Geometry::point(s->at(12, 40)), {"T-" + uprn, stem});
            build({10, 14, 40 - dist - 4, 40 - dist});
            if (in)
                expect("tpo-root-protection", dist, rpa, "outbuilding near a tree");
            break;
        }
        case 5: { // demolished shed, in a conservation area or not
            const bool in_ca = rng.chance(0.7);
            const double h = rng.chance(0.5) ? rng.cm(3.0, 5.0) : rng.cm(1.0, 2.4);
            add(baseline, s->poly({19, 23, 12, 12 + h}), {std::string("old garage")});
            if (in_ca)
                area(ca, plot, {"CA-" + uprn});
            if (in_ca && 4 * h >= 10.0)
                expect("demolition-in-conservation-area", 4 * h, 10.0, "demolition");
            break;
        }
        case 6: { // approved extension, built beyond its footprint or as approved
            const std::string ref = app(plot, "approved", 600);
            add(footprints, s->poly(k_detached_house), {ref});
            add(footprints, s->poly({9, 15, 19, 22}), {ref});
            const double x = rng.chance(0.5) ? rng.cm(0.5, 2.0) : rng.cm(0.0, 0.2);
            build({9, 15, 19, 22 + x});
            if (x > 0.25 + 1.0 / 6)
                expect("exceeds-approved-footprint", 6 * (x - 0.25), 1.0, "beyond footprint");
            break;
        }
        case 7: { // approved red line stopping short of the extension
            const double red = rng.chance(0.5) ? rng.cm(19.5, 22.5) : rng.cm(22.9, 23.2);
            app({0, 24, 5, red}, "granted", 500);
            build({9, 15, 19, 23});
            if (6 * (23 - red) >= 1.0)
                expect("outside-red-line", 6 * (23 - red), 1.0, "outside the red line");
            break;
        }
        case 8: // refused application: the extension is judged as permitted development
            app(plot, "refused", 400);
            build({9, 15, 19, 23.5});
            expect("pd-rear-depth", 4.5, 4.0, "refused, rear 4.5 m");
            break;
        default:
            break;
        }
    }

    // Small plot 12 m x 30 m, house 10 m x 9 m: 270 m2 outside the house, coverage limit 50 %.
    void small() {
        house(k_small_house, false);
        if (rng.chance(0.3))
            return;
        const double h = rng.chance(0.5) ? rng.cm(12.5, 15.0) : rng.cm(4.0, 11.5);
        build({0.5, 11.5, 19.5, 19.5 + h});
        const double coverage = 11 * h / 270;
        if (coverage > 0.5)
            expect("pd-curtilage-coverage", coverage * 100, 50.0, "outbuilding");
    }

    // Vacant plot 20 m wide: lapsed permissions and buildings with no permission.
    void vacant() {
        const Rect plot{0, 20, 5, 45};
        if (rng.chance(0.5)) {
            const long days = static_cast<long>(rng.uniform(0.5, 6.0) * 365.25);
            const double years = static_cast<double>(days) / 365.25;
            if (std::abs(years - 3.0) < 0.05)
                return;
            app(plot, "approved", days);
            if (core::Date(city.as_of.add_days(-days)).add_years(3) < city.as_of)
                expect("permission-lapsed", years, 3.0, "permission never begun");
        } else {
            const bool permitted = rng.chance(0.4);
            if (permitted)
                app(plot, "approved", 300);
            build({5, 13, 10, 16});
            if (!permitted)
                expect("no-permission", 48.0, {}, "building on a vacant plot");
        }
    }
};

} // namespace

BreachInput TestCity::input() const {
    BreachInput in;
    in.as_of = as_of;
    for (const auto& [role, data] : layers)
        in.add(role, data);
    return in;
}

TestCity make_test_city(const CityOptions& options) {
    TestCity city;
    city.as_of = *core::Date::parse("2026-11-01");
    Builder b{city, Rng{std::mt19937_64(options.seed)}};
    constexpr double k_length = 380.0;
    constexpr double k_spacing = 450.0; // streets never meet, whatever their angle
    const std::size_t columns = 40;
    for (std::size_t street = 0; city.plot_count < options.plots; ++street) {
        const core::Coord centre{400000.0 + k_spacing * static_cast<double>(street % columns),
                                 200000.0 + k_spacing * static_cast<double>(street / columns)};
        const double angle = b.rng.uniform(0, 2 * M_PI);
        Street s;
        s.t = {std::cos(angle), std::sin(angle)};
        s.n = {-s.t.y, s.t.x};
        s.origin = {centre.x - k_length / 2 * s.t.x, centre.y - k_length / 2 * s.t.y};
        core::Geometry road;
        road.type = core::GeometryType::LineString;
        road.lines.push_back({s.at(-10, 0), s.at(k_length + 10, 0)});
        add(b.highways, road, {"Street " + std::to_string(street + 1) + " (generated)"});
        for (const int side : {1, -1}) {
            s.side = side;
            double pos = 0;
            for (;;) {
                const double r = b.rng.uniform(0, 1);
                const int run = r < 0.4 ? 2 + static_cast<int>(b.rng.pick(4)) : 1;
                const double width = r < 0.4 ? 8.0 : r < 0.75 ? 24.0 : r < 0.88 ? 12.0 : 20.0;
                if (pos + run * width > k_length)
                    break;
                for (int k = 0; k < run; ++k) {
                    s.start = pos;
                    b.s = &s;
                    b.uprn = std::to_string(b.next_uprn++);
                    const double rear = width == 12.0 ? 35.0 : 45.0;
                    add(b.curtilages, s.poly({0, width, 5, rear}), {b.uprn});
                    if (r < 0.4)
                        b.attached(width);
                    else if (width == 24.0)
                        b.detached();
                    else if (width == 12.0)
                        b.small();
                    else
                        b.vacant();
                    pos += width;
                    ++city.plot_count;
                }
            }
        }
    }
    city.building_count = b.buildings.features.size();
    using core::Role;
    city.layers = {{Role::PlanningApplication, std::move(b.apps)},
                   {Role::ApprovedFootprint, std::move(b.footprints)},
                   {Role::Building, std::move(b.buildings)},
                   {Role::BaselineBuilding, std::move(b.baseline)},
                   {Role::Curtilage, std::move(b.curtilages)},
                   {Role::Highway, std::move(b.highways)},
                   {Role::ConservationArea, std::move(b.ca)},
                   {Role::Article4DirectionArea, std::move(b.a4)},
                   {Role::ListedBuildingOutline, std::move(b.listed)},
                   {Role::Tree, std::move(b.trees)}};
    return city;
}

} // namespace redline::analysis
