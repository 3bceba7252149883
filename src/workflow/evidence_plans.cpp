// Calibrated plans on the pack's map page: each raster plan whose calibrated outline reaches the
// map frame is decoded from the bytes the workspace holds (the file that was approved, by its
// SHA-256) and handed to print with its plan -> grid transform.
#include "io/plan_reader.hpp"
#include "workflow/evidence_sections.hpp"

#include <cstdio>

namespace redline::workflow {
namespace {

core::Coord map_point(const std::array<double, 9>& h, double x, double y) {
    const double w = h[6] * x + h[7] * y + h[8];
    return {(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w};
}

/// The grid envelope of the plan's four corners; empty when a corner maps to infinity (a
/// projective calibration whose vanishing line crosses the sheet cannot be drawn).
core::Envelope mapped_outline(const store::PlanInfo& plan,
                              const store::PlanCalibrationRecord& cal) {
    core::Envelope e;
    const double w = plan.width_px, h = plan.height_px;
    for (const core::Coord c : {core::Coord{0, 0}, {w, 0}, {w, h}, {0, h}}) {
        const auto& m = cal.matrix;
        if (m[6] * c.x + m[7] * c.y + m[8] <= 0)
            return {};
        e.expand(map_point(m, c.x, c.y));
    }
    return e;
}

} // namespace

void add_plan_images(const store::Workspace& ws, const print::MapFrame& frame,
                     print::EvidencePack& pack) {
    const core::Envelope view = frame.ground_bounds();
    const auto plans = ws.plans();
    const std::size_t before = pack.plans.size();
    for (const auto& plan : plans) {
        const auto cal = ws.current_calibration(plan.id);
        if (!cal)
            continue;
        if (plan.format == "dxf") {
            pack.map_notes.push_back("Plan " + plan.name +
                                     " is a CAD drawing: listed in the provenance appendix, "
                                     "not drawn on this map.");
            continue;
        }
        const core::Envelope outline = mapped_outline(plan, *cal);
        if (outline.empty() || !outline.intersects(view))
            continue;
        const auto bytes = ws.plan_bytes(plan.id);
        const io::PlanRaster raster =
            io::read_plan_raster(bytes, plan.file_name, plan.page, plan.dpi);
        print::PackPlan p;
        char label[200];
        std::snprintf(label, sizeof label,
                      "Plan %s drawn through calibration %lld (%s, RMSE %.3f m)", plan.name.c_str(),
                      static_cast<long long>(cal->id), cal->method.c_str(), cal->rmse_m);
        p.label = label;
        p.width_px = raster.width_px;
        p.height_px = raster.height_px;
        p.rgba = raster.rgba;
        p.pixel_to_map = cal->matrix;
        // The calibration was fitted on the stored raster's pixels; a raster decoded at another
        // size (a PDF page at another DPI) is scaled back onto them.
        if (plan.width_px > 0 && plan.height_px > 0 &&
            (raster.width_px != plan.width_px || raster.height_px != plan.height_px)) {
            const double sx = double(plan.width_px) / raster.width_px;
            const double sy = double(plan.height_px) / raster.height_px;
            for (int r = 0; r < 3; ++r) {
                p.pixel_to_map[std::size_t(3 * r)] *= sx;
                p.pixel_to_map[std::size_t(3 * r + 1)] *= sy;
            }
        }
        pack.map_notes.push_back(p.label + ".");
        pack.plans.push_back(std::move(p));
    }
    if (!plans.empty() && pack.plans.size() == before)
        pack.map_notes.push_back("No calibrated plan reaches this map.");
}

} // namespace redline::workflow
