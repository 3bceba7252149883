#pragma once

#include "print/painter.hpp"
#include "print/paper.hpp"

#include <memory>
#include <string>

namespace redline::print {

/// What goes into the PDF's Info dictionary. Never put a complainant's details here.
struct PdfMetadata {
    std::string title;
    std::string author;
    std::string subject;
    std::string creator;
    /// ISO 8601 date-time used for both CreationDate and ModDate ("2026-11-01T09:30:00Z"); fixed
    /// by the caller so that the same inputs give the same bytes.
    std::string date_time;
};

/// A vector PDF written to memory, one page at a time, every page `size`. PDF user units are
/// points; the painter works in millimetres through a scale of 72 / 25.4, so that 1 mm in the
/// layout is exactly 1 mm on paper printed at 100%.
///
/// Reproducible: the same drawing calls and metadata give the same bytes (see finish()).
/// Not thread-safe. Throws core::IoError when cairo reports a failure.
class PdfDocument {
public:
    PdfDocument(PageSize size, const PdfMetadata& metadata);
    ~PdfDocument();
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    /// Start a page and return its painter (valid until end_page()).
    Painter& begin_page();
    void end_page();
    int page_count() const;
    /// Finish the document and return its bytes.
    std::string finish();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// An RGBA raster of a page region at `dpi` dots per inch (1 mm = dpi / 25.4 px), white
/// background. For PNG export and for tests that measure drawn lengths in pixels.
class RasterCanvas {
public:
    RasterCanvas(double width_mm, double height_mm, double dpi);
    ~RasterCanvas();
    RasterCanvas(const RasterCanvas&) = delete;
    RasterCanvas& operator=(const RasterCanvas&) = delete;

    Painter& painter();
    int width_px() const;
    int height_px() const;
    /// Grey level (0-255, average of R, G, B over white) of pixel (x, y).
    int grey(int x, int y);
    /// Write a PNG file; throws core::IoError.
    void write_png(const std::string& path);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace redline::print
