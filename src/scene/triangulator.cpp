#include "scene/triangulator.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace redline::scene {
namespace {

using core::Coord;

double cross(Coord o, Coord a, Coord b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

/// A ring without its closing vertex or consecutive repeats, oriented counter-clockwise when
/// `ccw`, clockwise otherwise. Empty when fewer than three distinct vertices remain.
std::vector<Coord> clean_ring(const core::Path& ring, bool ccw) {
    std::vector<Coord> out;
    out.reserve(ring.size());
    for (const Coord& c : ring) {
        if (!std::isfinite(c.x) || !std::isfinite(c.y))
            continue;
        if (out.empty() || !(out.back() == c))
            out.push_back(c);
    }
    while (out.size() > 1 && out.front() == out.back())
        out.pop_back();
    if (out.size() < 3)
        return {};
    const double area = core::signed_ring_area(out);
    if (area == 0)
        return {};
    if ((area > 0) != ccw)
        std::reverse(out.begin(), out.end());
    return out;
}

bool in_triangle(Coord a, Coord b, Coord c, Coord p) {
    return cross(a, b, p) >= 0 && cross(b, c, p) >= 0 && cross(c, a, p) >= 0;
}

/// Join a hole (clockwise, global indices) into `poly` (counter-clockwise) with a bridge from the
/// hole's rightmost vertex M to a vertex P of `poly` that M can see (Eberly section 3).
void join_hole(std::vector<std::uint32_t>& poly, const std::vector<std::uint32_t>& hole,
               const std::vector<Coord>& v) {
    std::size_t m_pos = 0;
    for (std::size_t i = 1; i < hole.size(); ++i)
        if (v[hole[i]].x > v[hole[m_pos]].x)
            m_pos = i;
    const Coord m = v[hole[m_pos]];

    // Nearest edge hit by the ray from M towards +x.
    double best_x = std::numeric_limits<double>::infinity();
    std::size_t p_pos = poly.size();
    for (std::size_t i = 0; i < poly.size(); ++i) {
        const Coord a = v[poly[i]];
        const Coord b = v[poly[(i + 1) % poly.size()]];
        if ((a.y > m.y) == (b.y > m.y) && a.y != m.y && b.y != m.y)
            continue;
        // The polygon's inside is left of every edge; an edge seen from its outside cannot be the
        // one M looks at. This also picks the right side of an earlier bridge, which runs twice.
        if (cross(a, b, m) < 0)
            continue;
        if (a.y == b.y) {
            if (a.y != m.y)
                continue;
            const double x = std::min(a.x, b.x);
            if (x >= m.x && x < best_x) {
                best_x = x;
                p_pos = a.x < b.x ? i : (i + 1) % poly.size();
            }
            continue;
        }
        const double x = a.x + (m.y - a.y) * (b.x - a.x) / (b.y - a.y);
        if (x >= m.x && x < best_x) {
            best_x = x;
            p_pos = a.x > b.x ? i : (i + 1) % poly.size();
        }
    }
    if (p_pos == poly.size())
        return; // the hole lies outside the exterior: nothing to cut out
    const Coord i_pt{best_x, m.y};
    const Coord p0 = v[poly[p_pos]];
    // Any vertex inside triangle (M, I, P) would hide P; take the one closest in angle to the ray.
    if (!(p0 == i_pt)) {
        double best_cos = -2;
        double best_d2 = std::numeric_limits<double>::infinity();
        const bool ccw = cross(m, i_pt, p0) > 0;
        std::size_t chosen = p_pos;
        for (std::size_t i = 0; i < poly.size(); ++i) {
            const Coord q = v[poly[i]];
            if (q.x < m.x || q == p0)
                continue;
            const bool inside = ccw ? in_triangle(m, i_pt, p0, q) : in_triangle(m, p0, i_pt, q);
            if (!inside)
                continue;
            const double dx = q.x - m.x, dy = q.y - m.y;
            const double d2 = dx * dx + dy * dy;
            const double c = d2 > 0 ? dx / std::sqrt(d2) : 1;
            if (c > best_cos || (c == best_cos && d2 < best_d2)) {
                best_cos = c;
                best_d2 = d2;
                chosen = i;
            }
        }
        if (best_cos > -2)
            p_pos = chosen;
    }
    std::vector<std::uint32_t> joined;
    joined.reserve(poly.size() + hole.size() + 2);
    joined.insert(joined.end(), poly.begin(), poly.begin() + static_cast<long>(p_pos) + 1);
    for (std::size_t k = 0; k <= hole.size(); ++k)
        joined.push_back(hole[(m_pos + k) % hole.size()]);
    joined.push_back(poly[p_pos]);
    joined.insert(joined.end(), poly.begin() + static_cast<long>(p_pos) + 1, poly.end());
    poly.swap(joined);
}

/// Clip ears from the counter-clockwise polygon `poly` until one triangle is left.
void clip_ears(const std::vector<std::uint32_t>& poly, const std::vector<Coord>& v,
               std::vector<std::uint32_t>& out) {
    const std::size_t n = poly.size();
    std::vector<std::size_t> prev(n), next(n);
    for (std::size_t i = 0; i < n; ++i) {
        prev[i] = (i + n - 1) % n;
        next[i] = (i + 1) % n;
    }
    std::size_t remaining = n;
    std::size_t cur = 0;
    std::size_t since_last_ear = 0;
    auto is_ear = [&](std::size_t i) {
        const Coord a = v[poly[prev[i]]], b = v[poly[i]], c = v[poly[next[i]]];
        if (cross(a, b, c) <= 0)
            return false;
        for (std::size_t j = next[next[i]]; j != prev[i]; j = next[j]) {
            const Coord p = v[poly[j]];
            // Bridge vertices repeat a, b or c; they touch the ear without being inside it.
            if (p == a || p == b || p == c)
                continue;
            if (in_triangle(a, b, c, p))
                return false;
        }
        return true;
    };
    auto remove = [&](std::size_t i, bool emit) {
        if (emit) {
            out.push_back(poly[prev[i]]);
            out.push_back(poly[i]);
            out.push_back(poly[next[i]]);
        }
        next[prev[i]] = next[i];
        prev[next[i]] = prev[i];
        --remaining;
        since_last_ear = 0;
        return next[i];
    };
    while (remaining > 3) {
        if (is_ear(cur)) {
            cur = remove(cur, true);
            continue;
        }
        cur = next[cur];
        if (++since_last_ear <= remaining)
            continue;
        // A whole turn without an ear: the ring is degenerate or self-intersecting. Drop a flat
        // vertex if there is one, else force the current corner out so that the loop ends.
        std::size_t j = cur;
        bool dropped = false;
        for (std::size_t k = 0; k < remaining; ++k, j = next[j]) {
            if (cross(v[poly[prev[j]]], v[poly[j]], v[poly[next[j]]]) == 0) {
                cur = remove(j, false);
                dropped = true;
                break;
            }
        }
        if (!dropped)
            cur = remove(cur, cross(v[poly[prev[cur]]], v[poly[cur]], v[poly[next[cur]]]) > 0);
    }
    if (remaining == 3 && cross(v[poly[prev[cur]]], v[poly[cur]], v[poly[next[cur]]]) > 0) {
        out.push_back(poly[prev[cur]]);
        out.push_back(poly[cur]);
        out.push_back(poly[next[cur]]);
    }
}

} // namespace

void triangulate(const core::Polygon& polygon, TriangleMesh& mesh) {
    if (polygon.rings.empty())
        return;
    std::vector<Coord> exterior = clean_ring(polygon.rings[0], true);
    if (exterior.empty())
        return;
    // Work on a local vertex list; indices are offset into `mesh` at the end.
    std::vector<Coord> v = std::move(exterior);
    std::vector<std::uint32_t> poly(v.size());
    for (std::size_t i = 0; i < v.size(); ++i)
        poly[i] = static_cast<std::uint32_t>(i);

    std::vector<std::vector<std::uint32_t>> holes;
    for (std::size_t r = 1; r < polygon.rings.size(); ++r) {
        std::vector<Coord> ring = clean_ring(polygon.rings[r], false);
        if (ring.empty())
            continue;
        std::vector<std::uint32_t> idx;
        for (const Coord& c : ring) {
            idx.push_back(static_cast<std::uint32_t>(v.size()));
            v.push_back(c);
        }
        holes.push_back(std::move(idx));
    }
    auto max_x = [&](const std::vector<std::uint32_t>& h) {
        double m = -std::numeric_limits<double>::infinity();
        for (auto i : h)
            m = std::max(m, v[i].x);
        return m;
    };
    // Rightmost holes first, so that each bridge sees only the exterior and holes already joined.
    std::sort(holes.begin(), holes.end(),
              [&](const auto& a, const auto& b) { return max_x(a) > max_x(b); });
    for (const auto& h : holes)
        join_hole(poly, h, v);

    std::vector<std::uint32_t> local;
    clip_ears(poly, v, local);
    const auto base = static_cast<std::uint32_t>(mesh.vertices.size());
    mesh.vertices.insert(mesh.vertices.end(), v.begin(), v.end());
    for (auto i : local)
        mesh.indices.push_back(base + i);
}

double mesh_area(const TriangleMesh& mesh) {
    double sum = 0;
    for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3)
        sum +=
            0.5 * std::abs(cross(mesh.vertices[mesh.indices[i]], mesh.vertices[mesh.indices[i + 1]],
                                 mesh.vertices[mesh.indices[i + 2]]));
    return sum;
}

} // namespace redline::scene
