#pragma once

#include "geom/shape.hpp"

#include <memory>

namespace redline::geom {

/// A shape indexed for repeated predicates against many others (GEOS prepared geometry): the
/// test of one curtilage against hundreds of buildings. Borrows `shape`, which must outlive it.
/// Move-only; use from one thread at a time (GEOS builds its index lazily on first use).
class PreparedShape {
public:
    explicit PreparedShape(const Shape& shape);
    ~PreparedShape();
    PreparedShape(PreparedShape&&) noexcept;
    PreparedShape& operator=(PreparedShape&&) noexcept;

    bool intersects(const Shape& other) const;
    /// Every point of `other` in the interior or boundary, with at least one interior point.
    bool contains(const Shape& other) const;
    /// Every point of `other` inside or on the boundary.
    bool covers(const Shape& other) const;
    /// Area of the prepared shape intersected with `other` (polygons), computing the overlay only
    /// when `other` is neither wholly inside nor disjoint. CRS units squared.
    double overlap_area(const Shape& other) const;
    /// The part of `other` inside the prepared shape (a copy of `other` when it is wholly inside).
    Shape clip(const Shape& other) const;
    /// Point-in-polygon (boundary counts).
    bool covers_point(core::Coord p) const;
    const Shape& shape() const { return *m_shape; }

private:
    struct Impl;
    const Shape* m_shape;
    std::unique_ptr<Impl> m_impl;
};

} // namespace redline::geom
