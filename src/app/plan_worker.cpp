#include "app/plan_worker.hpp"

#include "app/plan_records.hpp"
#include "core/error.hpp"
#include "io/plan_drawing_raster.hpp"
#include "io/plan_reader.hpp"
#include "store/workspace.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <utility>

namespace redline::app {
namespace {

std::string user_name() {
    const char* u = std::getenv("USER");
    return u && *u ? u : "redline-viewer";
}

/// Box-filter an RGBA image down by a whole factor so that no side exceeds `max_px`.
std::shared_ptr<const scene::PlanImage> to_texture_size(io::PlanRaster raster, int max_px) {
    auto img = std::make_shared<scene::PlanImage>();
    const int f = std::max(1, (std::max(raster.width_px, raster.height_px) + max_px - 1) / max_px);
    if (f == 1) {
        img->width_px = raster.width_px;
        img->height_px = raster.height_px;
        img->rgba = std::move(raster.rgba);
        return img;
    }
    img->width_px = raster.width_px / f;
    img->height_px = raster.height_px / f;
    img->rgba.resize(std::size_t(img->width_px) * img->height_px * 4);
    for (int y = 0; y < img->height_px; ++y)
        for (int x = 0; x < img->width_px; ++x)
            for (int c = 0; c < 4; ++c) {
                unsigned sum = 0;
                for (int dy = 0; dy < f; ++dy)
                    for (int dx = 0; dx < f; ++dx)
                        sum +=
                            raster
                                .rgba[(std::size_t(y * f + dy) * raster.width_px + x * f + dx) * 4 +
                                      c];
                img->rgba[(std::size_t(y) * img->width_px + x) * 4 + c] =
                    static_cast<std::uint8_t>(sum / unsigned(f * f));
            }
    return img;
}

std::string calibration_text(const store::PlanCalibrationRecord& c) {
    char buf[128];
    std::snprintf(buf, sizeof buf, "%s, RMSE %.3f m", c.method.c_str(), c.rmse_m);
    return buf;
}

} // namespace

std::vector<ui::PlanRow> list_plans(const std::filesystem::path& workspace) {
    const auto ws = store::Workspace::open(workspace, user_name());
    std::vector<ui::PlanRow> rows;
    for (const store::PlanInfo& p : ws.plans()) {
        ui::PlanRow r;
        r.id = p.id;
        r.name = p.name;
        r.sha256_prefix = p.sha256.substr(0, 12);
        r.format = p.format;
        const auto cal = ws.current_calibration(p.id);
        r.calibration = cal ? calibration_text(*cal) : "not calibrated";
        rows.push_back(std::move(r));
    }
    return rows;
}

LoadedPlan load_plan(const std::filesystem::path& workspace, std::int64_t id) {
    const auto ws = store::Workspace::open(workspace, user_name());
    LoadedPlan out;
    const auto info = ws.plan(id);
    if (!info)
        throw core::StoreError("plan " + std::to_string(id) + " is not in the workspace");
    out.info = *info;
    const auto bytes = ws.plan_bytes(id);
    if (info->format == "dxf") {
        // Line work in drawing units, drawn into a texture-sized image: the calibration, control
        // points and measurements stay in drawing units; only the image goes through the affine.
        io::DrawingRasterStyle style;
        style.max_side_px = k_max_plan_texture_px;
        style.line_width_px = k_plan_line_width_px;
        io::DrawingRaster drawn =
            io::rasterise_plan_drawing(io::read_plan_drawing(bytes, info->file_name), style);
        out.width = drawn.raster.width_px;
        out.height = drawn.raster.height_px;
        out.image_to_plan = drawn.pixel_to_drawing;
        auto image = std::make_shared<scene::PlanImage>();
        image->width_px = drawn.raster.width_px;
        image->height_px = drawn.raster.height_px;
        image->rgba = std::move(drawn.raster.rgba);
        image->line_art = true;
        out.image = std::move(image);
    } else {
        out.width = info->width_px;
        out.height = info->height_px;
        out.image =
            to_texture_size(io::read_plan_raster(bytes, info->file_name, info->page, info->dpi),
                            k_max_plan_texture_px);
    }
    out.calibration = ws.current_calibration(id);
    return out;
}

store::MeasurementRecord load_measurement(const std::filesystem::path& workspace, std::int64_t id) {
    const auto ws = store::Workspace::open(workspace, user_name());
    for (store::MeasurementRecord& m : ws.measurements())
        if (m.id == id)
            return std::move(m);
    throw core::StoreError("measurement " + std::to_string(id) + " is not in the workspace");
}

PlanWorker::PlanWorker() {
    m_thread = std::thread([this] {
        for (;;) {
            std::function<Result()> job;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [&] { return m_stop || !m_jobs.empty(); });
                if (m_stop)
                    return;
                job = std::move(m_jobs.front());
                m_jobs.pop_front();
                m_running = true;
            }
            Result r = job();
            std::lock_guard lock(m_mutex);
            m_results.push_back(std::move(r));
            m_running = false;
        }
    });
}

PlanWorker::~PlanWorker() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void PlanWorker::post(std::function<Result()> job) {
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
}

/// Run `body` for a result of `kind`, turning an exception into the result's error.
template <class F>
PlanWorker::Result guarded(PlanWorker::Result::Kind kind, std::string ws, F body) {
    PlanWorker::Result r;
    r.kind = kind;
    r.workspace = std::move(ws);
    try {
        body(r);
    } catch (const std::exception& e) {
        r.error = e.what();
    }
    return r;
}

void PlanWorker::list(std::string workspace) {
    post([workspace] {
        return guarded(Result::Kind::List, workspace,
                       [&](Result& r) { r.rows = list_plans(workspace); });
    });
}

void PlanWorker::load(std::string workspace, std::int64_t id) {
    post([workspace, id] {
        return guarded(Result::Kind::Load, workspace, [&](Result& r) {
            r.plan_id = id;
            r.plan = load_plan(workspace, id);
        });
    });
}

void PlanWorker::save_calibration(std::string workspace, store::PlanCalibrationRecord record) {
    post([workspace, record] {
        return guarded(Result::Kind::CalibrationSaved, workspace, [&](Result& r) {
            // One transaction with its audit entry ("plan-calibrate"), as the CLI writes it.
            auto ws = store::Workspace::open(workspace, user_name());
            r.saved_id = ws.add_plan_calibration(record);
        });
    });
}

void PlanWorker::save_measurement(std::string workspace, store::MeasurementRecord record) {
    post([workspace, record] {
        return guarded(Result::Kind::MeasurementSaved, workspace, [&](Result& r) {
            auto ws = store::Workspace::open(workspace, user_name());
            r.saved_id = ws.save_measurement(record);
        });
    });
}

void PlanWorker::save_trace(std::string workspace, std::string application, core::Polygon footprint,
                            std::int64_t plan_id, std::int64_t calibration_id) {
    post([workspace, application, footprint, plan_id, calibration_id] {
        return guarded(Result::Kind::TraceSaved, workspace, [&](Result& r) {
            auto ws = store::Workspace::open(workspace, user_name());
            r.saved_id = ws.add_traced_footprint(k_traced_layer, application, footprint, plan_id,
                                                 calibration_id);
        });
    });
}

std::vector<PlanWorker::Result> PlanWorker::poll() {
    std::lock_guard lock(m_mutex);
    return std::exchange(m_results, {});
}

bool PlanWorker::busy() const {
    std::lock_guard lock(m_mutex);
    return m_running || !m_jobs.empty();
}

} // namespace redline::app
