#pragma once

#include "core/geometry.hpp"

#include <cstddef>
#include <memory>
#include <vector>

namespace redline::geom {

/// A static spatial index of envelopes (GEOS STR-packed R-tree): insert everything, call
/// finish(), then query. After finish() concurrent queries from several threads are safe; inserts
/// are then refused. Items are caller-chosen indexes (e.g. a feature's position in a vector).
class StrTree {
public:
    explicit StrTree(std::size_t node_capacity = 10);
    ~StrTree();
    StrTree(StrTree&&) noexcept;
    StrTree& operator=(StrTree&&) noexcept;

    /// Add an item with its envelope (an empty envelope is ignored: it can match nothing).
    /// Throws GeometryError after finish().
    void insert(const core::Envelope& envelope, std::size_t item);
    /// Build the tree; further inserts are refused.
    void finish();
    /// Items whose envelope intersects `envelope` (touching counts), sorted ascending, so that
    /// results do not depend on the tree's internal order. Calls finish() if needed (not
    /// thread-safe on that first call).
    std::vector<std::size_t> query(const core::Envelope& envelope) const;
    std::size_t size() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace redline::geom
