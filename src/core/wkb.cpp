#include "core/wkb.hpp"

#include "core/error.hpp"

#include <bit>
#include <cmath>
#include <cstring>

namespace redline::core {
namespace {

enum : std::uint32_t {
    k_point = 1,
    k_line = 2,
    k_polygon = 3,
    k_mpoint = 4,
    k_mline = 5,
    k_mpolygon = 6,
    k_collection = 7
};

class Writer {
public:
    void byte(std::uint8_t b) { m_out.push_back(b); }
    void u32(std::uint32_t v) {
        for (int i = 0; i < 4; ++i)
            m_out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    }
    void f64(double d) {
        std::uint64_t v;
        std::memcpy(&v, &d, 8);
        for (int i = 0; i < 8; ++i)
            m_out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    }
    void header(std::uint32_t type) {
        byte(1);
        u32(type);
    }
    void path(const Path& p) {
        u32(static_cast<std::uint32_t>(p.size()));
        for (const auto& c : p) {
            f64(c.x);
            f64(c.y);
        }
    }
    void polygon(const Polygon& p) {
        header(k_polygon);
        u32(static_cast<std::uint32_t>(p.rings.size()));
        for (const auto& r : p.rings)
            path(r);
    }
    std::vector<std::uint8_t> take() { return std::move(m_out); }

private:
    std::vector<std::uint8_t> m_out;
};

class Reader {
public:
    explicit Reader(std::span<const std::uint8_t> in) : m_in(in) {}

    Geometry geometry(int depth) {
        const bool little = byte() == 1;
        std::uint32_t raw = u32(little);
        // EWKB flags (PostGIS / SpatiaLite) and ISO thousands both encode Z and M.
        int dims = 2;
        if (raw & 0x80000000u)
            ++dims;
        if (raw & 0x40000000u)
            ++dims;
        const bool has_srid = raw & 0x20000000u;
        raw &= 0x0fffffffu;
        if (raw >= 3000) {
            dims = 4;
            raw -= 3000;
        } else if (raw >= 2000) {
            dims = 3;
            raw -= 2000;
        } else if (raw >= 1000) {
            dims = 3;
            raw -= 1000;
        }
        if (has_srid)
            (void)u32(little);
        m_dims = dims;
        m_little = little;
        Geometry g;
        switch (raw) {
        case k_point: {
            const Coord c = coord();
            if (std::isnan(c.x) && std::isnan(c.y))
                return g; // POINT EMPTY
            g.type = GeometryType::Point;
            g.points.push_back(c);
            return g;
        }
        case k_line:
            g.type = GeometryType::LineString;
            g.lines.push_back(path());
            return g;
        case k_polygon:
            g.type = GeometryType::Polygon;
            g.polygons.push_back(polygon_body());
            return g;
        case k_mpoint:
        case k_mline:
        case k_mpolygon:
        case k_collection: {
            if (depth > 0)
                throw GeometryError("nested geometry collections are not supported");
            const std::uint32_t n = u32(little);
            Geometry out;
            for (std::uint32_t i = 0; i < n; ++i)
                merge(out, geometry(depth + 1));
            if (out.empty())
                return Geometry{};
            if (raw != k_collection || out.type != GeometryType::Empty) {
                const GeometryKind k = kind_of(out.type);
                out.type = k == GeometryKind::Point  ? GeometryType::MultiPoint
                           : k == GeometryKind::Line ? GeometryType::MultiLineString
                                                     : GeometryType::MultiPolygon;
            }
            return out;
        }
        default:
            throw GeometryError("unsupported WKB geometry type " + std::to_string(raw) +
                                " (curves and surfaces are not supported)");
        }
    }

private:
    static void merge(Geometry& out, Geometry part) {
        if (part.empty())
            return;
        if (out.type != GeometryType::Empty && kind_of(out.type) != kind_of(part.type))
            throw GeometryError("a geometry collection mixes points, lines and polygons");
        out.type = part.type;
        for (auto& c : part.points)
            out.points.push_back(c);
        for (auto& l : part.lines)
            out.lines.push_back(std::move(l));
        for (auto& p : part.polygons)
            out.polygons.push_back(std::move(p));
    }
    void need(std::size_t n) const {
        if (m_pos + n > m_in.size())
            throw GeometryError("truncated WKB geometry");
    }
    std::uint8_t byte() {
        need(1);
        return m_in[m_pos++];
    }
    std::uint32_t u32(bool little) {
        need(4);
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            const std::uint32_t b = m_in[m_pos + (little ? i : 3 - i)];
            v |= b << (8 * i);
        }
        m_pos += 4;
        return v;
    }
    double f64() {
        need(8);
        std::uint64_t v = 0;
        for (int i = 0; i < 8; ++i) {
            const std::uint64_t b = m_in[m_pos + (m_little ? i : 7 - i)];
            v |= b << (8 * i);
        }
        m_pos += 8;
        double d;
        std::memcpy(&d, &v, 8);
        return d;
    }
    Coord coord() {
        Coord c{f64(), f64()};
        for (int i = 2; i < m_dims; ++i)
            (void)f64();
        return c;
    }
    Path path() {
        const std::uint32_t n = u32(m_little);
        need(static_cast<std::size_t>(n) * 8 * m_dims);
        Path p;
        p.reserve(n);
        for (std::uint32_t i = 0; i < n; ++i)
            p.push_back(coord());
        return p;
    }
    Polygon polygon_body() {
        const std::uint32_t n = u32(m_little);
        Polygon p;
        for (std::uint32_t i = 0; i < n; ++i)
            p.rings.push_back(path());
        return p;
    }

    std::span<const std::uint8_t> m_in;
    std::size_t m_pos = 0;
    int m_dims = 2;
    bool m_little = true;
};

} // namespace

std::vector<std::uint8_t> to_wkb(const Geometry& g) {
    Writer w;
    switch (g.type) {
    case GeometryType::Empty:
        w.header(k_collection);
        w.u32(0);
        break;
    case GeometryType::Point:
        w.header(k_point);
        w.f64(g.points.at(0).x);
        w.f64(g.points.at(0).y);
        break;
    case GeometryType::LineString:
        w.header(k_line);
        w.path(g.lines.at(0));
        break;
    case GeometryType::Polygon:
        w.polygon(g.polygons.at(0));
        break;
    case GeometryType::MultiPoint:
        w.header(k_mpoint);
        w.u32(static_cast<std::uint32_t>(g.points.size()));
        for (const auto& c : g.points) {
            w.header(k_point);
            w.f64(c.x);
            w.f64(c.y);
        }
        break;
    case GeometryType::MultiLineString:
        w.header(k_mline);
        w.u32(static_cast<std::uint32_t>(g.lines.size()));
        for (const auto& l : g.lines) {
            w.header(k_line);
            w.path(l);
        }
        break;
    case GeometryType::MultiPolygon:
        w.header(k_mpolygon);
        w.u32(static_cast<std::uint32_t>(g.polygons.size()));
        for (const auto& p : g.polygons)
            w.polygon(p);
        break;
    }
    return w.take();
}

Geometry from_wkb(std::span<const std::uint8_t> wkb) {
    Reader r(wkb);
    return r.geometry(0);
}

} // namespace redline::core
