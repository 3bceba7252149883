#include "print/pdf_document.hpp"

#include "core/error.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <cmath>
#include <cstdint>
#include <cstring>

namespace redline::print {
namespace {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void check(cairo_status_t status, const char* what) {
    if (status != CAIRO_STATUS_SUCCESS)
        throw core::IoError(std::string(what) + ": " + cairo_status_to_string(status));
}

} // namespace

struct PdfDocument::Impl {
    std::string bytes;
    cairo_surface_t* surface = nullptr;
    cairo_t* cr = nullptr;
    std::unique_ptr<Painter> painter;
    int pages = 0;
    bool page_open = false;
    bool finished = false;

    ~Impl() {
        if (cr)
            cairo_destroy(cr);
        if (surface)
            cairo_surface_destroy(surface);
    }
};

PdfDocument::PdfDocument(PageSize size, const PdfMetadata& metadata)
    : m_impl(std::make_unique<Impl>()) {
    m_impl->surface = cairo_pdf_surface_create_for_stream(append_to_string, &m_impl->bytes,
                                                          size.width_mm * k_pt_per_mm,
                                                          size.height_mm * k_pt_per_mm);
    check(cairo_surface_status(m_impl->surface), "creating the PDF");
    // PDF 1.5 is what cairo 1.16 writes by default; say so, so that an upgrade does not change
    // the bytes silently.
    cairo_pdf_surface_restrict_to_version(m_impl->surface, CAIRO_PDF_VERSION_1_5);
    auto set = [&](cairo_pdf_metadata_t key, const std::string& value) {
        if (!value.empty())
            cairo_pdf_surface_set_metadata(m_impl->surface, key, value.c_str());
    };
    set(CAIRO_PDF_METADATA_TITLE, metadata.title);
    set(CAIRO_PDF_METADATA_AUTHOR, metadata.author);
    set(CAIRO_PDF_METADATA_SUBJECT, metadata.subject);
    set(CAIRO_PDF_METADATA_CREATOR, metadata.creator);
    // Without these cairo writes the current time, and no two packs would be identical.
    set(CAIRO_PDF_METADATA_CREATE_DATE, metadata.date_time);
    set(CAIRO_PDF_METADATA_MOD_DATE, metadata.date_time);
    m_impl->cr = cairo_create(m_impl->surface);
    check(cairo_status(m_impl->cr), "creating the PDF context");
    // The layout is in millimetres; PDF user space is points.
    cairo_scale(m_impl->cr, k_pt_per_mm, k_pt_per_mm);
    m_impl->painter = std::make_unique<Painter>(m_impl->cr);
}

PdfDocument::~PdfDocument() = default;

Painter& PdfDocument::begin_page() {
    if (m_impl->page_open)
        end_page();
    m_impl->page_open = true;
    cairo_save(m_impl->cr);
    return *m_impl->painter;
}

void PdfDocument::end_page() {
    if (!m_impl->page_open)
        return;
    cairo_restore(m_impl->cr);
    cairo_show_page(m_impl->cr);
    check(cairo_status(m_impl->cr), "drawing a PDF page");
    m_impl->page_open = false;
    ++m_impl->pages;
}

int PdfDocument::page_count() const {
    return m_impl->pages + (m_impl->page_open ? 1 : 0);
}

std::string PdfDocument::finish() {
    if (m_impl->finished)
        return m_impl->bytes;
    end_page();
    cairo_destroy(m_impl->cr);
    m_impl->cr = nullptr;
    cairo_surface_finish(m_impl->surface);
    check(cairo_surface_status(m_impl->surface), "writing the PDF");
    cairo_surface_destroy(m_impl->surface);
    m_impl->surface = nullptr;
    m_impl->finished = true;
    return m_impl->bytes;
}

struct RasterCanvas::Impl {
    cairo_surface_t* surface = nullptr;
    cairo_t* cr = nullptr;
    std::unique_ptr<Painter> painter;
    ~Impl() {
        if (cr)
            cairo_destroy(cr);
        if (surface)
            cairo_surface_destroy(surface);
    }
};

RasterCanvas::RasterCanvas(double width_mm, double height_mm, double dpi)
    : m_impl(std::make_unique<Impl>()) {
    const double px_per_mm = dpi / 25.4;
    const int w = static_cast<int>(std::lround(width_mm * px_per_mm));
    const int h = static_cast<int>(std::lround(height_mm * px_per_mm));
    m_impl->surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    check(cairo_surface_status(m_impl->surface), "creating the raster");
    m_impl->cr = cairo_create(m_impl->surface);
    cairo_set_source_rgb(m_impl->cr, 1, 1, 1);
    cairo_paint(m_impl->cr);
    cairo_scale(m_impl->cr, px_per_mm, px_per_mm);
    m_impl->painter = std::make_unique<Painter>(m_impl->cr);
}

RasterCanvas::~RasterCanvas() = default;

Painter& RasterCanvas::painter() {
    return *m_impl->painter;
}
int RasterCanvas::width_px() const {
    return cairo_image_surface_get_width(m_impl->surface);
}
int RasterCanvas::height_px() const {
    return cairo_image_surface_get_height(m_impl->surface);
}

int RasterCanvas::grey(int x, int y) {
    cairo_surface_flush(m_impl->surface);
    const unsigned char* data = cairo_image_surface_get_data(m_impl->surface);
    const int stride = cairo_image_surface_get_stride(m_impl->surface);
    std::uint32_t px;
    std::memcpy(&px, data + std::size_t(y) * stride + std::size_t(x) * 4, 4);
    // ARGB32 is premultiplied; the background was painted opaque white so alpha is 255.
    const int r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;
    return (r + g + b) / 3;
}

void RasterCanvas::write_png(const std::string& path) {
    cairo_surface_flush(m_impl->surface);
    check(cairo_surface_write_to_png(m_impl->surface, path.c_str()), "writing PNG");
}

} // namespace redline::print
