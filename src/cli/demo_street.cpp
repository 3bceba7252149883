// The physical layers of the demo street: curtilages, earlier and current buildings, the road,
// designations and protected trees. Scenarios are in demo_plots.cpp.
#include "cli/demo_street.hpp"
#include "cli/demo_frame.hpp"

namespace redline::cli::demo {

using namespace detail;
using core::FieldType;

void add_casework(DemoStreet& out, const std::vector<Plot>& ps);

namespace {

constexpr const char* k_baseline_date = "2015-06-01";
constexpr const char* k_survey_date = "2026-09-15";

void add_buildings(DemoStreet& out, const std::vector<Plot>& ps) {
    auto curtilages =
        layer("demo_curtilages", {{"uprn", FieldType::Text}, {"address_text", FieldType::Text}});
    auto baseline = layer("demo_baseline_buildings",
                          {{"reference", FieldType::Text}, {"observed_date", FieldType::Text}});
    auto current = layer("demo_buildings", {{"reference", FieldType::Text},
                                            {"observed_date", FieldType::Text},
                                            {"height_m", FieldType::Real},
                                            {"eaves_m", FieldType::Real}});
    for (const Plot& p : ps) {
        add(curtilages, poly({0, p.width, 5, p.rear}, p.start, p.side),
            {uprn(p.number), address(p.number)});
        const std::string ref = "demo-" + std::to_string(p.number);
        if (p.house) {
            add(baseline, poly(*p.house, p.start, p.side), {ref + "-house", k_baseline_date});
            add(current, poly(*p.house, p.start, p.side),
                {ref + "-house", k_survey_date, 8.5, 5.5});
        }
        for (const Rect& r : p.demolished)
            add(baseline, poly(r, p.start, p.side), {ref + "-demolished", k_baseline_date});
        int k = 0;
        for (const Rect& r : p.extensions) {
            core::FieldValue eaves = p.eaves_m ? core::FieldValue{*p.eaves_m} : core::FieldValue{};
            add(current, poly(r, p.start, p.side),
                {ref + "-new-" + std::to_string(++k), k_survey_date, 3.5, eaves});
        }
    }
    const std::pair<const char*, Rect> on_open_land[] = {{"demo-land-unpermitted", k_unpermitted},
                                                         {"demo-land-permitted", k_permitted},
                                                         {"demo-land-shed", k_tiny_shed}};
    for (const auto& [ref, r] : on_open_land)
        add(current, poly(r, 0, -1), {std::string(ref), k_survey_date, 3.0, core::FieldValue{}});
    out.layers.push_back({std::move(curtilages), "curtilage", "synthetic plots of Demo Road"});
    out.layers.push_back({std::move(baseline), "baseline-building",
                          "synthetic earlier survey (2015): the original houses"});
    out.layers.push_back({std::move(current), "building",
                          "synthetic current survey (2026): houses, extensions, outbuildings"});
}

void add_context(DemoStreet& out, const std::vector<Plot>& ps) {
    auto road = layer("demo_highway", {{"name", FieldType::Text}});
    core::Geometry line;
    line.type = core::GeometryType::MultiLineString;
    line.lines.push_back({at(-20, 0, 1), at(350, 0, 1)});
    add(road, line, {std::string("Demo Road (synthetic)")});
    out.layers.push_back({std::move(road), "highway", "synthetic road centreline"});

    auto trees = layer("demo_trees", {{"reference", FieldType::Text},
                                      {"tree_preservation_order", FieldType::Text},
                                      {"stem_diameter_m", FieldType::Real}});
    const Plot& p17 = find(ps, 17);
    const Plot& p18 = find(ps, 18);
    add(trees, core::Geometry::point(at(p17.start + 12, 33, p17.side)),
        {std::string("DEMO-T1"), std::string("DEMO-TPO-1 (synthetic)"), 0.5});
    add(trees, core::Geometry::point(at(p18.start + 12, 34, p18.side)),
        {std::string("DEMO-T2"), std::string("DEMO-TPO-1 (synthetic)"), 0.4});
    out.layers.push_back({std::move(trees), "tree", "synthetic protected trees"});

    // Designations are inset 0.5 m from the plots they cover so that they do not touch neighbours.
    auto inset = [&](int first, int last) {
        const Plot& a = find(ps, first);
        const Plot& b = find(ps, last);
        return poly({0.5, b.start + b.width - a.start - 0.5, 5.5, 39.5}, a.start, a.side);
    };
    auto a4 = layer("demo_article4", {{"reference", FieldType::Text},
                                      {"name", FieldType::Text},
                                      {"permitted_development_rights", FieldType::Text}});
    add(a4, inset(13, 14),
        {std::string("DEMO-A4-1"), std::string("Demo Road extensions direction (synthetic)"),
         std::string("1A")});
    out.layers.push_back({std::move(a4), "article-4-direction-area",
                          "synthetic Article 4 direction removing Part 1 Class A"});

    auto ca = layer("demo_conservation_area", {{"reference", FieldType::Text},
                                               {"name", FieldType::Text},
                                               {"designation_date", FieldType::Text}});
    add(ca, inset(21, 24),
        {std::string("DEMO-CA-1"), std::string("Demo Road South (synthetic)"),
         std::string("1990-01-01")});
    out.layers.push_back({std::move(ca), "conservation-area", "synthetic conservation area"});

    auto listed = layer("demo_listed_building", {{"reference", FieldType::Text},
                                                 {"name", FieldType::Text},
                                                 {"listed_building", FieldType::Text}});
    const Plot& p15 = find(ps, 15);
    add(listed, poly(*p15.house, p15.start, p15.side),
        {std::string("DEMO-LB-1"), address(15), std::string("II")});
    out.layers.push_back({std::move(listed), "listed-building-outline",
                          "synthetic listed building (the house at plot 15)"});
}

} // namespace

DemoStreet build_demo_street() {
    DemoStreet out;
    const auto ps = plots();
    add_buildings(out, ps);
    add_context(out, ps);
    add_casework(out, ps);
    return out;
}

} // namespace redline::cli::demo
