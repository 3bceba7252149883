#pragma once
// The evidence pack's sections other than the map's layers: findings and the check run,
// plans and measurements, the case chronology (evidence_sections.cpp).

#include "print/evidence_pack.hpp"
#include "print/map_frame.hpp"
#include "store/workspace.hpp"
#include "workflow/evidence_gather.hpp"

namespace redline::workflow {

/// The latest check run's findings relevant to the case, and the run's parameters and inputs;
/// a statement instead when the check has never run or found nothing here.
void add_findings(const store::Workspace& ws, const core::EnforcementCase& c,
                  print::EvidencePack& pack);

/// Plans (with their calibrations) into the provenance, the case's saved measurements into the
/// table and onto the map, calibrated plans that reach the map frame as overlays.
void add_plans_and_measurements(const store::Workspace& ws, const core::EnforcementCase& c,
                                const print::MapFrame& frame, print::EvidencePack& pack);

/// Calibrated raster plans whose mapped outline reaches the map frame, decoded onto the map page
/// (evidence_plans.cpp); a note for each plan drawn, and for CAD plans, which are not drawn.
/// Throws core::IoError when a stored plan cannot be decoded.
void add_plan_images(const store::Workspace& ws, const print::MapFrame& frame,
                     print::EvidencePack& pack);

/// Ground size (metres) of a printed basemap pixel at 1:`scale`: about 250 dpi on paper, never
/// finer than the source's `native_cell_m` (finer shows nothing new), and coarse enough that
/// `longest_side_m` of ground takes no more than 5000 pixels (a sensible PDF).
double basemap_print_cell_m(double scale, double native_cell_m, double longest_side_m);

/// Open each basemap (evidence_basemaps.cpp), read the part that reaches the map frame at
/// basemap_print_cell_m() in EPSG:27700, hash its files and describe it for the provenance; its
/// copyright statement joins the map's attributions. Throws core::IoError / core::CrsError
/// naming the file when it cannot be read or put in EPSG:27700 (through OSTN15 where the datum
/// differs). Blocking: GDAL reads on the calling thread.
void add_basemaps(const std::vector<BasemapChoice>& basemaps, const print::MapFrame& frame,
                  print::EvidencePack& pack);

/// The case's dated events, oldest first: opened, breach start, key dates, complaints received
/// (reference and category only), stage changes, check runs and saved measurements.
void add_chronology(const store::Workspace& ws, const core::EnforcementCase& c,
                    print::EvidencePack& pack);

} // namespace redline::workflow
