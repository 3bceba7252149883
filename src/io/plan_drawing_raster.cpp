// Drawing a DXF's line work into pixels with a small anti-aliased stroker of our own rather than
// GDAL's rasteriser: GDALRasterizeGeometries burns whole pixels (one pixel wide, or every pixel
// touched), so its lines are jagged and either vanish or fatten when mipmapped; coverage computed
// from the distance to each segment gives even, smooth lines of a chosen width.
#include "io/plan_drawing_raster.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace redline::io {
namespace {

/// Alpha coverage of segments, one byte a pixel, combined by maximum (overlaps do not darken).
class Coverage {
public:
    Coverage(int width, int height, double line_width_px)
        : m_width(width), m_height(height), m_half(line_width_px / 2),
          m_alpha(std::size_t(width) * std::size_t(height), 0) {}

    /// Stroke the segment a -> b (pixel coordinates) with round caps.
    void segment(core::Coord a, core::Coord b) {
        // Walk the major axis one pixel column at a time and cover only the band of the minor
        // axis the stroke can reach there: a long diagonal costs its length, not its bounding box.
        const bool steep = std::abs(b.y - a.y) > std::abs(b.x - a.x);
        if (steep) {
            std::swap(a.x, a.y);
            std::swap(b.x, b.y);
        }
        if (a.x > b.x)
            std::swap(a, b);
        const double dx = b.x - a.x, dy = b.y - a.y;
        // A pixel within reach (m_half + 0.5 of the segment) lies within this distance of the
        // segment's point in its column: 1 / cos of a slope of at most 45 degrees is sqrt 2.
        const double reach = (m_half + 1) * std::sqrt(2.0) + 1;
        const int major_size = steep ? m_height : m_width, minor_size = steep ? m_width : m_height;
        const int i0 = std::max(0, int(std::floor(a.x - m_half - 1)));
        const int i1 = std::min(major_size - 1, int(std::ceil(b.x + m_half + 1)));
        for (int i = i0; i <= i1; ++i) {
            const double u = i + 0.5; // pixel centre on the major axis
            const double t = dx > 0 ? std::clamp((u - a.x) / dx, 0.0, 1.0) : 0.0;
            const double v_line = a.y + t * dy;
            const int j0 = std::max(0, int(std::floor(v_line - reach)));
            const int j1 = std::min(minor_size - 1, int(std::ceil(v_line + reach)));
            for (int j = j0; j <= j1; ++j)
                cover(steep ? j : i, steep ? i : j, distance({u, j + 0.5}, a, b));
        }
    }

    std::uint8_t at(int x, int y) const { return m_alpha[std::size_t(y) * m_width + x]; }

private:
    static double distance(core::Coord p, core::Coord a, core::Coord b) {
        const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
        const double t =
            len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
        return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
    }

    /// The share of a unit pixel at distance `d` from the segment's axis that the stroke covers,
    /// approximated by a linear ramp one pixel wide across the stroke's edge (exact for a long
    /// straight edge through the pixel's centre and its axis-aligned neighbours).
    void cover(int x, int y, double d) {
        const double c = std::clamp(m_half + 0.5 - d, 0.0, 1.0);
        if (c <= 0)
            return;
        std::uint8_t& px = m_alpha[std::size_t(y) * m_width + x];
        px = std::max(px, static_cast<std::uint8_t>(std::lround(c * 255)));
    }

    int m_width, m_height;
    double m_half;
    std::vector<std::uint8_t> m_alpha;
};

} // namespace

DrawingRaster rasterise_plan_drawing(const PlanDrawing& drawing, const DrawingRasterStyle& style) {
    if (style.margin_px < 0 || style.max_side_px < 2 * style.margin_px + 1 ||
        !(style.line_width_px > 0) || !std::isfinite(style.line_width_px))
        throw core::UsageError("a drawing raster needs a side larger than twice its margin and a "
                               "line width greater than 0");
    const core::Envelope& e = drawing.extent;
    const double span = std::max(e.width(), e.height());
    if (drawing.lines.empty() || e.empty() || !(span > 0) || !std::isfinite(span))
        throw core::IoError("the DXF plan's line work has no extent to draw");
    // One scale for both axes (a drawing is never stretched), fixed by the longer side.
    const int m = style.margin_px;
    const double px_per_unit = (style.max_side_px - 2 * m) / span;
    auto side = [&](double units) {
        // The longer side is max_side_px exactly; 1e-9 keeps rounding from adding a pixel.
        return std::max(1, int(std::ceil(units * px_per_unit - 1e-9))) + 2 * m;
    };
    DrawingRaster out;
    out.raster.width_px = side(e.width());
    out.raster.height_px = side(e.height());
    // x = (X - min_x) * s + m and y = (max_y - Y) * s + m, inverted.
    const double u = 1 / px_per_unit;
    out.pixel_to_drawing = {u, 0, e.min_x - m * u, 0, -u, e.max_y + m * u, 0, 0, 1};

    Coverage coverage(out.raster.width_px, out.raster.height_px, style.line_width_px);
    auto to_pixel = [&](core::Coord c) {
        return core::Coord{(c.x - e.min_x) * px_per_unit + m, (e.max_y - c.y) * px_per_unit + m};
    };
    for (const core::Path& line : drawing.lines)
        for (std::size_t i = 1; i < line.size(); ++i)
            coverage.segment(to_pixel(line[i - 1]), to_pixel(line[i]));

    const auto w = std::size_t(out.raster.width_px), h = std::size_t(out.raster.height_px);
    out.raster.rgba.resize(w * h * 4);
    for (std::size_t y = 0; y < h; ++y)
        for (std::size_t x = 0; x < w; ++x) {
            std::uint8_t* px = &out.raster.rgba[(y * w + x) * 4];
            px[0] = style.ink[0];
            px[1] = style.ink[1];
            px[2] = style.ink[2];
            px[3] = coverage.at(int(x), int(y));
        }
    return out;
}

DrawingRaster read_plan_picture(std::span<const std::uint8_t> bytes, const std::string& file_name,
                                int page, double dpi, const DrawingRasterStyle& style) {
    if (detect_plan_format(file_name, bytes) == PlanFormat::Dxf)
        return rasterise_plan_drawing(read_plan_drawing(bytes, file_name), style);
    DrawingRaster out;
    out.raster = read_plan_raster(bytes, file_name, page, dpi);
    return out;
}

} // namespace redline::io
