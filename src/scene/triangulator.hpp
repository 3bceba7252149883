#pragma once

#include "core/geometry.hpp"

#include <cstdint>
#include <vector>

namespace redline::scene {

/// Triangles over a shared vertex list: `indices` holds three entries per triangle, each an index
/// into `vertices` (EPSG:27700 metres, doubles: the renderer subtracts its local origin).
struct TriangleMesh {
    std::vector<core::Coord> vertices;
    std::vector<std::uint32_t> indices;

    std::size_t triangle_count() const { return indices.size() / 3; }
    void clear() {
        vertices.clear();
        indices.clear();
    }
};

/// Append the triangles covering `polygon` (exterior minus holes) to `mesh`.
///
/// Ear clipping with holes joined to the exterior by bridges (D. Eberly, "Triangulation by Ear
/// Clipping", 2002). Ring orientation and the closing vertex do not matter; repeated vertices are
/// dropped. Never throws: a self-intersecting ring still terminates, with some triangles possibly
/// overlapping, because a viewer must draw whatever the data holds. O(n^2) in the vertex count.
void triangulate(const core::Polygon& polygon, TriangleMesh& mesh);

/// Sum of the areas of the mesh's triangles (units of the CRS squared); for tests and checks.
double mesh_area(const TriangleMesh& mesh);

} // namespace redline::scene
