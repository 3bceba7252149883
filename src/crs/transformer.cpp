// Design note: why operations are selected explicitly.
//
// proj_create_crs_to_crs() builds a transformation that chooses among candidate operations per
// point, and it silently drops candidates whose grid file is missing. For EPSG:27700 that means a
// machine without the OSTN15 grid gets the EPSG Helmert (2-5 m out, ~1.7 m in London) or even a
// "ballpark" offset (~100 m), with no error: exactly the size of the breaches Redline measures.
// So whenever one side is on the OSGB36 datum and the other is not, we list the candidates
// ourselves (proj_create_operations, grids ignored so that missing ones are still listed, ballpark
// disallowed), keep only operations that apply the OSTN15 grid, check that PROJ can really
// instantiate them, and build the transformation from that single operation. PROJ then has nothing
// to fall back to: a missing grid is a CrsError at construction, and a point outside the grid is a
// CrsError from transform(). Other pairs (e.g. 4326 <-> 3857) use PROJ's normal choice.
#include "crs/transformer.hpp"

#include "core/error.hpp"
#include "crs/proj_context.hpp"

#include <proj.h>

#include <cmath>
#include <cstring>
#include <optional>
#include <sstream>

namespace redline::crs {
namespace {

using detail::PjPtr;

struct ObjListDeleter {
    void operator()(PJ_OBJ_LIST* l) const noexcept { proj_list_destroy(l); }
};
using ObjListPtr = std::unique_ptr<PJ_OBJ_LIST, ObjListDeleter>;

struct FactoryDeleter {
    void operator()(PJ_OPERATION_FACTORY_CONTEXT* f) const noexcept {
        proj_operation_factory_context_destroy(f);
    }
};
using FactoryPtr = std::unique_ptr<PJ_OPERATION_FACTORY_CONTEXT, FactoryDeleter>;

// The grid under its current name and the NTv2 name older proj.db aliases map it from.
bool is_ostn15_grid(const char* short_name) {
    return short_name && (std::strcmp(short_name, k_ostn15_grid) == 0 ||
                          std::strcmp(short_name, "OSTN15_NTv2_OSGBtoETRS.gsb") == 0);
}

bool equals(const char* a, const char* b) {
    return a && std::strcmp(a, b) == 0;
}

enum class Datum { Osgb36, AiryUnnamed, Other };

// OSGB36 (EPSG:6277) recognised by id or, for WKT without ids, by name. A CRS on the Airy 1830
// ellipsoid (EPSG:7001) that does not name OSGB36 - typically a PROJ string with +ellps=airy, with
// or without +towgs84 - is almost certainly meant as BNG, but PROJ can only join it to another
// datum by a ballpark offset (~100 m) or its +towgs84 Helmert (~2 m), so it is kept apart.
Datum datum_of(PJ_CONTEXT* ctx, const PJ* crs) {
    PjPtr geodetic(proj_crs_get_geodetic_crs(ctx, crs));
    if (!geodetic)
        return Datum::Other;
    if (PjPtr datum(proj_crs_get_datum(ctx, geodetic.get())); datum) {
        if (equals(proj_get_id_auth_name(datum.get(), 0), "EPSG") &&
            equals(proj_get_id_code(datum.get(), 0), "6277"))
            return Datum::Osgb36;
        for (const char* name : {"Ordnance Survey of Great Britain 1936", "OSGB_1936", "OSGB 1936"})
            if (equals(proj_get_name(datum.get()), name))
                return Datum::Osgb36;
    }
    PjPtr ellipsoid(proj_get_ellipsoid(ctx, geodetic.get()));
    if (ellipsoid && ((equals(proj_get_id_auth_name(ellipsoid.get(), 0), "EPSG") &&
                       equals(proj_get_id_code(ellipsoid.get(), 0), "7001")) ||
                      equals(proj_get_name(ellipsoid.get()), "Airy 1830")))
        return Datum::AiryUnnamed;
    return Datum::Other;
}

bool geographic(const PJ* crs) {
    const auto type = proj_get_type(crs);
    return type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS;
}

struct GridUse {
    std::string short_name;
    std::string full_name;
    bool available = false;
};

std::vector<GridUse> grids_used(PJ_CONTEXT* ctx, const PJ* op) {
    std::vector<GridUse> grids;
    const int n = proj_coordoperation_get_grid_used_count(ctx, op);
    for (int i = 0; i < n; ++i) {
        const char *short_name = nullptr, *full_name = nullptr;
        int available = 0;
        if (proj_coordoperation_get_grid_used(ctx, op, i, &short_name, &full_name, nullptr, nullptr,
                                              nullptr, nullptr, &available))
            grids.push_back(
                {short_name ? short_name : "", full_name ? full_name : "", available != 0});
    }
    return grids;
}

std::string describe_dirs(const std::vector<std::filesystem::path>& dirs) {
    std::string out;
    for (const auto& d : dirs)
        out += (out.empty() ? "" : ", ") + d.string();
    return out.empty() ? "(none)" : out;
}

} // namespace

struct Transformer::Impl {
    detail::ProjContext ctx; // declared first: destroyed after the PJ objects made in it
    PjPtr op;
    std::string from, to, operation;
    bool uses_ostn15 = false;
    bool target_geographic = false;

