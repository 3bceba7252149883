#pragma once
// This thread's GEOS context and the conversions between core::Geometry and GEOS, shared by the
// geom module's .cpp files only: geos_c.h never appears in a public header (docs/architecture.md).

#include "core/geometry.hpp"

#include <geos_c.h>

#include <memory>
#include <string>

namespace redline::geom::detail {

/// This thread's GEOS context. GEOS reports failures through message handlers rather than return
/// values alone, so the handler keeps the last error text for the GeometryError we throw. One per
/// thread (thread_local): GEOS contexts are not thread-safe, geometries are independent of them.
class Context {
public:
    Context();
    ~Context();
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    GEOSContextHandle_t handle() const { return m_handle; }
    /// The last error GEOS reported on this thread (cleared on read).
    std::string take_error();

private:
    static void on_error(const char* message, void* userdata);
    static void on_notice(const char* message, void* userdata);

    GEOSContextHandle_t m_handle;
    std::string m_last_error;
};

/// This thread's context, created on first use.
Context& context();
/// Shorthand for context().handle().
inline GEOSContextHandle_t ctx() {
    return context().handle();
}

struct GeometryDeleter {
    void operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(ctx(), g); }
};
using GeometryPtr = std::unique_ptr<GEOSGeometry, GeometryDeleter>;

struct FreeDeleter {
    void operator()(void* p) const { GEOSFree_r(ctx(), p); }
};

/// Throw GeometryError "`what`: <GEOS's last message>".
[[noreturn]] void fail(const std::string& what);

/// Build a GEOS geometry from plain coordinates (no WKB round trip). Throws GeometryError.
GeometryPtr to_geos(const core::Geometry& g);
/// Copy a GEOS geometry into plain coordinates (XY only). A GeometryCollection of one kind
/// becomes the matching Multi* type; mixed collections keep their polygons. Throws GeometryError.
core::Geometry from_geos(const GEOSGeometry* g);

/// Broad kind of a GEOS geometry's type.
core::GeometryKind kind_of_geos(const GEOSGeometry* g);

} // namespace redline::geom::detail
