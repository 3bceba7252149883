#pragma once

#include "analysis/gistar.hpp"
#include "analysis/weighted_point.hpp"
#include "core/feature.hpp"
#include "core/progress.hpp"

#include <span>
#include <string>
#include <vector>

namespace redline::analysis {

/// The sites a Gi* runs on: one per cell, zone or feature, each with an id, a value, the point its
/// distances are measured from and the geometry written out. EPSG:27700 metres throughout.
struct HotspotSites {
    std::vector<std::string> ids;       ///< "r12c40" for a cell, the zone's name/reference/fid
    std::vector<double> values;         ///< summed weights (counts) or the field's value
    std::vector<core::Coord> centres;   ///< cell centre, zone or feature centroid
    std::vector<core::Geometry> shapes; ///< the cell, zone or feature geometry
    std::size_t points_used = 0;        ///< points that fell in some cell or zone
    std::size_t points_outside = 0;     ///< points in no zone (zones only)
    std::size_t features_skipped = 0;   ///< features with no geometry or value (fields only)

    std::size_t size() const { return values.size(); }
};

enum class CellShape { Square, Hex };
const char* to_string(CellShape shape);

/// Sum the points' weights into square cells (`cell_m` wide, edges on multiples of it from
/// (0,0)) or hexagons (HexGrid with spacing `cell_m`) covering the points' extent snapped outward;
/// cells with no points are included with value 0, as Gi* needs them. Throws core::UsageError for
/// no points or a bad cell size.
HotspotSites aggregate_to_cells(std::span<const WeightedPoint> points, CellShape shape,
                                double cell_m, const core::ProgressFn& progress = {});

/// Sum the points' weights in each polygon of `zones` (even-odd rule, holes excluded, boundary
/// points count as inside; a point in overlapping zones counts in each). The site's centre is the
/// zone's area centroid, its id the first of the fields name, reference or else the fid. Features
/// without polygons are skipped. Throws core::UsageError when no zone has a polygon.
HotspotSites aggregate_to_zones(std::span<const WeightedPoint> points, const core::LayerData& zones,
                                const core::ProgressFn& progress = {});

/// One site per feature of `layer` with a numeric (or numeric-text) value in `field`, centred on
/// the feature's centroid. Throws core::UsageError when the field does not exist.
HotspotSites sites_from_field(const core::LayerData& layer, const std::string& field);

/// Centroid of a geometry: area centroid of polygons (holes subtracted), length-weighted midpoint
/// of lines, mean of points. Throws core::GeometryError for an empty geometry.
core::Coord centroid(const core::Geometry& g);

/// True when `c` is inside polygon `p` by the even-odd rule over all its rings (so holes are
/// outside); points on the boundary count as inside.
bool point_in_polygon(const core::Coord& c, const core::Polygon& p);

/// The Gi* results as a layer (EPSG:27700) with fields site_id, value, neighbours, gi_z, p_value,
/// p_fdr, class and each site's shape, in site order.
core::LayerData gistar_layer(const HotspotSites& sites, const std::vector<GiStarResult>& results,
                             const std::string& layer_name);

} // namespace redline::analysis
