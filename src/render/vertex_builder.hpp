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

/// Where each path's triangle strip lies in the vertex list (GL's glMultiDrawArrays arguments).
struct LineStrips {
    std::vector<std::int32_t> first; ///< index of the strip's first vertex
    std::vector<std::int32_t> count; ///< vertices in the strip (2 per path vertex)
};

/// One triangle strip per path, two vertices per path vertex (left, then right), so that segment
/// i is the strip's triangles (2i, 2i+1, 2i+2) and (2i+1, 2i+2, 2i+3): no index buffer, which for
/// a million outlines saved ~130 MB of buffer memory over six indices a segment. Mitred joins
/// (miter length capped at 3 so sharp corners do not spike); closed rings joined at the start.
/// Coordinates become floats only after `origin` is subtracted. Appends to both outputs.
void build_line_vertices(std::span<const core::Path> paths, core::Coord origin,
                         std::vector<LineVertex>& vertices, LineStrips& strips);
inline void build_line_vertices(const std::vector<core::Path>& paths, core::Coord origin,
                                std::vector<LineVertex>& vertices, LineStrips& strips) {
    build_line_vertices(std::span<const core::Path>(paths), origin, vertices, strips);
}

/// As above for paths [first, first + count) of a scene's flat path list.
void build_line_vertices(const scene::PathList& paths, std::size_t first, std::size_t count,
                         core::Coord origin, std::vector<LineVertex>& vertices, LineStrips& strips);

/// Two triangles (six vertices) per symbol.
void build_symbol_vertices(const std::vector<scene::PointSymbol>& points, core::Coord origin,
                           std::vector<SymbolVertex>& vertices);

/// Fill vertices as floats relative to `origin` (x, y pairs).
std::vector<float> build_fill_vertices(const scene::TriangleMesh& mesh, core::Coord origin);

} // namespace redline::render
