// OGC validity, repair and area through the GEOS C API (re-entrant `_r` functions only: the C++
// API is not stable between GEOS releases, and a context per thread keeps workers independent).
#include "geom/validity.hpp"

#include "core/error.hpp"
#include "core/wkb.hpp"

#include <geos_c.h>

#include <memory>
#include <vector>

namespace redline::geom {
namespace {

/// This thread's GEOS context. GEOS reports failures through message handlers rather than return
/// values alone, so the handler keeps the last error text for the GeometryError we throw.
class Context {
public:
    Context() : m_handle(GEOS_init_r()) {
        GEOSContext_setErrorMessageHandler_r(m_handle, &Context::on_error, this);
        GEOSContext_setNoticeMessageHandler_r(m_handle, &Context::on_notice, nullptr);
    }
    ~Context() { GEOS_finish_r(m_handle); }
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    GEOSContextHandle_t handle() const { return m_handle; }
    /// The last error GEOS reported on this thread (cleared on read).
    std::string take_error() {
        std::string out = m_last_error.empty() ? "unknown GEOS error" : m_last_error;
        m_last_error.clear();
        return out;
    }

private:
    static void on_error(const char* message, void* userdata) {
        static_cast<Context*>(userdata)->m_last_error = message ? message : "";
    }
    // Notices (e.g. "Self-intersection at ...") duplicate what isValidDetail returns; drop them
    // rather than let GEOS print to stderr.
    static void on_notice(const char*, void*) {}

    GEOSContextHandle_t m_handle;
    std::string m_last_error;
};

Context& context() {
    thread_local Context t_context;
    return t_context;
}

struct GeometryDeleter {
    void operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(context().handle(), g); }
};
using GeometryPtr = std::unique_ptr<GEOSGeometry, GeometryDeleter>;

struct FreeDeleter {
    void operator()(void* p) const { GEOSFree_r(context().handle(), p); }
};

[[noreturn]] void fail(const std::string& what) {
    throw core::GeometryError(what + ": " + context().take_error());
}

GeometryPtr to_geos(const core::Geometry& g) {
    auto* h = context().handle();
    const auto wkb = core::to_wkb(g);
    std::unique_ptr<GEOSWKBReader, void (*)(GEOSWKBReader*)> reader(
        GEOSWKBReader_create_r(h),
        [](GEOSWKBReader* r) { GEOSWKBReader_destroy_r(context().handle(), r); });
    if (!reader)
        fail("cannot create a GEOS WKB reader");
    GeometryPtr out(GEOSWKBReader_read_r(h, reader.get(), wkb.data(), wkb.size()));
    if (!out)
        fail("GEOS cannot read the geometry");
    return out;
}

core::Geometry from_geos(const GEOSGeometry* g) {
    auto* h = context().handle();
    std::unique_ptr<GEOSWKBWriter, void (*)(GEOSWKBWriter*)> writer(
        GEOSWKBWriter_create_r(h),
        [](GEOSWKBWriter* w) { GEOSWKBWriter_destroy_r(context().handle(), w); });
    if (!writer)
        fail("cannot create a GEOS WKB writer");
    GEOSWKBWriter_setOutputDimension_r(h, writer.get(), 2);
    GEOSWKBWriter_setByteOrder_r(h, writer.get(), GEOS_WKB_NDR);
    std::size_t size = 0;
    std::unique_ptr<unsigned char, FreeDeleter> bytes(
        GEOSWKBWriter_write_r(h, writer.get(), g, &size));
    if (!bytes)
        fail("GEOS cannot write the geometry");
    return core::from_wkb({bytes.get(), size});
}

core::GeometryKind kind_of_geos(const GEOSGeometry* g) {
    switch (GEOSGeomTypeId_r(context().handle(), g)) {
    case GEOS_POINT:
    case GEOS_MULTIPOINT:
        return core::GeometryKind::Point;
    case GEOS_LINESTRING:
    case GEOS_LINEARRING:
    case GEOS_MULTILINESTRING:
        return core::GeometryKind::Line;
    case GEOS_POLYGON:
    case GEOS_MULTIPOLYGON:
        return core::GeometryKind::Polygon;
    default:
        return core::GeometryKind::None;
    }
}

/// Collect clones of the single (non-multi) parts of kind `keep`, descending into collections:
/// MakeValid may return a GeometryCollection mixing polygons with collapsed lines and points.
void collect_parts(const GEOSGeometry* g, core::GeometryKind keep, std::vector<GeometryPtr>& out) {
    auto* h = context().handle();
    const int type = GEOSGeomTypeId_r(h, g);
    if (type == GEOS_GEOMETRYCOLLECTION || type == GEOS_MULTIPOINT ||
        type == GEOS_MULTILINESTRING || type == GEOS_MULTIPOLYGON) {
        const int n = GEOSGetNumGeometries_r(h, g);
        for (int i = 0; i < n; ++i)
            collect_parts(GEOSGetGeometryN_r(h, g, i), keep, out);
        return;
    }
    if (kind_of_geos(g) != keep || GEOSisEmpty_r(h, g) == 1)
        return;
    GeometryPtr clone(GEOSGeom_clone_r(h, g));
    if (!clone)
        fail("GEOS cannot copy a geometry part");
    out.push_back(std::move(clone));
}

int multi_type(core::GeometryKind kind) {
    switch (kind) {
    case core::GeometryKind::Point:
        return GEOS_MULTIPOINT;
    case core::GeometryKind::Line:
        return GEOS_MULTILINESTRING;
    default:
        return GEOS_MULTIPOLYGON;
    }
}

} // namespace

