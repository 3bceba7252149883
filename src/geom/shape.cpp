// Shape: an owned GEOS geometry, with the few accessors every analysis needs.
#include "geom/shape.hpp"

#include "geom/geos_handle.hpp"

#include <memory>

namespace redline::geom {

using detail::ctx;
using detail::fail;

Shape::~Shape() {
    if (m_g)
        GEOSGeom_destroy_r(ctx(), m_g);
}

Shape& Shape::operator=(Shape&& other) noexcept {
    if (this != &other) {
        if (m_g)
            GEOSGeom_destroy_r(ctx(), m_g);
        m_g = other.m_g;
        other.m_g = nullptr;
    }
    return *this;
}

Shape Shape::from(const core::Geometry& g) {
    return Shape(detail::to_geos(g).release());
}

core::Geometry Shape::to_geometry() const {
    if (!m_g)
        return {};
    return detail::from_geos(m_g);
}

Shape Shape::clone() const {
    if (!m_g)
        return {};
    auto* c = GEOSGeom_clone_r(ctx(), m_g);
    if (!c)
        fail("GEOS cannot copy a geometry");
    return Shape(c);
}

bool Shape::empty() const {
    return !m_g || GEOSisEmpty_r(ctx(), m_g) == 1;
}

GEOSGeom_t* Shape::release() noexcept {
    auto* g = m_g;
    m_g = nullptr;
    return g;
}

core::Envelope Shape::envelope() const {
    core::Envelope e;
    if (empty())
        return e;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    if (!GEOSGeom_getExtent_r(ctx(), m_g, &x0, &y0, &x1, &y1))
        fail("GEOS cannot compute an extent");
    e.expand(core::Coord{x0, y0});
    e.expand(core::Coord{x1, y1});
    return e;
}

double Shape::area() const {
    if (empty())
        return 0.0;
    double out = 0.0;
    if (GEOSArea_r(ctx(), m_g, &out) != 1)
        fail("GEOS area failed");
    return out;
}

namespace {
core::Coord point_xy(GEOSGeometry* p) {
    detail::GeometryPtr owner(p);
    if (!p)
        fail("GEOS cannot compute a point");
    double x = 0, y = 0;
    if (GEOSisEmpty_r(ctx(), p) == 1)
        return {};
    if (!GEOSGeomGetX_r(ctx(), p, &x) || !GEOSGeomGetY_r(ctx(), p, &y))
        fail("GEOS cannot read a point");
    return {x, y};
}
} // namespace

core::Coord Shape::centroid() const {
    if (empty())
        return {};
    return point_xy(GEOSGetCentroid_r(ctx(), m_g));
}

core::Coord Shape::point_on_surface() const {
    if (empty())
        return {};
    return point_xy(GEOSPointOnSurface_r(ctx(), m_g));
}

std::vector<core::Coord> Shape::vertices() const {
    std::vector<core::Coord> out;
    if (empty())
        return out;
    const auto g = to_geometry();
    g.for_each_coord([&](const core::Coord& c) { out.push_back(c); });
    return out;
}

std::string Shape::wkt(int decimals) const {
    if (!m_g)
        return "GEOMETRYCOLLECTION EMPTY";
    std::unique_ptr<GEOSWKTWriter, void (*)(GEOSWKTWriter*)> writer(
        GEOSWKTWriter_create_r(ctx()), [](GEOSWKTWriter* w) { GEOSWKTWriter_destroy_r(ctx(), w); });
    if (!writer)
        fail("cannot create a GEOS WKT writer");
    GEOSWKTWriter_setOutputDimension_r(ctx(), writer.get(), 2);
    if (decimals >= 0) {
        GEOSWKTWriter_setRoundingPrecision_r(ctx(), writer.get(), decimals);
        GEOSWKTWriter_setTrim_r(ctx(), writer.get(), 1);
    }
    std::unique_ptr<char, detail::FreeDeleter> text(
        GEOSWKTWriter_write_r(ctx(), writer.get(), m_g));
    if (!text)
        fail("GEOS cannot write WKT");
    return text.get();
}

Shape read_wkt(std::string_view wkt) {
    std::unique_ptr<GEOSWKTReader, void (*)(GEOSWKTReader*)> reader(
        GEOSWKTReader_create_r(ctx()), [](GEOSWKTReader* r) { GEOSWKTReader_destroy_r(ctx(), r); });
    if (!reader)
        fail("cannot create a GEOS WKT reader");
    const std::string text(wkt);
    auto* g = GEOSWKTReader_read_r(ctx(), reader.get(), text.c_str());
    if (!g)
        fail("cannot read WKT '" + text.substr(0, 60) + "'");
    return Shape(g);
}

core::Geometry geometry_from_wkt(std::string_view wkt) {
    return read_wkt(wkt).to_geometry();
}

} // namespace redline::geom
