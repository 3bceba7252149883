#pragma once

#include "core/geometry.hpp"
#include "render/gl_objects.hpp"

#include <cstddef>
#include <span>
#include <vector>

namespace redline::render {

/// Kernel shapes of the heat layer, as analysis::Kernel names them (render does not depend on
/// analysis; the values match one to one).
enum class HeatKernel { Quartic, Triangular, Uniform, Triweight, Epanechnikov };

/// A point with a weight, EPSG:27700.
struct HeatPoint {
    core::Coord at;
    float weight = 1;
};

/// The grid the surface is computed on: south-west corner, cell size and counts (as
/// analysis::CellGrid).
struct HeatGrid {
    double min_x = 0, min_y = 0, cell_m = 1;
    int cols = 0, rows = 0;
};

/// A surface being accumulated on the GPU: its float texture, the framebuffer that adds into
/// it, and what it is made from. Made by HeatSplatter::begin, fed by splat, read by finish.
struct HeatAccumulation {
    HeatGrid grid;
    double radius_m = 0;
    HeatKernel kernel = HeatKernel::Quartic;
    GlTexture texture; ///< R32F, cols x rows, row 0 the southernmost
    GlFramebuffer framebuffer;
    std::size_t splatted = 0; ///< points added so far (the first `splatted` of the set)
};

/// Raw kernel density on the GPU: every point splatted as an instanced quad into a 32-bit float
/// framebuffer with additive blending. The points are uploaded once (set_points) and kept, so a
/// new bandwidth, kernel or grid only redraws (compute). Render thread only; throws RenderError.
class HeatSplatter {
public:
    HeatSplatter();
    /// Upload the points, relative to the first one (float32 stays exact to ~1 cm within 100 km
    /// of it). Replaces the previous set.
    void set_points(std::span<const HeatPoint> points);
    std::size_t size() const { return m_count; }
    /// Sum of weight * K(d / r) at each cell centre over the points within r, values row-major,
    /// row 0 the northernmost (as analysis::DensityRaster). Float32 sums: within ~1e-5 of the
    /// CPU's doubles relative to the peak. Puts back the framebuffer and viewport it found and
    /// leaves the blend function at GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA.
    std::vector<float> compute(const HeatGrid& grid, double radius_m, HeatKernel kernel) const;

    /// The same surface in steps, so that a window can keep drawing while a slow GL (Mesa's
    /// llvmpipe) adds a million points: begin clears a new surface, each splat adds up to
    /// `count` more points, finish reads the values back (as compute returns them). Each step
    /// restores the framebuffer, viewport and blend function it found. Throws RenderError.
    HeatAccumulation begin(const HeatGrid& grid, double radius_m, HeatKernel kernel) const;
    void splat(HeatAccumulation& acc, std::size_t count) const;
    std::vector<float> finish(const HeatAccumulation& acc) const;
    /// How many times points were uploaded (the viewer's tests check a bandwidth change does not).
    std::size_t upload_count() const { return m_uploads; }

private:
    GlProgram m_program;
    GlVertexArray m_vao;
    GlBuffer m_quad, m_points;
    core::Coord m_origin{};
    std::size_t m_count = 0;
    std::size_t m_uploads = 0;
};

/// One-off: upload `points` and compute (HeatSplatter::compute). Needs a current GL 3.3 context;
/// throws RenderError.
std::vector<float> compute_heat_surface(std::span<const HeatPoint> points, const HeatGrid& grid,
                                        double radius_m, HeatKernel kernel);

} // namespace redline::render
