// Plans through GDAL: PNG/JPEG/GTiff drivers for scans, the PDF driver (poppler) for PDF pages,
// OGR's DXF driver for CAD drawings. The bytes are exposed to GDAL as a /vsimem/ file, so nothing
// touches the disk and the plan read is exactly the plan stored.
#include "io/plan_reader.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <atomic>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <memory>
#include <mutex>

namespace redline::io {
namespace {

/// The highest DPI GDAL's PDF driver accepts. Opening a page at this DPI renders nothing (pixels
/// are only rendered when read) but gives its size in 1/100 pt, so the paper size is exact to
/// 0.004 mm: GDAL exposes the MediaBox only through the raster size.
constexpr double k_pdf_size_dpi = 7200.0;
constexpr double k_default_pdf_dpi = 150.0;

void register_drivers() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

/// A /vsimem/ view of bytes, unlinked on destruction. The buffer is not copied and not owned.
class MemFile {
public:
    MemFile(std::span<const std::uint8_t> bytes, const std::string& ext) {
        register_drivers();
        static std::atomic<unsigned long> counter{0};
        m_path = "/vsimem/redline_plan_" + std::to_string(++counter) + ext;
        VSILFILE* f = VSIFileFromMemBuffer(m_path.c_str(), const_cast<GByte*>(bytes.data()),
                                           static_cast<vsi_l_offset>(bytes.size()), FALSE);
        if (!f)
            throw core::IoError("cannot expose the plan to GDAL in memory");
        VSIFCloseL(f);
    }
    ~MemFile() { VSIUnlink(m_path.c_str()); }
    MemFile(const MemFile&) = delete;
    MemFile& operator=(const MemFile&) = delete;
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
};

core::ErrorContext where(const std::string& file_name) {
    return {.path = file_name, .layer = {}, .feature = {}, .field = {}};
}

std::string gdal_message() {
    const char* m = CPLGetLastErrorMsg();
    return m && *m ? std::string(": ") + m : std::string();
}

std::string format_number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

GDALDatasetUniquePtr open_raster(const std::string& path, const std::string& file_name,
                                 double pdf_dpi) {
    CPLStringList options;
    if (pdf_dpi > 0)
        options.SetNameValue("DPI", format_number(pdf_dpi).c_str());
    CPLErrorReset();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY,
                                              nullptr, options.List(), nullptr));
    if (!ds)
        throw core::IoError("cannot read the plan" + gdal_message(), where(file_name));
    return ds;
}

int pdf_page_count(const std::string& path, const std::string& file_name) {
    auto ds = open_raster(path, file_name, 72);
    // A one-page PDF has no subdatasets; a longer one lists each page as PDF:n:path.
    const char* const* subs = ds->GetMetadata("SUBDATASETS");
    const int n = CSLCount(const_cast<char**>(subs)) / 2;
    return n > 0 ? n : 1;
}

std::string pdf_page_path(const std::string& path, int page, int page_count) {
    return page_count > 1 ? "PDF:" + std::to_string(page) + ":" + path : path;
}

std::string extension_for(PlanFormat f) {
    switch (f) {
    case PlanFormat::Png:
        return ".png";
    case PlanFormat::Jpeg:
        return ".jpg";
    case PlanFormat::Tiff:
        return ".tif";
    case PlanFormat::Pdf:
        return ".pdf";
    case PlanFormat::Dxf:
        return ".dxf";
    }
    return "";
}

/// The scan's own resolution tag in DPI, or 0. GDAL reports TIFF, PNG (pHYs) and JPEG (JFIF)
/// resolutions alike as TIFFTAG_*RESOLUTION with TIFFTAG_RESOLUTIONUNIT 2 (inch) or 3 (cm).
double tagged_dpi(GDALDataset& ds) {
    const char* x = ds.GetMetadataItem("TIFFTAG_XRESOLUTION");
    const char* unit = ds.GetMetadataItem("TIFFTAG_RESOLUTIONUNIT");
    double v = 0;
    if (!x || !core::parse_double(core::trim(x), v) || !(v > 0))
        return 0;
    const std::string u = unit ? core::trim(unit) : "2";
    if (u.rfind("3", 0) == 0)
        return v * 2.54;
    if (u.rfind("2", 0) == 0)
        return v;
    return 0; // "1" = no absolute unit: an aspect ratio, not a resolution
}