    void select_ostn15(const PJ* src, const PJ* dst);
    void select_default(const PJ* src, const PJ* dst);
    [[noreturn]] void fail_no_ostn15(const std::string& why) const;
};

void Transformer::Impl::fail_no_ostn15(const std::string& why) const {
    throw core::CrsError(
        "cannot transform from " + from + " to " + to + " with OSTN15: " + why +
        ". Redline needs the OSTN15 grid file " + k_ostn15_grid +
        " and refuses to fall back to a Helmert or ballpark transformation (metres out). "
        "Folders searched for the grid: " +
        describe_dirs(grid_search_directories()) +
        "; PROJ search path: " + describe_dirs(ctx.search_paths()) +
        ". Set REDLINE_DATA_DIR to a folder containing ostn15/" + k_ostn15_grid + ".");
}

void Transformer::Impl::select_ostn15(const PJ* src, const PJ* dst) {
    PJ_CONTEXT* c = ctx.get();
    FactoryPtr factory(proj_create_operation_factory_context(c, nullptr));
    if (!factory)
        throw core::CrsError("cannot create a PROJ operation factory: " + ctx.last_error());
    // Partial intersection: a world CRS (4326) and the UK grid only overlap, so PROJ's default
    // strict containment could hide OSTN15. Grids are ignored here so that an operation whose grid
    // is missing is still listed and we can say why it is unusable.
    proj_operation_factory_context_set_spatial_criterion(
        c, factory.get(), PROJ_SPATIAL_CRITERION_PARTIAL_INTERSECTION);
    proj_operation_factory_context_set_grid_availability_use(c, factory.get(),
                                                             PROJ_GRID_AVAILABILITY_IGNORED);
    proj_operation_factory_context_set_allow_ballpark_transformations(c, factory.get(), 0);
    ObjListPtr list(proj_create_operations(c, src, dst, factory.get()));
    if (!list)
        fail_no_ostn15("PROJ lists no operations (" + ctx.last_error() + ")");

    bool listed = false;
    std::string missing_path;
    const int count = proj_list_get_count(list.get());
    for (int i = 0; i < count; ++i) {
        PjPtr candidate(proj_list_get(c, list.get(), i));
        if (!candidate)
            continue;
        const auto grids = grids_used(c, candidate.get());
        const GridUse* ostn15 = nullptr;
        bool all_available = true;
        for (const auto& g : grids) {
            if (is_ostn15_grid(g.short_name.c_str()))
                ostn15 = &g;
            all_available = all_available && g.available;
        }
        if (!ostn15)
            continue; // a Helmert or other non-OSTN15 route: never acceptable for OSGB36
        listed = true;
        if (!all_available || !proj_coordoperation_is_instantiable(c, candidate.get()))
            continue;
        PjPtr normalised(proj_normalize_for_visualization(c, candidate.get()));
        if (!normalised)
            continue;
        std::ostringstream text;
        text << proj_get_name(candidate.get()) << " [grid " << ostn15->short_name << " at "
             << ostn15->full_name;
        if (const double acc = proj_coordoperation_get_accuracy(c, candidate.get()); acc >= 0)
            text << ", stated accuracy " << acc << " m";
        text << "]";
        operation = text.str();
        op = std::move(normalised);
        uses_ostn15 = true;
        return;
    }
    fail_no_ostn15(listed ? "the grid file was not found" : "PROJ offers no operation using it");
}

void Transformer::Impl::select_default(const PJ* src, const PJ* dst) {
    PJ_CONTEXT* c = ctx.get();
    PjPtr raw(proj_create_crs_to_crs_from_pj(c, src, dst, nullptr, nullptr));
    if (!raw)
        throw core::CrsError("no coordinate operation from " + from + " to " + to + ": " +
                             ctx.last_error());
    PjPtr normalised(proj_normalize_for_visualization(c, raw.get()));
    if (!normalised)
        throw core::CrsError("cannot normalise axis order from " + from + " to " + to + ": " +
                             ctx.last_error());
    const char* name = proj_get_name(raw.get());
    operation = name ? name : "unnamed operation";
    op = std::move(normalised);
}

Transformer::Transformer(const std::string& from, const std::string& to)
    : m_impl(std::make_unique<Impl>()) {
    m_impl->from = from;
    m_impl->to = to;
    const auto src = m_impl->ctx.create_crs(from);
    const auto dst = m_impl->ctx.create_crs(to);
    m_impl->target_geographic = geographic(dst.get());
    PJ_CONTEXT* c = m_impl->ctx.get();
    const Datum src_datum = datum_of(c, src.get()), dst_datum = datum_of(c, dst.get());
    if ((src_datum == Datum::AiryUnnamed) != (dst_datum == Datum::AiryUnnamed))
        throw core::CrsError(
            "'" + (src_datum == Datum::AiryUnnamed ? from : to) +
            "' is on the Airy 1830 ellipsoid but does not name the OSGB36 datum, so only a "
            "ballpark or Helmert shift (metres out) could join it to another datum. Use "
            "EPSG:27700 (or +datum=OSGB36) so that OSTN15 applies.");
    if ((src_datum == Datum::Osgb36) != (dst_datum == Datum::Osgb36))
        m_impl->select_ostn15(src.get(), dst.get());
    else
        m_impl->select_default(src.get(), dst.get());
}

Transformer::~Transformer() = default;
Transformer::Transformer(Transformer&&) noexcept = default;
Transformer& Transformer::operator=(Transformer&&) noexcept = default;

core::Coord Transformer::transform(core::Coord c) const {
    auto& impl = *m_impl;
    auto position = [&] {
        std::ostringstream s;
        s.precision(12);
        s << "(" << c.x << ", " << c.y << ")";
        return s.str();
    };
    if (!std::isfinite(c.x) || !std::isfinite(c.y))
        throw core::CrsError("cannot transform non-finite coordinate " + position());
    impl.ctx.clear_error();
    proj_errno_reset(impl.op.get());
    // t = HUGE_VAL: no epoch, so a time-dependent step can never be evaluated at year 0.
    const PJ_COORD out = proj_trans(impl.op.get(), PJ_FWD, proj_coord(c.x, c.y, 0.0, HUGE_VAL));
    const int err = proj_errno(impl.op.get());
    if (err != 0 || !std::isfinite(out.xy.x) || !std::isfinite(out.xy.y)) {
        std::string why = err ? proj_context_errno_string(impl.ctx.get(), err) : "";
        if (why.empty())
            why = impl.ctx.last_error();
        throw core::CrsError("cannot transform " + position() + " from " + impl.from + " to " +
                             impl.to + (why.empty() ? "" : ": " + why) +
                             (impl.uses_ostn15 ? " (OSTN15 covers Great Britain and its waters "
                                                 "only; no fallback is used)"
                                               : ""));
    }
    return {out.xy.x, out.xy.y};
}

void Transformer::transform(std::span<core::Coord> coords) const {
    for (auto& c : coords)
        c = transform(c);
}

void Transformer::transform(core::Geometry& g) const {
    g.for_each_coord([this](core::Coord& c) { c = transform(c); });
}

const std::string& Transformer::operation() const {
    return m_impl->operation;
}

bool Transformer::uses_ostn15() const {
    return m_impl->uses_ostn15;
}

bool Transformer::target_is_geographic() const {
    return m_impl->target_geographic;
}

} // namespace redline::crs
