// Calibrated plans on the pack's map page: each plan whose calibrated outline reaches the map
// frame is read from the bytes the workspace holds (the file that was approved, by its SHA-256)
// and handed to print as pixels with a pixel -> grid transform. A scan or PDF page is its own
// pixels; a DXF's line work is drawn into an image whose pixel -> drawing-unit affine is composed
// with the calibration (which stays in drawing units, as it was fitted).
#include "io/plan_drawing_raster.hpp"
#include "io/plan_reader.hpp"
#include "workflow/evidence_sections.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace redline::workflow {
namespace {

/// Print resolution of a DXF's image on paper, and the width of its lines there: fine enough
/// that the line work reads like a drawing, not pixels, at a 300 dpi proof (0.085 mm a dot).
constexpr double k_dxf_paper_mm_per_px = 0.1;
constexpr double k_dxf_line_mm = 0.25;
/// The largest DXF image a pack draws (64 MiB of RGBA); larger drawings get coarser pixels and
/// proportionally thinner lines in pixels, the same on paper.
constexpr int k_dxf_max_side_px = 4096;

core::Coord map_point(const std::array<double, 9>& h, double x, double y) {
    const double w = h[6] * x + h[7] * y + h[8];
    return {(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w};
}

/// The grid envelope of four corners (plan units) through `m`; empty when a corner maps to
/// infinity (a projective calibration whose vanishing line crosses the sheet cannot be drawn).
core::Envelope mapped_outline(const std::array<double, 9>& m, const core::Envelope& plan) {
    core::Envelope e;
    for (const core::Coord c : {core::Coord{plan.min_x, plan.min_y},
                                {plan.max_x, plan.min_y},
                                {plan.max_x, plan.max_y},
                                {plan.min_x, plan.max_y}}) {
        if (m[6] * c.x + m[7] * c.y + m[8] <= 0)
            return {};
        e.expand(map_point(m, c.x, c.y));
    }
    return e;
}

/// H x A for a row-major 3x3 H and 3x3 A.
std::array<double, 9> compose(const std::array<double, 9>& h, const std::array<double, 9>& a) {
    std::array<double, 9> out{};
    for (std::size_t r = 0; r < 3; ++r)
        for (std::size_t c = 0; c < 3; ++c)
            out[3 * r + c] = h[3 * r] * a[c] + h[3 * r + 1] * a[3 + c] + h[3 * r + 2] * a[6 + c];
    return out;
}

/// Grid metres per plan unit at `p`: sqrt |det J| of the transform there.
double metres_per_unit(const std::array<double, 9>& h, core::Coord p) {
    const double e = 1e-3 * std::max(1.0, std::abs(p.x) + std::abs(p.y));
    const core::Coord o = map_point(h, p.x, p.y), ax = map_point(h, p.x + e, p.y),
                      ay = map_point(h, p.x, p.y + e);
    return std::sqrt(std::abs((ax.x - o.x) * (ay.y - o.y) - (ax.y - o.y) * (ay.x - o.x))) / e;
}

/// A DXF's line work as pixels sized for the page: ~0.1 mm a pixel at the frame's scale and lines
/// 0.25 mm wide. `cal` is the calibration in drawing units; the result's transform is composed.
print::PackPlan drawn_dxf(const io::PlanDrawing& drawing, const store::PlanCalibrationRecord& cal,
                          const print::MapFrame& frame) {
    const core::Envelope& e = drawing.extent;
    const double paper_mm_per_unit =
        metres_per_unit(cal.matrix, e.centre()) * 1000.0 / frame.scale();
    const double span_mm = std::max(e.width(), e.height()) * paper_mm_per_unit;
    io::DrawingRasterStyle style;
    const int inner = std::clamp(int(std::ceil(span_mm / k_dxf_paper_mm_per_px)), 64,
                                 k_dxf_max_side_px - 2 * style.margin_px);
    style.max_side_px = inner + 2 * style.margin_px;
    style.line_width_px = std::clamp(k_dxf_line_mm / (span_mm / inner), 1.0, 16.0);
    io::DrawingRaster drawn = io::rasterise_plan_drawing(drawing, style);
    print::PackPlan p;
    p.width_px = drawn.raster.width_px;
    p.height_px = drawn.raster.height_px;
    p.rgba = std::move(drawn.raster.rgba);
    p.pixel_to_map = compose(cal.matrix, drawn.pixel_to_drawing);
    return p;
}

/// A raster plan's pixels; the calibration was fitted on the stored raster's pixels, so a raster
/// decoded at another size (a PDF page at another DPI) is scaled back onto them.
print::PackPlan raster_plan(const store::Workspace& ws, const store::PlanInfo& plan,
                            const store::PlanCalibrationRecord& cal) {
    const auto bytes = ws.plan_bytes(plan.id);
    io::PlanRaster raster = io::read_plan_raster(bytes, plan.file_name, plan.page, plan.dpi);
    print::PackPlan p;
    p.width_px = raster.width_px;
    p.height_px = raster.height_px;
    p.rgba = std::move(raster.rgba);
    p.pixel_to_map = cal.matrix;
    if (plan.width_px > 0 && plan.height_px > 0 &&
        (p.width_px != plan.width_px || p.height_px != plan.height_px)) {
        const double sx = double(plan.width_px) / p.width_px;
        const double sy = double(plan.height_px) / p.height_px;
        for (std::size_t r = 0; r < 3; ++r) {
            p.pixel_to_map[3 * r] *= sx;
            p.pixel_to_map[3 * r + 1] *= sy;
        }
    }
    return p;
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
        print::PackPlan p;
        const bool dxf = plan.format == "dxf";
        if (dxf) {
            // The drawing's extent is not stored with the plan: read the line work to find it.
            const io::PlanDrawing drawing =
                io::read_plan_drawing(ws.plan_bytes(plan.id), plan.file_name);
            const core::Envelope outline = mapped_outline(cal->matrix, drawing.extent);
            if (outline.empty() || !outline.intersects(view))
                continue;
            p = drawn_dxf(drawing, *cal, frame);
        } else {
            const core::Envelope sheet{0, 0, double(plan.width_px), double(plan.height_px)};
            const core::Envelope outline = mapped_outline(cal->matrix, sheet);
            if (outline.empty() || !outline.intersects(view))
                continue;
            p = raster_plan(ws, plan, *cal);
        }
        char label[240];
        std::snprintf(label, sizeof label,
                      "Plan %s%s drawn through calibration %lld (%s, RMSE %.3f m)",
                      plan.name.c_str(), dxf ? " (CAD drawing: its line work)" : "",
                      static_cast<long long>(cal->id), cal->method.c_str(), cal->rmse_m);
        p.label = label;
        pack.map_notes.push_back(p.label + ".");
        pack.plans.push_back(std::move(p));
    }
    if (!plans.empty() && pack.plans.size() == before)
        pack.map_notes.push_back("No calibrated plan reaches this map.");
}

} // namespace redline::workflow
