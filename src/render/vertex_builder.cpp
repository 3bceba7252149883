#include "render/vertex_builder.hpp"

#include <algorithm>
#include <cmath>

namespace redline::render {
namespace {

constexpr double k_miter_limit = 3.0;

struct Vec {
    double x, y;
};

Vec unit(core::Coord a, core::Coord b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len = std::hypot(dx, dy);
    return len > 0 ? Vec{dx / len, dy / len} : Vec{1, 0};
}

Vec normal(Vec d) {
    return {-d.y, d.x};
}

/// Offset at a join between incoming direction `d0` and outgoing `d1`.
Vec miter(Vec d0, Vec d1) {
    const Vec n0 = normal(d0), n1 = normal(d1);
    Vec m{n0.x + n1.x, n0.y + n1.y};
    const double len = std::hypot(m.x, m.y);
    if (len < 1e-9)
        return n1; // the line turns back on itself: a square end is the best there is
    m = {m.x / len, m.y / len};
    const double scale = std::min(k_miter_limit, 1.0 / std::max(1e-9, m.x * n1.x + m.y * n1.y));
    return {m.x * scale, m.y * scale};
}

/// The strip of one path whose vertices are in `pts` (consecutive duplicates removed here).
void append_strip(std::vector<core::Coord>& pts, core::Coord origin,
                  std::vector<LineVertex>& vertices, LineStrips& strips) {
    pts.erase(std::unique(pts.begin(), pts.end()), pts.end());
    if (pts.size() < 2)
        return;
    const bool closed = pts.size() > 2 && pts.front() == pts.back();
    const std::size_t n = pts.size();
    const auto base = static_cast<std::uint32_t>(vertices.size());
    double distance = 0;
    for (std::size_t i = 0; i < n; ++i) {
        Vec off;
        if (i == 0) {
            off = closed ? miter(unit(pts[n - 2], pts[0]), unit(pts[0], pts[1]))
                         : normal(unit(pts[0], pts[1]));
        } else if (i == n - 1) {
            off = closed ? miter(unit(pts[n - 2], pts[0]), unit(pts[0], pts[1]))
                         : normal(unit(pts[n - 2], pts[n - 1]));
        } else {
            off = miter(unit(pts[i - 1], pts[i]), unit(pts[i], pts[i + 1]));
        }
        if (i > 0)
            distance += std::hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
        const auto x = static_cast<float>(pts[i].x - origin.x);
        const auto y = static_cast<float>(pts[i].y - origin.y);
        const auto d = static_cast<float>(distance);
        vertices.push_back({x, y, float(off.x), float(off.y), d});
        vertices.push_back({x, y, float(-off.x), float(-off.y), d});
    }
    strips.first.push_back(static_cast<std::int32_t>(base));
    strips.count.push_back(static_cast<std::int32_t>(2 * n));
}

} // namespace

void build_line_vertices(std::span<const core::Path> paths, core::Coord origin,
                         std::vector<LineVertex>& vertices, LineStrips& strips) {
    std::vector<core::Coord> pts;
    for (const core::Path& path : paths) {
        pts.assign(path.begin(), path.end());
        append_strip(pts, origin, vertices, strips);
    }
}

void build_line_vertices(const scene::PathList& paths, std::size_t first, std::size_t count,
                         core::Coord origin, std::vector<LineVertex>& vertices,
                         LineStrips& strips) {
    std::vector<core::Coord> pts;
    for (std::size_t i = first; i < first + count && i < paths.size(); ++i) {
        pts.clear();
        for (std::size_t k = 0; k < paths.length(i); ++k)
            pts.push_back(paths.at(i, k));
        append_strip(pts, origin, vertices, strips);
    }
}

void build_symbol_vertices(const std::vector<scene::PointSymbol>& points, core::Coord origin,
                           std::vector<SymbolVertex>& vertices) {
    static constexpr float corners[6][2] = {{-1, -1}, {1, -1}, {1, 1}, {-1, -1}, {1, 1}, {-1, 1}};
    for (const auto& p : points) {
        const auto& s = p.style;
        for (const auto& c : corners) {
            vertices.push_back({static_cast<float>(p.at.x - origin.x),
                                static_cast<float>(p.at.y - origin.y),
                                c[0],
                                c[1],
                                {s.fill.r, s.fill.g, s.fill.b, s.fill.a},
                                {s.outline.r, s.outline.g, s.outline.b, s.outline.a},
                                s.size_px,
                                s.outline_px,
                                static_cast<float>(static_cast<int>(s.shape))});
        }
    }
}

std::vector<float> build_fill_vertices(const scene::TriangleMesh& mesh, core::Coord origin) {
    std::vector<float> out;
    out.reserve(mesh.vertices.size() * 2);
    for (const auto& v : mesh.vertices) {
        out.push_back(static_cast<float>(v.x - origin.x));
        out.push_back(static_cast<float>(v.y - origin.y));
    }
    return out;
}

} // namespace redline::render
