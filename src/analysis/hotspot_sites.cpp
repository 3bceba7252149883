#include "analysis/hotspot_sites.hpp"

#include "analysis/cell_grid.hpp"
#include "analysis/hex_grid.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <cmath>
#include <map>

namespace redline::analysis {
namespace {

core::Envelope extent_of(std::span<const WeightedPoint> points) {
    core::Envelope e;
    for (const auto& p : points)
        if (std::isfinite(p.at.x) && std::isfinite(p.at.y) && std::isfinite(p.weight))
            e.expand(p.at);
    return e;
}

bool usable(const WeightedPoint& p) {
    return std::isfinite(p.at.x) && std::isfinite(p.at.y) && std::isfinite(p.weight);
}

bool on_segment(const core::Coord& c, const core::Coord& a, const core::Coord& b) {
    const double cross = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
    const double len2 = (b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y);
    // Collinear within a relative 1e-12 of the segment's squared length, and between its ends.
    if (std::fabs(cross) > 1e-12 * std::max(len2, 1.0))
        return false;
    return std::min(a.x, b.x) <= c.x && c.x <= std::max(a.x, b.x) && std::min(a.y, b.y) <= c.y &&
           c.y <= std::max(a.y, b.y);
}

} // namespace

const char* to_string(CellShape shape) {
    return shape == CellShape::Square ? "square" : "hex";
}

bool point_in_polygon(const core::Coord& c, const core::Polygon& p) {
    // Even-odd crossing test (Shimrat 1962, as in O'Rourke, Computational Geometry in C, 7.4):
    // count the ring edges that a ray to the east crosses, using the half-open rule on y so a
    // vertex on the ray is counted once. Over all rings at once, so a point in a hole is outside.
    bool inside = false;
    for (const auto& ring : p.rings) {
        const std::size_t n = ring.size();
        for (std::size_t i = 0, j = n ? n - 1 : 0; i < n; j = i++) {
            const auto& a = ring[i];
            const auto& b = ring[j];
            if (on_segment(c, a, b))
                return true;
            if ((a.y > c.y) != (b.y > c.y)) {
                const double x = a.x + (c.y - a.y) * (b.x - a.x) / (b.y - a.y);
                if (c.x < x)
                    inside = !inside;
            }
        }
    }
    return inside;
}

core::Coord centroid(const core::Geometry& g) {
    if (g.empty())
        throw core::GeometryError("cannot take the centroid of an empty geometry");
    if (!g.polygons.empty()) {
        // Area-weighted centroid of the rings' triangles fans (shoelace): holes, wound either way,
        // subtract because each ring's contribution is signed against its exterior.
        double a = 0, cx = 0, cy = 0;
        for (const auto& poly : g.polygons)
            for (std::size_t r = 0; r < poly.rings.size(); ++r) {
                const auto& ring = poly.rings[r];
                const double ring_area = core::signed_ring_area(ring);
                const double sign = (r == 0) == (ring_area >= 0) ? 1.0 : -1.0;
                // Relative to the first vertex, to keep precision at BNG magnitudes.
                const auto o = ring.front();
                for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
                    const double x0 = ring[i].x - o.x, y0 = ring[i].y - o.y;
                    const double x1 = ring[i + 1].x - o.x, y1 = ring[i + 1].y - o.y;
                    const double f = (x0 * y1 - x1 * y0) * sign;
                    a += f;
                    cx += (x0 + x1 + 3 * o.x) * f;
                    cy += (y0 + y1 + 3 * o.y) * f;
                }
            }
        if (std::fabs(a) > 0)
            return {cx / (3 * a), cy / (3 * a)};
    }
    if (!g.lines.empty()) {
        double len = 0, cx = 0, cy = 0;
        for (const auto& line : g.lines)
            for (std::size_t i = 0; i + 1 < line.size(); ++i) {
                const double l = std::hypot(line[i + 1].x - line[i].x, line[i + 1].y - line[i].y);
                len += l;
                cx += l * (line[i].x + line[i + 1].x) / 2;
                cy += l * (line[i].y + line[i + 1].y) / 2;
            }
        if (len > 0)
            return {cx / len, cy / len};
    }
    // Points, or degenerate lines and polygons: the mean of the vertices.
    double n = 0, cx = 0, cy = 0;
    g.for_each_coord([&](const core::Coord& c) {
        cx += c.x;
        cy += c.y;
        n += 1;
    });
    return {cx / n, cy / n};
}