/// $INSUNITS (DXF header, group code 70 after the variable name): the drawing's units.
void read_insunits(std::span<const std::uint8_t> bytes, PlanDrawing& d) {
    const std::string text(reinterpret_cast<const char*>(bytes.data()),
                           std::min<std::size_t>(bytes.size(), 1 << 20));
    const auto at = text.find("$INSUNITS");
    if (at != std::string::npos) {
        std::vector<std::string> lines;
        std::size_t pos = at;
        for (int i = 0; i < 3 && pos != std::string::npos; ++i) {
            const auto end = text.find('\n', pos);
            lines.push_back(
                core::trim(text.substr(pos, end == std::string::npos ? end : end - pos)));
            pos = end == std::string::npos ? end : end + 1;
        }
        double v = 0;
        if (lines.size() == 3 && lines[1] == "70" && core::parse_double(lines[2], v))
            d.insunits = static_cast<int>(v);
    }
    // AutoCAD's INSUNITS codes (DXF reference, HEADER section).
    struct Unit {
        int code;
        const char* name;
        double metres;
    };
    static const Unit units[] = {{1, "in", 0.0254}, {2, "ft", 0.3048},  {3, "mi", 1609.344},
                                 {4, "mm", 0.001},  {5, "cm", 0.01},    {6, "m", 1.0},
                                 {7, "km", 1000.0}, {10, "yd", 0.9144}, {13, "um", 1e-6},
                                 {14, "dm", 0.1},   {15, "dam", 10.0},  {16, "hm", 100.0}};
    d.units = "unitless";
    d.metres_per_unit = 0;
    for (const auto& u : units)
        if (u.code == d.insunits) {
            d.units = u.name;
            d.metres_per_unit = u.metres;
        }
}

void add_lines(const OGRGeometry* g, PlanDrawing& d) {
    if (!g)
        return;
    const auto flat = wkbFlatten(g->getGeometryType());
    if (flat == wkbLineString) {
        const auto* ls = g->toLineString();
        core::Path p;
        for (int i = 0; i < ls->getNumPoints(); ++i) {
            p.push_back({ls->getX(i), ls->getY(i)});
            d.extent.expand(p.back());
        }
        if (p.size() >= 2)
            d.lines.push_back(std::move(p));
    } else if (flat == wkbPolygon) {
        for (const auto* ring : *g->toPolygon())
            add_lines(ring, d);
    } else if (OGR_GT_IsSubClassOf(flat, wkbGeometryCollection)) {
        for (const auto* part : *g->toGeometryCollection())
            add_lines(part, d);
    } else if (OGR_GT_IsCurve(flat) || OGR_GT_IsSurface(flat)) {
        // Arcs and circles: GDAL approximates them with line segments.
        std::unique_ptr<OGRGeometry> linear(g->getLinearGeometry());
        add_lines(linear.get(), d);
    }
}

} // namespace

const char* to_string(PlanFormat format) {
    switch (format) {
    case PlanFormat::Png:
        return "png";
    case PlanFormat::Jpeg:
        return "jpeg";
    case PlanFormat::Tiff:
        return "tiff";
    case PlanFormat::Pdf:
        return "pdf";
    case PlanFormat::Dxf:
        return "dxf";
    }
    return "png";
}

PlanFormat detect_plan_format(const std::string& file_name, std::span<const std::uint8_t> b) {
    auto starts = [&](std::initializer_list<int> sig) {
        if (b.size() < sig.size())
            return false;
        std::size_t i = 0;
        for (const int c : sig)
            if (b[i++] != c)
                return false;
        return true;
    };
    if (starts({0x89, 'P', 'N', 'G'}))
        return PlanFormat::Png;
    if (starts({0xFF, 0xD8, 0xFF}))
        return PlanFormat::Jpeg;
    if (starts({'I', 'I', 42, 0}) || starts({'M', 'M', 0, 42}) || starts({'I', 'I', 43, 0}) ||
        starts({'M', 'M', 0, 43}))
        return PlanFormat::Tiff;
    if (starts({'%', 'P', 'D', 'F'}))
        return PlanFormat::Pdf;
    if (core::to_lower(std::filesystem::path(file_name).extension().string()) == ".dxf")
        return PlanFormat::Dxf;
    throw core::IoError("not a plan Redline can read (PNG, JPEG, TIFF, PDF or DXF)",
                        where(file_name));
}

