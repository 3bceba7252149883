// Raster basemaps on the pack's map page: each basemap given for the pack is opened through io
// (GDAL stays there), the part under the map frame read in EPSG:27700 at a print resolution,
// and its files hashed, so that the provenance appendix can say exactly what was printed.
#include "core/error.hpp"
#include "core/sha256.hpp"
#include "crs/transformer.hpp"
#include "io/raster_reader.hpp"
#include "workflow/evidence_sections.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace redline::workflow {
namespace {

/// 250 dpi: finer than the eye resolves on a printed map read at arm's length, within the 200-300
/// dpi print shops ask for, and a quarter of the pixels of 500 dpi.
constexpr double k_print_dpi = 250;
/// At 250 dpi an A3 frame is about 3,700 pixels wide; the cap only bites on oddly large frames.
constexpr double k_max_px = 5000;

/// How the source reached EPSG:27700, checked the way Redline checks every transformation: a
/// source on another datum must go through OSTN15 (crs::Transformer refuses anything else).
std::string reprojection(const io::RasterSourceInfo& info) {
    if (!info.warped)
        return info.crs_wkt.empty()
                   ? "no CRS stated (world file only): taken as EPSG:27700, read without "
                     "reprojection"
                   : "already EPSG:27700: read without reprojection";
    if (info.crs_wkt.empty())
        return "rotated grid, no CRS stated: taken as EPSG:27700 and resampled north-up by "
               "GDAL's warper (bilinear)";
    const crs::Transformer check(info.crs_wkt, "EPSG:27700");
    return "reprojected to EPSG:27700 by GDAL's warper (bilinear; nearest for a paletted "
           "raster), operation " +
           check.operation();
}

core::Envelope intersection(const core::Envelope& a, const core::Envelope& b) {
    core::Envelope e;
    if (a.empty() || b.empty() || !a.intersects(b))
        return e;
    e.expand(core::Coord{std::max(a.min_x, b.min_x), std::max(a.min_y, b.min_y)});
    e.expand(core::Coord{std::min(a.max_x, b.max_x), std::min(a.max_y, b.max_y)});
    return e;
}

print::PackBasemap read_basemap(const BasemapChoice& choice, const print::MapFrame& frame) {
    const io::RasterSource source(choice.path);
    const io::RasterSourceInfo& info = source.info();
    print::PackBasemap b;
    b.name = std::filesystem::path(choice.path).filename().string();
    for (const auto& file : info.files)
        b.files.push_back(
            {std::filesystem::path(file).filename().string(), core::sha256_file(file)});
    b.crs = info.crs;
    b.reprojection = reprojection(info);
    b.native_cell_m = info.cell_m;
    b.credit = choice.credit.empty() ? info.copyright : choice.credit;
    b.opacity = choice.opacity;

    const core::Envelope view = frame.ground_bounds();
    const core::Envelope part = intersection(view, info.extent);
    if (part.empty() || part.width() <= 0 || part.height() <= 0)
        return b;
    const double cell =
        basemap_print_cell_m(frame.scale(), info.cell_m, std::max(view.width(), view.height()));
    // Pixels on the source's own grid where it has one (an EPSG:27700 raster read at its native
    // cell is then copied, not resampled); a reprojected source has no grid of its own here.
    const double ox = info.warped ? 0.0 : info.extent.min_x;
    const double oy = info.warped ? 0.0 : info.extent.max_y;
    b.cell_m = cell;
    b.west = ox + std::floor((part.min_x - ox) / cell) * cell;
    b.north = oy + std::ceil((part.max_y - oy) / cell) * cell;
    b.width_px = static_cast<int>(std::ceil((part.max_x - b.west) / cell));
    b.height_px = static_cast<int>(std::ceil((b.north - part.min_y) / cell));
    io::RgbaRaster raster = source.read(b.west, b.north, cell, b.width_px, b.height_px);
    b.rgba = std::move(raster.rgba);
    return b;
}

} // namespace

double basemap_print_cell_m(double scale, double native_cell_m, double longest_side_m) {
    const double at_dpi = scale * 0.0254 / k_print_dpi; // ground metres per printed dot
    return std::max({at_dpi, native_cell_m, longest_side_m / k_max_px});
}

void add_basemaps(const std::vector<BasemapChoice>& basemaps, const print::MapFrame& frame,
                  print::EvidencePack& pack) {
    for (const auto& choice : basemaps) {
        print::PackBasemap b;
        // Whatever fails, the user is told which basemap file it was.
        try {
            b = read_basemap(choice, frame);
        } catch (const core::CrsError& e) {
            throw core::CrsError("cannot be put in EPSG:27700 for a basemap: " + e.message(),
                                 {choice.path});
        } catch (const core::Error& e) {
            throw core::IoError("cannot be read as a basemap: " + e.message(), {choice.path});
        }
        if (!b.credit.empty())
            pack.attributions.push_back("Basemap " + b.name + ": " + b.credit);
        else
            pack.map_notes.push_back("Basemap " + b.name +
                                     ": no copyright statement was given or found in the file.");
        if (b.width_px == 0)
            pack.map_notes.push_back("Basemap " + b.name + " does not reach this map.");
        pack.basemaps.push_back(std::move(b));
    }
}

} // namespace redline::workflow
