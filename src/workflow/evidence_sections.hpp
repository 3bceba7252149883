#pragma once
// The evidence pack's sections other than the map's layers: findings and the check run,
// plans and measurements, the case chronology (evidence_sections.cpp).

#include "print/evidence_pack.hpp"
#include "print/map_frame.hpp"
#include "store/workspace.hpp"

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

/// The case's dated events, oldest first: opened, breach start, key dates, complaints received
/// (reference and category only), stage changes, check runs and saved measurements.
void add_chronology(const store::Workspace& ws, const core::EnforcementCase& c,
                    print::EvidencePack& pack);

} // namespace redline::workflow
