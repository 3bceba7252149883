#pragma once

#include "core/date.hpp"
#include "core/feature.hpp"
#include "core/role.hpp"
#include "scene/path_list.hpp"
#include "scene/style.hpp"
#include "scene/triangulator.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace redline::scene {

/// A point symbol with its own style (complaints vary by status and age).
struct PointSymbol {
    core::Coord at; ///< EPSG:27700
    std::size_t feature = 0;
    SymbolStyle style;
};

/// Map-space geometry of one layer, ready for a renderer: everything in EPSG:27700 metres.
struct DrawList {
    TriangleMesh fill;                       ///< polygon interiors
    PathList lines;                          ///< polygon rings (closed) and linestrings
    std::vector<std::uint32_t> line_feature; ///< feature index of each entry of `lines`
    std::vector<PointSymbol> points;         ///< points, styled
    /// Feature index of each triangle of `fill` (32 bits: a layer of a million buildings has ~5
    /// million triangles, and this list should not cost more than the triangles).
    std::vector<std::uint32_t> feature_of_triangle;
    /// Median of the features' larger envelope side, metres: lets a renderer skip outlines that
    /// would be under a pixel long (a zoomed-out city is a fill, not a mesh of hairlines).
    double typical_feature_m = 0;
    core::Envelope extent;
};

/// Build the draw list of a layer: polygons triangulated, rings as outlines, points as symbols.
/// `today` dates complaints for their age band. Pure: safe to call on a worker thread.
DrawList build_draw_list(const core::LayerData& data, core::Role role, core::Date today);

/// One layer of the map: its data, role, style, visibility, opacity and a draw list built once
/// and cached. Owned by a Scene; not thread-safe (build on a worker, then hand the whole Scene
/// to the UI thread).
class MapLayer {
public:
    MapLayer(core::LayerData data, core::Role role);

    const std::string& name() const { return m_data.name; }
    core::Role role() const { return m_role; }
    const core::LayerData& data() const { return m_data; }

    Style style;
    bool visible = true;
    float opacity = 1.0f; ///< multiplies every alpha of the style, [0, 1]
    /// Legend and Layers-tab text in place of "name (role)"; empty: that default (Gi* classes).
    std::string label;

    /// Triangulate and build the draw list unless it is already built for this data.
    void build(core::Date today);
    bool built() const { return m_built; }
    /// The cached draw list (empty until build()).
    const DrawList& draw_list() const { return m_draw_list; }
    /// Replace the data; the draw list is rebuilt on the next build().
    void set_data(core::LayerData data);
    /// Changes (process-wide unique) whenever the draw list is rebuilt, so that a renderer knows
    /// when to upload its buffers again; style, opacity and visibility do not change it.
    std::uint64_t revision() const { return m_revision; }

private:
    core::LayerData m_data;
    core::Role m_role;
    DrawList m_draw_list;
    bool m_built = false;
    std::uint64_t m_revision = 0;
};

} // namespace redline::scene
