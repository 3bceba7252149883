// The provenance appendix: every input with the SHA-256 of its source file, how it reached
// EPSG:27700, the check run's parameters and the software that made the pack.
#include "print/pack_page.hpp"

#include <cstdio>

namespace redline::print::detail {
namespace {

std::string metres(double m) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3g m", m);
    return text;
}

/// Basemaps are not held in the workspace: they were given for this pack, so each is named here
/// with the hashes of its files, its CRS and resolution, and its copyright statement.
void write_basemaps(TextFlow& flow, const EvidencePack& pack) {
    flow.heading("Basemaps");
    if (pack.basemaps.empty()) {
        flow.paragraph("No raster basemap was printed on the map exhibit.");
        return;
    }
    flow.paragraph("Raster basemaps printed under the layers of the map exhibit, bottom first. "
                   "They are not held in the workspace; the SHA-256 of each file they were read "
                   "from identifies them.");
    std::vector<std::vector<std::string>> rows;
    for (const auto& b : pack.basemaps) {
        std::string what = b.name + "\n" + (b.width_px > 0 ? "on map" : "does not reach the map");
        if (b.opacity < 1)
            what += "\nopacity " + std::to_string(int(b.opacity * 100 + 0.5)) + "%";
        std::string files;
        for (const auto& [file, sha] : b.files)
            files += (files.empty() ? "" : "\n") + file + "\n" + sha;
        std::string how =
            "CRS " + b.crs + "\n" + b.reprojection + "\nnative cell " + metres(b.native_cell_m);
        if (b.width_px > 0)
            how += ", printed at " + metres(b.cell_m) + " per pixel";
        how += "\n" + (b.credit.empty() ? std::string("no copyright statement given or found in "
                                                      "the file")
                                        : b.credit);
        rows.push_back({what, files, how});
    }
    flow.table({0.9, 2.0, 1.5}, {"Basemap", "Files and SHA-256", "CRS, resolution, copyright"},
               rows, 6, {FontFace::Sans, FontFace::Mono, FontFace::Sans});
}

} // namespace

void write_provenance_pages(TextFlow& flow, const EvidencePack& pack) {
    flow.heading("Provenance: inputs");
    flow.paragraph("Every layer and plan in the workspace, with the SHA-256 of the file it was "
                   "imported from. Layers marked \"on map\" are drawn on the map exhibit.");
    std::vector<std::vector<std::string>> rows;
    for (const auto& in : pack.inputs) {
        std::string what = in.name + "\n" + in.kind;
        if (in.kind != "plan")
            what += "\n" + std::to_string(in.feature_count) + " features";
        if (in.on_map)
            what += "\non map";
        std::string how =
            "imported " + in.imported_at + "\nCRS " + in.source_crs + "\n" + in.transformation;
        if (!in.calibration.empty())
            how += "\n" + in.calibration;
        rows.push_back({what, in.source_file + "\n" + in.sha256, how});
    }
    // The hash column is wide enough for 64 monospaced hex digits on one line, so that a reader
    // (and pdftotext) sees each hash whole.
    flow.table({0.9, 2.0, 1.5}, {"Input", "Source file and SHA-256", "Import, CRS, transformation"},
               rows, 6, {FontFace::Sans, FontFace::Mono, FontFace::Sans});

    write_basemaps(flow, pack);

    flow.heading("Coordinate reference system and transformation");
    flow.paragraph(
        "All geometry is held and drawn in EPSG:27700 (OSGB36 / British National Grid), grid "
        "north up. A source in any other CRS was transformed to EPSG:27700 with Ordnance Survey's "
        "OSTN15 transformation (grid uk_os_OSTN15_NTv2_OSGBtoETRS.tif, which matches the 40 "
        "official OS test points within 8 mm); Redline refuses any transformation to or from "
        "EPSG:27700 that cannot use OSTN15, so no Helmert or ballpark fallback was used. "
        "Distances are planar grid distances; ground distances differ by the grid scale factor "
        "(about 0.9996-1.0004).");

    flow.heading("Plans and calibration");
    for (const auto& line : pack.plans_section.lines)
        flow.paragraph(line);

    flow.heading("Breach check run");
    for (const auto& line : pack.check_run_section.lines)
        flow.paragraph(line, FontFace::Sans, 7.5);

    flow.heading("Software");
    flow.paragraph("Redline " + pack.software_version + ", source commit " + pack.source_commit +
                   ".");
    flow.paragraph("The same workspace and options produce a byte-identical PDF; the SHA-256 of "
                   "this file is recorded in the workspace's audit log (action "
                   "\"evidence-export\") when it is written.");
}

} // namespace redline::print::detail
