#pragma once
// The breach engine's working state, shared by its .cpp files (private to the analysis module):
// each role's live features as indexed GEOS shapes, the developments, and each curtilage's
// permitted-development context.

#include "analysis/breach_input.hpp"
#include "analysis/findings.hpp"
#include "geom/shape.hpp"
#include "geom/strtree.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace redline::analysis::detail {

/// Overlaps below this (m2) are floating-point noise from touching outlines, not overlap.
inline constexpr double k_noise_area_m2 = 0.01;

/// One role's features that apply on the analysis date, as GEOS shapes with an STRtree.
/// `item` indexes below are positions in these vectors, not feature indexes.
struct Layer {
    const core::LayerData* data = nullptr; ///< null when the workspace has no layer of the role
    std::vector<std::size_t> feature;      ///< index into data->features
    std::vector<geom::Shape> shape;
    std::vector<core::Envelope> env;
    std::vector<double> area_m2;
    geom::StrTree tree;

    bool present() const { return data != nullptr; }
    std::size_t size() const { return shape.size(); }
    /// Field text ("" when the field is absent or null).
    std::string text(std::size_t item, std::string_view field) const;
    /// Field as a number (text is parsed), nullopt when absent, null or not a number.
    std::optional<double> number(std::size_t item, std::string_view field) const;
    /// Items whose envelope meets `e` grown by `margin` metres, ascending.
    std::vector<std::size_t> near(const core::Envelope& e, double margin = 0.0) const;
};

/// Build the layer of `role`: features with an end_date before `as_of` are left out (they no
/// longer apply); invalid polygons are repaired. Parallel over features.
Layer make_layer(const BreachInput& input, core::Role role, unsigned threads);

/// A development (new building) or demolition: one connected polygon, EPSG:27700.
struct Development {
    std::string id;
    bool demolition = false;
    geom::Shape shape;
    double area_m2 = 0.0;
    core::Envelope env;
    core::Coord centroid;
    std::optional<std::size_t> curtilage; ///< curtilage item it was split into
    std::vector<std::size_t> covering;    ///< covering application items (section 2)
};

/// A curtilage's permitted-development context (breach-rules.md section 3).
struct Plot {
    std::optional<std::size_t> house; ///< baseline item of the original house
    bool detached = false;
    bool has_axes = false;
    core::Coord origin;          ///< local origin for projections (the curtilage's centroid)
    core::Coord u{0, 1};         ///< depth axis: into the plot from its front
    core::Coord w{-1, 0};        ///< width axis
    std::string axes_note;       ///< why there are no axes
    double coverage = 0.0;       ///< buildings other than the original house / the rest of the plot
    geom::Shape other_buildings; ///< what the coverage counts
    std::optional<std::size_t> coverage_lead; ///< development the coverage finding goes on
};

/// Everything the rules read.
struct Model {
    const BreachInput* input = nullptr;
    Parameters params;
    core::Date as_of;
    unsigned threads = 1;
    Layer applications, footprints, buildings, baseline, curtilages, highways, conservation,
        article4, listed, tpo_zones, trees;
    std::vector<bool> application_live; ///< approved and decided on or before as_of
    /// Approved-footprint items by the application reference they belong to.
    std::map<std::string, std::vector<std::size_t>> footprints_by_application;
    std::vector<Development> developments; ///< sorted by id; demolitions included
    std::map<std::size_t, Plot> plots;     ///< by curtilage item
};

/// Run f(i) for i in [0, n) on `threads` threads (work taken one index at a time). The first
/// exception thrown by any f is rethrown here after all threads stop.
void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& f);

/// The curtilage's uprn ("" when none).
std::string uprn_of(const Model& m, std::optional<std::size_t> curtilage);

} // namespace redline::analysis::detail
