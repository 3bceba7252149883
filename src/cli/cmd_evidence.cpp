// redline-cli evidence: write a case's evidence pack (PDF) for a hearing, and record its SHA-256
// in the audit log. The work is workflow::export_evidence_pack, which the viewer's Export >
// Evidence pack runs too: the same options give the same bytes from either.
#include "cli/command.hpp"
#include "core/error.hpp"
#include "print/map_frame.hpp"
#include "print/paper.hpp"
#include "workflow/evidence_export.hpp"

#include <filesystem>
#include <ostream>

namespace redline::cli {
namespace {

int run_evidence(const Args& args, Io& io) {
    const auto& path = args.positional(0, "workspace file (WS)");
    if (args.positional_count() > 1)
        throw core::UsageError("unexpected argument '" + args.m_positional[1] + "'");
    workflow::EvidenceRequest request;
    request.case_reference = args.require("case");
    const std::filesystem::path out_path = args.require("out");
    request.scale = args.get("scale").value_or("");
    request.paper = args.get("paper").value_or("");
    request.orientation = args.get("orientation").value_or("");
    request.exhibit = args.get("exhibit").value_or("");
    request.officer = args.get("officer").value_or("");
    request.date = args.get("date").value_or("");
    // Credits go with the basemaps in order: the first --basemap-credit with the first basemap.
    const auto basemaps = args.all("basemap");
    const auto credits = args.all("basemap-credit");
    if (credits.size() > basemaps.size())
        throw core::UsageError("--basemap-credit given " + std::to_string(credits.size()) +
                               " times for " + std::to_string(basemaps.size()) +
                               " basemaps: each credit goes with one --basemap, in order");
    for (std::size_t i = 0; i < basemaps.size(); ++i)
        request.basemaps.push_back({basemaps[i], 1.0, i < credits.size() ? credits[i] : ""});
    const workflow::EvidenceOptions options = workflow::parse_evidence_options(request);

    auto ws = store::Workspace::open(path, current_user());
    const workflow::EvidenceExport e = workflow::export_evidence_pack(ws, options, out_path);
    for (const auto& w : e.warnings)
        io.err << "warning: " << w << "\n";
    if (const auto png = args.get("png"))
        print::render_map_png(e.pack, 300, *png);
    io.out << "wrote " << out_path.string() << ": exhibit " << e.pack.exhibit << ", case "
           << e.pack.case_reference << ", " << print::format_scale_text(e.pack.scale) << " at "
           << print::to_string(e.pack.paper) << " " << print::to_string(e.pack.orientation) << ", "
           << e.bytes << " bytes\nSHA-256 " << e.sha256 << "\n";
    return 0;
}

const Registrar k_registrar{
    {"evidence",
     "WS --case REF --out PACK.pdf [--scale N] [--paper A4|A3] "
     "[--orientation portrait|landscape] [--exhibit ID] [--officer NAME] [--date YYYY-MM-DD] "
     "[--png MAP.png] [--basemap RASTER [--basemap-credit TEXT]]...",
     "Write a case's evidence pack: cover, map exhibit at a true stated scale, findings, "
     "chronology and provenance (docs/evidence.md); the export is audited with its SHA-256. "
     "Raster basemaps (GeoTIFF, PNG/JPEG + world file, GDAL WMS XML) are printed under the "
     "layers, bottom first, and listed with their hashes.",
     {"case", "out", "scale", "paper", "orientation", "exhibit", "officer", "date", "png",
      "basemap", "basemap-credit"},
     {},
     &run_evidence}};

} // namespace
} // namespace redline::cli
