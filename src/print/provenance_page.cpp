// The provenance appendix: every input with the SHA-256 of its source file, how it reached
// EPSG:27700, the check run's parameters and the software that made the pack.
#include "print/pack_page.hpp"

namespace redline::print::detail {

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
