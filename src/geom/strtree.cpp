// STR-packed R-tree through GEOSSTRtree_r. The tree stores pointers: items are encoded as
// (index + 1) so that item 0 is not a null pointer, and the envelope rectangles are kept alive
// here for as long as the tree.
#include "geom/strtree.hpp"

#include "core/error.hpp"
#include "geom/geos_handle.hpp"

#include <algorithm>
#include <cstdint>

namespace redline::geom {

using detail::ctx;
using detail::fail;
using detail::GeometryPtr;

namespace {
GeometryPtr rectangle(const core::Envelope& e) {
    GeometryPtr r(GEOSGeom_createRectangle_r(ctx(), e.min_x, e.min_y, e.max_x, e.max_y));
    if (!r)
        fail("GEOS cannot create a rectangle");
    return r;
}

void collect(void* item, void* userdata) {
    static_cast<std::vector<std::size_t>*>(userdata)->push_back(
        static_cast<std::size_t>(reinterpret_cast<std::uintptr_t>(item)) - 1);
}
} // namespace

struct StrTree::Impl {
    GEOSSTRtree* tree = nullptr;
    std::vector<GeometryPtr> boxes;
    bool built = false;
    ~Impl() {
        if (tree)
            GEOSSTRtree_destroy_r(ctx(), tree);
    }
};

StrTree::StrTree(std::size_t node_capacity) : m_impl(std::make_unique<Impl>()) {
    m_impl->tree = GEOSSTRtree_create_r(ctx(), std::max<std::size_t>(node_capacity, 2));
    if (!m_impl->tree)
        fail("GEOS cannot create an STRtree");
}

StrTree::~StrTree() = default;
StrTree::StrTree(StrTree&&) noexcept = default;
StrTree& StrTree::operator=(StrTree&&) noexcept = default;

void StrTree::insert(const core::Envelope& envelope, std::size_t item) {
    if (m_impl->built)
        throw core::GeometryError("StrTree: insert after finish()");
    if (envelope.empty())
        return;
    m_impl->boxes.push_back(rectangle(envelope));
    GEOSSTRtree_insert_r(ctx(), m_impl->tree, m_impl->boxes.back().get(),
                         reinterpret_cast<void*>(static_cast<std::uintptr_t>(item) + 1));
}

void StrTree::finish() {
    if (m_impl->built)
        return;
    // GEOS 3.11 has no explicit build call: the first query builds the tree, so make that
    // happen here, on one thread, before any concurrent use.
    std::vector<std::size_t> ignored;
    const GeometryPtr probe = rectangle(core::Envelope{0, 0, 0, 0});
    GEOSSTRtree_query_r(ctx(), m_impl->tree, probe.get(), &collect, &ignored);
    m_impl->built = true;
}

std::vector<std::size_t> StrTree::query(const core::Envelope& envelope) const {
    std::vector<std::size_t> out;
    if (envelope.empty() || m_impl->boxes.empty())
        return out;
    if (!m_impl->built)
        const_cast<StrTree*>(this)->finish();
    const GeometryPtr box = rectangle(envelope);
    GEOSSTRtree_query_r(ctx(), m_impl->tree, box.get(), &collect, &out);
    std::sort(out.begin(), out.end());
    return out;
}

std::size_t StrTree::size() const {
    return m_impl->boxes.size();
}

} // namespace redline::geom