Validity check_validity(const core::Geometry& g) {
    Validity out;
    if (g.empty())
        return out;
    auto* h = context().handle();
    const auto geos = to_geos(g);
    char* reason = nullptr;
    GEOSGeometry* location = nullptr;
    const char verdict = GEOSisValidDetail_r(h, geos.get(), 0, &reason, &location);
    std::unique_ptr<char, FreeDeleter> reason_owner(reason);
    GeometryPtr location_owner(location);
    if (verdict == 2)
        fail("GEOS validity check failed");
    if (verdict == 1)
        return out;
    out.valid = false;
    out.reason = reason ? reason : "invalid";
    if (location && GEOSisEmpty_r(h, location) == 0) {
        double x = 0, y = 0;
        if (GEOSGeomGetX_r(h, location, &x) == 1 && GEOSGeomGetY_r(h, location, &y) == 1)
            out.location = {x, y};
    }
    return out;
}

core::Geometry make_valid(const core::Geometry& g, core::GeometryKind keep) {
    if (g.empty())
        return {};
    auto* h = context().handle();
    const auto geos = to_geos(g);
    // The default "linework" method (as PostGIS and SpatiaLite's ST_MakeValid) keeps every area
    // the rings enclose under the even-odd rule, so a bow-tie becomes its two triangles.
    GeometryPtr repaired(GEOSMakeValid_r(h, geos.get()));
    if (!repaired)
        fail("GEOS MakeValid failed");
    std::vector<GeometryPtr> parts;
    collect_parts(repaired.get(), keep, parts);
    if (parts.empty())
        return {};
    if (parts.size() == 1)
        return from_geos(parts.front().get());
    std::vector<GEOSGeometry*> raw;
    raw.reserve(parts.size());
    for (auto& p : parts)
        raw.push_back(p.get());
    GeometryPtr multi(GEOSGeom_createCollection_r(h, multi_type(keep), raw.data(),
                                                  static_cast<unsigned>(raw.size())));
    if (!multi)
        fail("GEOS cannot assemble the repaired parts");
    // The collection now owns the parts.
    for (auto& p : parts)
        static_cast<void>(p.release());
    return from_geos(multi.get());
}

double area(const core::Geometry& g) {
    if (g.empty())
        return 0.0;
    const auto geos = to_geos(g);
    double out = 0.0;
    if (GEOSArea_r(context().handle(), geos.get(), &out) != 1)
        fail("GEOS area failed");
    return out;
}

} // namespace redline::geom
