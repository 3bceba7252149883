#pragma once
// The only drawing interface of the print module: paths, colours and text in page millimetres.
// It wraps a cairo context without exposing cairo.h (cairo's own opaque type name is declared
// here, nothing else), so page layouts stay free of the C API.

#include "print/map_frame.hpp"
#include "scene/style.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

struct _cairo;         // cairo_t, defined by cairo.h
struct _cairo_surface; // cairo_surface_t

namespace redline::print {

/// An RGBA image (rows top first, straight alpha) converted once for painting: the same image
/// painted many times (a projective plan's mesh) is converted once and embedded once in a PDF.
/// Throws core::IoError when cairo cannot hold it.
class PaintImage {
public:
    PaintImage(const std::vector<std::uint8_t>& rgba, int width, int height);
    ~PaintImage();
    PaintImage(const PaintImage&) = delete;
    PaintImage& operator=(const PaintImage&) = delete;
    int width() const { return m_width; }
    int height() const { return m_height; }
    _cairo_surface* surface() const { return m_surface; }

private:
    _cairo_surface* m_surface = nullptr;
    int m_width = 0, m_height = 0;
};

enum class FontFace { Sans, SansBold, Mono };
enum class Align { Left, Centre, Right };

/// Draws on one page whose user space is millimetres from the top-left corner, y down. Borrows
/// the cairo context of a PdfDocument or RasterCanvas; valid while that page is open.
class Painter {
public:
    explicit Painter(_cairo* cr);

    void save();
    void restore();
    void translate(double dx_mm, double dy_mm);
    /// Rotate the user space by `degrees` clockwise on the page.
    void rotate(double degrees);

    /// Colour with the style's alpha multiplied by `opacity`.
    void set_colour(const scene::Rgba& colour, double opacity = 1.0);
    void set_line_width_mm(double width_mm);
    /// Dashes of `dash_mm` with `gap_mm` gaps; 0 = solid.
    void set_dash_mm(double dash_mm, double gap_mm);
    /// Round joins and caps for map lines, mitred for furniture.
    void set_round_joins(bool round);
    /// Even-odd filling: a polygon's holes stay empty whatever the ring orientation.
    void set_even_odd(bool even_odd);

    void new_path();
    void move_to(PaperPoint p);
    void line_to(PaperPoint p);
    void close_path();
    void rectangle(const RectMm& r);
    void circle(PaperPoint centre, double radius_mm);
    void fill(bool preserve = false);
    void stroke(bool preserve = false);
    /// Intersect the clip with the current path (and clear the path).
    void clip();

    /// Paint `image` through the affine map page_mm = (m[0] x + m[1] y + m[2], m[3] x + m[4] y +
    /// m[5]) of its pixel coordinates (x right, y down, (0, 0) the top-left corner), inside the
    /// current clip, at `alpha`. `multiply` blends by multiplication, so a plan's white paper
    /// leaves the map untouched and only its ink shows. `smooth` lets the renderer interpolate
    /// between pixels when it enlarges them; without it each pixel is a sharp square (a PDF
    /// image with no /Interpolate).
    void image(const PaintImage& image, const std::array<double, 6>& m, double alpha, bool multiply,
               bool smooth = true);
    /// Font for the following text calls; `size_pt` in typographic points (1 pt = 25.4/72 mm).
    void set_font(FontFace face, double size_pt);
    /// Advance width of `text` in the current font, mm.
    double text_width_mm(const std::string& text);
    /// Draw `text` with its baseline at y, aligned on x.
    void text(double x_mm, double baseline_mm, const std::string& text, Align align = Align::Left);
    /// Greedy word wrap into lines no wider than `width_mm` (a single over-long word is broken).
    std::vector<std::string> wrap(const std::string& text, double width_mm);

private:
    _cairo* m_cr;
};

} // namespace redline::print
