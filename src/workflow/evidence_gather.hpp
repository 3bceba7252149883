#pragma once
// Gathering an evidence pack's model from the workspace: the case, its site, the layers around
// it, findings, measurements, plans, chronology and provenance. Drawing is print's job.

#include "print/evidence_pack.hpp"
#include "store/workspace.hpp"

#include <optional>
#include <string>
#include <vector>

namespace redline::workflow {

/// A raster basemap to print under the map's layers. Basemaps are not held in the workspace: the
/// CLI names them with --basemap, the viewer passes the ones it shows.
struct BasemapChoice {
    std::string path;   ///< any raster io::RasterSource opens (GeoTIFF, PNG + world file, ...)
    double opacity = 1; ///< 0-1, as the viewer's slider
    std::string credit; ///< copyright statement; default: the one in the file's metadata
};

/// What the user chose; empty / nullopt fields take their defaults.
struct EvidenceOptions {
    std::string case_reference;
    std::optional<double> scale; ///< 1:N; default: the largest standard scale that fits the site
    print::Paper paper = print::Paper::A4;
    print::Orientation orientation = print::Orientation::Portrait;
    std::string exhibit;                 ///< default: the officer's initials + "/1" ("JB/1")
    std::string officer;                 ///< default: the case's officer
    std::string date;                    ///< YYYY-MM-DD; default: see evidence_date()
    std::vector<BasemapChoice> basemaps; ///< under the layers, bottom first
};

/// The case's site (EPSG:27700): the curtilage(s) of its UPRN from curtilage layers, the red
/// line(s) of its application from planning-application layers, a 30 m box around its point,
/// and the locations of its linked complaints. Also the site's address when a layer names it.
struct CaseSite {
    core::Envelope envelope;
    std::string address;
    std::string description; ///< "UPRN ...; application ...; E,N ..."
};
CaseSite find_case_site(const store::Workspace& ws, const core::EnforcementCase& c);

/// Build the pack model. Complainants' names and contacts are never read into it. Warnings
/// (the site does not fit the frame at the chosen scale, ...) are appended to `warnings`.
/// Throws UsageError for an unknown case or a case with no locatable site.
print::EvidencePack gather_evidence_pack(const store::Workspace& ws, const EvidenceOptions& options,
                                         std::vector<std::string>& warnings);

/// "JB/1" from "J. Bloggs": the initials of the officer's name, then "/1".
std::string default_exhibit(const std::string& officer);

} // namespace redline::workflow