PlanSource inspect_plan(std::span<const std::uint8_t> bytes, const std::string& file_name, int page,
                        double dpi) {
    PlanSource s;
    s.format = detect_plan_format(file_name, bytes);
    if (s.format == PlanFormat::Dxf) {
        const auto d = read_plan_drawing(bytes, file_name);
        s.units = d.units;
        s.metres_per_unit = d.metres_per_unit;
        s.extent = d.extent;
        return s;
    }
    const MemFile mem(bytes, extension_for(s.format));
    if (s.format == PlanFormat::Pdf) {
        if (dpi < 0 || !std::isfinite(dpi))
            throw core::UsageError("a PDF's DPI must be greater than 0");
        s.dpi = dpi > 0 ? dpi : k_default_pdf_dpi;
        s.page_count = pdf_page_count(mem.path(), file_name);
        if (page < 1 || page > s.page_count)
            throw core::IoError("page " + std::to_string(page) + " does not exist: the PDF has " +
                                    std::to_string(s.page_count) + " page(s)",
                                where(file_name));
        s.page = page;
        const auto path = pdf_page_path(mem.path(), page, s.page_count);
        {
            auto exact = open_raster(path, file_name, k_pdf_size_dpi);
            s.paper_width_mm = exact->GetRasterXSize() / k_pdf_size_dpi * 25.4;
            s.paper_height_mm = exact->GetRasterYSize() / k_pdf_size_dpi * 25.4;
        }
        auto ds = open_raster(path, file_name, s.dpi);
        s.width_px = ds->GetRasterXSize();
        s.height_px = ds->GetRasterYSize();
        return s;
    }
    auto ds = open_raster(mem.path(), file_name, 0);
    s.width_px = ds->GetRasterXSize();
    s.height_px = ds->GetRasterYSize();
    s.dpi = dpi > 0 ? dpi : tagged_dpi(*ds);
    return s;
}

PlanRaster read_plan_raster(std::span<const std::uint8_t> bytes, const std::string& file_name,
                            int page, double dpi) {
    const auto format = detect_plan_format(file_name, bytes);
    if (format == PlanFormat::Dxf)
        throw core::IoError("a DXF plan is vector line work, not a raster", where(file_name));
    const MemFile mem(bytes, extension_for(format));
    GDALDatasetUniquePtr ds;
    if (format == PlanFormat::Pdf) {
        const int pages = pdf_page_count(mem.path(), file_name);
        if (page < 1 || page > pages)
            throw core::IoError("page " + std::to_string(page) + " does not exist: the PDF has " +
                                    std::to_string(pages) + " page(s)",
                                where(file_name));
        ds = open_raster(pdf_page_path(mem.path(), page, pages), file_name,
                         dpi > 0 ? dpi : k_default_pdf_dpi);
    } else {
        ds = open_raster(mem.path(), file_name, 0);
    }
    PlanRaster r;
    r.width_px = ds->GetRasterXSize();
    r.height_px = ds->GetRasterYSize();
    const int bands = ds->GetRasterCount();
    if (bands < 1)
        throw core::IoError("the plan has no image bands", where(file_name));
    const auto w = static_cast<std::size_t>(r.width_px), h = static_cast<std::size_t>(r.height_px);
    r.rgba.assign(w * h * 4, 255);
    // Read each band straight into its channel of the interleaved buffer (pixel spacing 4).
    auto read_band = [&](int band, int channel) {
        const CPLErr err = ds->GetRasterBand(band)->RasterIO(
            GF_Read, 0, 0, r.width_px, r.height_px, r.rgba.data() + channel, r.width_px,
            r.height_px, GDT_Byte, 4, static_cast<GSpacing>(w * 4), nullptr);
        if (err != CE_None)
            throw core::IoError("cannot decode the plan's pixels" + gdal_message(),
                                where(file_name));
    };
    GDALRasterBand* first = ds->GetRasterBand(1);
    const GDALColorTable* palette = first->GetColorTable();
    if (bands == 1 && palette) {
        read_band(1, 0);
        for (std::size_t i = 0; i < w * h; ++i) {
            GDALColorEntry e{0, 0, 0, 255};
            palette->GetColorEntryAsRGB(r.rgba[i * 4], &e);
            r.rgba[i * 4] = static_cast<std::uint8_t>(e.c1);
            r.rgba[i * 4 + 1] = static_cast<std::uint8_t>(e.c2);
            r.rgba[i * 4 + 2] = static_cast<std::uint8_t>(e.c3);
            r.rgba[i * 4 + 3] = static_cast<std::uint8_t>(e.c4);
        }
    } else if (bands <= 2) {
        read_band(1, 0);
        if (bands == 2)
            read_band(2, 3);
        for (std::size_t i = 0; i < w * h; ++i)
            r.rgba[i * 4 + 1] = r.rgba[i * 4 + 2] = r.rgba[i * 4];
    } else {
        for (int b = 1; b <= std::min(bands, 4); ++b)
            read_band(b, b - 1);
    }
    return r;
}

PlanDrawing read_plan_drawing(std::span<const std::uint8_t> bytes, const std::string& file_name) {
    const MemFile mem(bytes, ".dxf");
    CPLErrorReset();
    const char* drivers[] = {"DXF", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(mem.path().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                              drivers, nullptr, nullptr));
    if (!ds)
        throw core::IoError("cannot read the DXF plan" + gdal_message(), where(file_name));
    PlanDrawing d;
    read_insunits(bytes, d);
    for (auto* layer : ds->GetLayers())
        for (const auto& feature : *layer)
            add_lines(feature->GetGeometryRef(), d);
    if (d.lines.empty())
        throw core::IoError("the DXF plan has no line work", where(file_name));
    return d;
}

} // namespace redline::io
