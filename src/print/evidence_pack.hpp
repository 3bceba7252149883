#pragma once
// The evidence pack model: everything a pack shows, gathered by the caller (the CLI or the app
// read it from the workspace) and drawn by write_evidence_pack(). The model has no field for a
// complainant's name or contact, so the print module cannot leak them.

#include "core/geometry.hpp"
#include "print/paper.hpp"
#include "scene/scene.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace redline::print {

/// A finding as the findings table and the map show it.
struct PackFinding {
    std::string code;          ///< "pd-rear-depth"
    std::string severity;      ///< "breach", "near-miss", ...
    std::string value;         ///< measured value with unit, "4.50 m"
    std::string limit;         ///< "4.00 m"
    std::string provision;     ///< "GPDO 2015 Sch.2 Pt.1 A.1(f)"
    std::string explanation;   ///< one or two sentences
    std::string label;         ///< short text drawn on the map ("F1 pd-rear-depth 4.50 m")
    core::Geometry geometry;   ///< EPSG:27700, highlighted on the map
    core::Geometry annotation; ///< dimension line or point, EPSG:27700
};

/// A saved measurement: value with uncertainty and how it was taken.
struct PackMeasurement {
    std::string label;
    std::string value;       ///< "4.52 m grid, 4.52 m ground"
    std::string uncertainty; ///< "+-0.05 m"
    std::string method;
    core::Geometry geometry; ///< EPSG:27700
};

/// A calibrated plan drawn over the map: its image and the transform from its pixels to the grid.
struct PackPlan {
    std::string label; ///< "Approved plan rear-extension.pdf (Helmert, RMSE 0.04 m)"
    int width_px = 0;
    int height_px = 0;
    std::vector<std::uint8_t> rgba; ///< rows top first, straight alpha
    /// Row-major 3x3 homography: (E, N, w) = H (x, y, 1) for pixel coordinates (x right, y
    /// down, (0, 0) the image's top-left corner), E = E/w and N = N/w in EPSG:27700 metres.
    std::array<double, 9> pixel_to_map{1, 0, 0, 0, 1, 0, 0, 0, 1};
    double opacity = 0.85; ///< of its ink: the plan is multiplied onto the map
};

/// A raster basemap under the map's layers: a north-up RGBA picture of the ground read for
/// this page, and what the provenance appendix says about where it came from.
struct PackBasemap {
    std::string name; ///< the file name ("os-1250.tif")
    /// Each file the basemap was read from (the raster, its world file, ...) with its SHA-256.
    std::vector<std::pair<std::string, std::string>> files;
    std::string crs;          ///< the source CRS as stated by the file, or how it was taken
    std::string reprojection; ///< how it reached EPSG:27700 ("read without reprojection", ...)
    double native_cell_m = 0; ///< the source's ground resolution, EPSG:27700 metres per pixel
    std::string credit;       ///< copyright/attribution statement; empty when none is known
    // The picture; empty (width_px 0) when the basemap does not reach the map frame.
    int width_px = 0;
    int height_px = 0;
    std::vector<std::uint8_t> rgba; ///< rows north first, straight alpha
    double west = 0, north = 0;     ///< EPSG:27700 metres of the picture's top-left corner
    double cell_m = 1;              ///< ground size of one picture pixel, metres (square)
    double opacity = 1.0;           ///< as the viewer's opacity slider
};

/// A complaint as a pack may show it: reference, location and category only.
struct PackComplaint {
    std::string reference;
    std::string category;
    std::string received_date;
    core::Coord location; ///< EPSG:27700
};

/// One dated event of the case chronology.
struct PackEvent {
    std::string date; ///< YYYY-MM-DD
    std::string event;
    std::string note;
};

/// One input file: a layer or a plan, with what it takes to show it is unaltered.
struct PackInput {
    std::string name;
    std::string kind; ///< the layer's role, or "plan"
    std::string source_file;
    std::string sha256;
    std::string imported_at;
    std::string source_crs;
    std::string transformation;
    std::size_t feature_count = 0;
    bool on_map = false;
    std::string calibration; ///< plans: parameters and RMSE; empty for layers
};

/// A section that may have nothing to show says why, as a true statement ("No breach check
/// has been run in this workspace.").
struct PackSection {
    std::vector<std::string> lines; ///< free text lines shown above the rows
};

/// The whole pack.
struct EvidencePack {
    // Cover
    std::string case_reference;
    std::string site_address;
    std::string site_description; ///< "UPRN 100000000026; application DEMO/25/0101"
    std::string alleged_breach;
    std::string case_status;
    std::string officer;
    std::string date;       ///< YYYY-MM-DD, printed on every page
    std::string date_time;  ///< ISO 8601 UTC, the PDF's CreationDate
    std::string date_basis; ///< why that date: "the latest check run (2026-11-01T...)"
    std::string exhibit;    ///< "JB/1"

    // Map
    Paper paper = Paper::A4;
    Orientation orientation = Orientation::Portrait;
    double scale = 500;
    bool scale_fits = true;            ///< false: the site is larger than the frame at this scale
    core::Envelope site;               ///< EPSG:27700, what the map is centred on
    scene::Scene map;                  ///< the layers drawn, already built, styles as in the viewer
    std::vector<PackBasemap> basemaps; ///< under the layers, bottom first
    std::vector<PackPlan> plans;       ///< calibrated plans over the layers, in this order
    std::vector<PackComplaint> complaints;
    std::vector<PackFinding> findings;
    std::vector<PackMeasurement> measurements;
    std::vector<std::string> attributions;
    std::vector<std::string> map_notes; ///< e.g. "No calibrated plan is held for this case."

    // Findings
    PackSection findings_section;
    // Chronology
    std::vector<PackEvent> chronology;
    PackSection chronology_section;
    // Provenance
    std::vector<PackInput> inputs;
    PackSection check_run_section; ///< the check run's parameters, or why there is none
    PackSection plans_section;
    std::string software_version;
    std::string source_commit;
};

/// The map frame of the map page for a paper size and orientation (mm on the page).
RectMm map_frame_rect(Paper paper, Orientation orientation);

/// Draw the pack as a vector PDF and return its bytes: cover, map exhibit at 1:`pack.scale`,
/// findings, chronology, provenance. The same pack gives the same bytes (fixed metadata dates,
/// no clock, no randomness). Throws core::IoError when cairo fails.
std::string render_evidence_pack(const EvidencePack& pack);

/// Draw only the map exhibit page at `dpi` to a PNG file (the "map as PNG" export).
void render_map_png(const EvidencePack& pack, double dpi, const std::string& path);

} // namespace redline::print
