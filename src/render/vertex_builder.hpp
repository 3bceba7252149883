#pragma once

#include "scene/map_layer.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace redline::render {

/// Vertex of a constant-width line: position in metres from the local origin, a miter offset in
/// screen axes (y up, length >= 1, multiplied by half the width in the shader) and the distance in
/// metres along the line for dashes.
struct LineVertex {
    float x, y;
    float ox, oy;
    float distance_m;
};

/// Vertex of a point symbol quad.
struct SymbolVertex {
    float x, y;   ///< metres from the local origin
    float cx, cy; ///< corner, -1 or 1
    float fill[4];
    float outline[4];
    float size_px, outline_px, shape;
};

/// Interleaved triangles for every path: two vertices per path vertex (left and right), mitred
/// joins (miter length capped at 3 so sharp corners do not spike), closed rings joined at the
/// start. Coordinates become floats only after `origin` is subtracted.
void build_line_vertices(std::span<const core::Path> paths, core::Coord origin,
                         std::vector<LineVertex>& vertices, std::vector<std::uint32_t>& indices);
inline void build_line_vertices(const std::vector<core::Path>& paths, core::Coord origin,
                                std::vector<LineVertex>& vertices,
                                std::vector<std::uint32_t>& indices) {
    build_line_vertices(std::span<const core::Path>(paths), origin, vertices, indices);
}

/// Two triangles (six vertices) per symbol.
void build_symbol_vertices(const std::vector<scene::PointSymbol>& points, core::Coord origin,
                           std::vector<SymbolVertex>& vertices);

/// Fill vertices as floats relative to `origin` (x, y pairs).
std::vector<float> build_fill_vertices(const scene::TriangleMesh& mesh, core::Coord origin);

} // namespace redline::render