HotspotSites aggregate_to_cells(std::span<const WeightedPoint> points, CellShape shape,
                                double cell_m, const core::ProgressFn& progress) {
    const auto extent = extent_of(points);
    if (extent.empty())
        throw core::UsageError("no points to aggregate");
    HotspotSites out;
    core::report_progress(progress, 0.0, "aggregating");
    if (shape == CellShape::Square) {
        const auto grid = snapped_grid(extent, 0.0, cell_m);
        std::vector<double> sums(grid.size(), 0.0);
        for (const auto& p : points) {
            std::size_t col = 0, row = 0;
            if (usable(p) && grid.locate(p.at, col, row)) {
                sums[row * grid.cols + col] += p.weight;
                ++out.points_used;
            }
        }
        for (std::size_t row = 0; row < grid.rows; ++row)
            for (std::size_t col = 0; col < grid.cols; ++col) {
                out.ids.push_back("r" + std::to_string(row) + "c" + std::to_string(col));
                out.values.push_back(sums[row * grid.cols + col]);
                out.centres.push_back(grid.centre(col, row));
                out.shapes.push_back(core::Geometry::polygon(grid.cell_polygon(col, row)));
            }
    } else {
        const HexGrid hex(cell_m);
        const auto cells = hex.covering(extent);
        std::map<std::pair<std::int64_t, std::int64_t>, std::size_t> slot;
        for (std::size_t k = 0; k < cells.size(); ++k)
            slot[{cells[k].row, cells[k].col}] = k;
        std::vector<double> sums(cells.size(), 0.0);
        for (const auto& p : points) {
            if (!usable(p))
                continue;
            const auto i = hex.index_of(p.at);
            // covering() includes every hexagon whose box meets the extent, hence every point's.
            const auto it = slot.find({i.row, i.col});
            if (it != slot.end()) {
                sums[it->second] += p.weight;
                ++out.points_used;
            }
        }
        for (std::size_t k = 0; k < cells.size(); ++k) {
            out.ids.push_back("h" + std::to_string(cells[k].row) + "_" +
                              std::to_string(cells[k].col));
            out.values.push_back(sums[k]);
            out.centres.push_back(hex.centre(cells[k]));
            out.shapes.push_back(core::Geometry::polygon(hex.polygon(cells[k])));
        }
    }
    core::report_progress(progress, 1.0, "aggregating");
    return out;
}

namespace {

std::string site_id(const core::LayerData& layer, const core::Feature& f) {
    for (const char* name : {"name", "reference"})
        if (const auto i = layer.field_index(name); i && !core::is_null(f.values[*i]))
            return core::to_text(f.values[*i]);
    return "fid " + std::to_string(f.source_fid);
}

} // namespace

HotspotSites aggregate_to_zones(std::span<const WeightedPoint> points, const core::LayerData& zones,
                                const core::ProgressFn& progress) {
    HotspotSites out;
    std::vector<core::Envelope> boxes;
    std::vector<const core::Feature*> used;
    for (const auto& f : zones.features)
        if (!f.geometry.polygons.empty() && !f.geometry.empty()) {
            used.push_back(&f);
            boxes.push_back(f.geometry.envelope());
        }
    if (used.empty())
        throw core::UsageError("layer '" + zones.name + "' has no polygons to use as zones");
    out.values.assign(used.size(), 0.0);
    std::size_t done = 0;
    for (const auto& p : points) {
        if (progress && ++done % 8192 == 0)
            core::report_progress(progress, static_cast<double>(done) / points.size(), "zones");
        if (!usable(p))
            continue;
        bool inside_any = false;
        for (std::size_t z = 0; z < used.size(); ++z) {
            const auto& b = boxes[z];
            if (p.at.x < b.min_x || p.at.x > b.max_x || p.at.y < b.min_y || p.at.y > b.max_y)
                continue;
            for (const auto& poly : used[z]->geometry.polygons)
                if (point_in_polygon(p.at, poly)) {
                    out.values[z] += p.weight;
                    inside_any = true;
                    break;
                }
        }
        inside_any ? ++out.points_used : ++out.points_outside;
    }
    for (const auto* f : used) {
        out.ids.push_back(site_id(zones, *f));
        out.centres.push_back(centroid(f->geometry));
        out.shapes.push_back(f->geometry);
    }
    return out;
}

HotspotSites sites_from_field(const core::LayerData& layer, const std::string& field) {
    const auto idx = layer.field_index(field);
    if (!idx)
        throw core::UsageError("layer '" + layer.name + "' has no field '" + field + "'");
    HotspotSites out;
    for (const auto& f : layer.features) {
        const auto& v = f.values[*idx];
        double x = 0;
        bool ok = false;
        if (const auto* i = std::get_if<std::int64_t>(&v)) {
            x = static_cast<double>(*i);
            ok = true;
        } else if (const auto* d = std::get_if<double>(&v)) {
            x = *d;
            ok = std::isfinite(x);
        } else if (const auto* s = std::get_if<std::string>(&v)) {
            ok = core::parse_double(core::trim(*s), x);
        }
        if (!ok || f.geometry.empty()) {
            ++out.features_skipped;
            continue;
        }
        out.ids.push_back(site_id(layer, f));
        out.values.push_back(x);
        out.centres.push_back(centroid(f.geometry));
        out.shapes.push_back(f.geometry);
    }
    return out;
}

core::LayerData gistar_layer(const HotspotSites& sites, const std::vector<GiStarResult>& results,
                             const std::string& layer_name) {
    if (results.size() != sites.size())
        throw core::UsageError("Gi* results do not match the sites");
    core::LayerData layer;
    layer.name = layer_name;
    layer.epsg = 27700;
    layer.fields = {{"site_id", core::FieldType::Text},       {"value", core::FieldType::Real},
                    {"neighbours", core::FieldType::Integer}, {"gi_z", core::FieldType::Real},
                    {"p_value", core::FieldType::Real},       {"p_fdr", core::FieldType::Real},
                    {"class", core::FieldType::Integer}};
    layer.features.reserve(sites.size());
    for (std::size_t i = 0; i < sites.size(); ++i) {
        const auto& r = results[i];
        core::Feature f;
        f.source_fid = static_cast<std::int64_t>(i + 1);
        f.geometry = sites.shapes[i];
        f.values = {sites.ids[i], r.value, static_cast<std::int64_t>(r.neighbours),      r.z,
                    r.p,          r.p_fdr, static_cast<std::int64_t>(r.confidence_class)};
        layer.features.push_back(std::move(f));
    }
    return layer;
}

} // namespace redline::analysis
