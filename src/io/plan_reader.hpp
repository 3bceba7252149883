#pragma once
// Reading plan files (approved drawings) for calibration and display: scans and photos (PNG,
// JPEG, TIFF), a PDF page rasterised at a chosen DPI, or a DXF drawing as vectors. Plans are read
// from bytes in memory because the workspace keeps the file itself (the evidence), not a path.
//
// Raster pixel convention (the same as analysis/calibration.hpp): x right, y down, (0, 0) the
// top-left corner of the image, (0.5, 0.5) the centre of the first pixel. DXF coordinates are the
// drawing's own units, y up.

#include "core/geometry.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace redline::io {

enum class PlanFormat { Png, Jpeg, Tiff, Pdf, Dxf };
/// "png", "jpeg", "tiff", "pdf", "dxf".
const char* to_string(PlanFormat format);

/// The format of a plan file from its magic bytes (PNG, JPEG, TIFF, PDF signatures), else from
/// the extension of `file_name` (.dxf). Throws IoError naming the file for anything else.
PlanFormat detect_plan_format(const std::string& file_name, std::span<const std::uint8_t> bytes);

/// What a plan file is, as `plan add` records it.
struct PlanSource {
    PlanFormat format = PlanFormat::Png;
    int page = 1;       ///< PDF page read, 1-based (1 for other formats)
    int page_count = 1; ///< PDF pages in the file
    /// Raster DPI: the rasterisation DPI for a PDF; for a scan the `dpi` asked for, else the
    /// file's own resolution tag (TIFF/PNG/JPEG), else 0 (unknown). 0 for DXF.
    double dpi = 0;
    int width_px = 0; ///< raster size (0 for DXF)
    int height_px = 0;
    double paper_width_mm = 0; ///< PDF: the page's own size (MediaBox), else 0
    double paper_height_mm = 0;
    std::string units = "px";   ///< "px" for rasters; DXF: the $INSUNITS name ("mm", "m", ...)
    double metres_per_unit = 0; ///< DXF: metres per drawing unit, 0 when unitless/unknown
    core::Envelope extent;      ///< DXF: the drawing's extent in its units
};

/// Inspect a plan held in memory: format, page, size and units, without decoding the pixels.
/// `page` (1-based) and `dpi` (> 0; default 150 for a PDF) apply to PDFs; `dpi` for a scan
/// overrides the file's own tag. Throws IoError for an unreadable file or a page out of range,
/// UsageError for a DPI <= 0 given to a PDF.
PlanSource inspect_plan(std::span<const std::uint8_t> bytes, const std::string& file_name,
                        int page = 1, double dpi = 0);

/// A plan's pixels: RGBA, 8 bits per channel, rows top to bottom (row 0 is image y = 0),
/// width_px x height_px x 4 bytes. Ready for a GL texture (GL_RGBA, GL_UNSIGNED_BYTE; flip
/// nothing when texture v = y / height).
struct PlanRaster {
    int width_px = 0;
    int height_px = 0;
    std::vector<std::uint8_t> rgba;
};

/// Decode a raster plan (PNG, JPEG, TIFF) or rasterise a PDF page at `dpi`. Grey, grey+alpha,
/// paletted, RGB and RGBA sources all come out as RGBA (opaque unless the source had alpha).
/// Throws IoError for a DXF (use read_plan_drawing) or an unreadable file.
PlanRaster read_plan_raster(std::span<const std::uint8_t> bytes, const std::string& file_name,
                            int page = 1, double dpi = 0);

/// A DXF plan as line work in drawing units (y up): lines, polylines and polygon rings.
struct PlanDrawing {
    std::vector<core::Path> lines;
    core::Envelope extent;
    int insunits = 0;           ///< the $INSUNITS header value (0 = unitless)
    std::string units;          ///< its name, e.g. "mm"
    double metres_per_unit = 0; ///< 0 when unitless or unknown
};

/// Read a DXF plan's line work. Throws IoError when GDAL cannot read it.
PlanDrawing read_plan_drawing(std::span<const std::uint8_t> bytes, const std::string& file_name);

} // namespace redline::io
