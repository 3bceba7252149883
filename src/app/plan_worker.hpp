#pragma once
// The plan tools' worker thread (issue #5): reads the workspace's plans and a plan's pixels, and
// saves calibrations and measurements, one job at a time, so that the window never waits for the
// database or a PDF rasteriser.

#include "app/app_state.hpp"
#include "scene/plan_overlay.hpp"
#include "store/plans.hpp"
#include "ui/plan_view.hpp"

#include <array>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace redline::app {

/// A plan read for the viewer: its record, its pixels (downsampled to at most
/// k_max_plan_texture_px a side; a DXF drawn at that size) and its current calibration.
struct LoadedPlan {
    store::PlanInfo info;
    std::shared_ptr<const scene::PlanImage> image;
    /// The image's extent in image units (scene::PlanOverlay): a raster's own pixel size (the
    /// texture may be smaller), a DXF's rasterised size.
    double width = 0, height = 0;
    /// Image units -> plan units (scene::PlanOverlay::image_to_plan): identity for rasters, the
    /// rasteriser's pixel -> drawing-unit affine for a DXF.
    std::array<double, 9> image_to_plan{1, 0, 0, 0, 1, 0, 0, 0, 1};
    std::optional<store::PlanCalibrationRecord> calibration;
};

/// The largest side of a plan texture; larger plans are box-filtered down by a whole factor.
inline constexpr int k_max_plan_texture_px = 4096;
/// A DXF's lines in its texture, in image pixels: wide enough to stay visible when the plan is
/// zoomed out and mipmapped (a 1 px line fades to a faint grey a few levels down).
inline constexpr double k_plan_line_width_px = 3.0;

/// The workspace's plans as the Plans tab lists them. Blocking; throws core::Error.
std::vector<ui::PlanRow> list_plans(const std::filesystem::path& workspace);
/// Read plan `id`: a raster through io::read_plan_raster, a DXF's line work drawn by
/// io::rasterise_plan_drawing (its calibration stays in drawing units). Blocking; throws
/// core::Error.
LoadedPlan load_plan(const std::filesystem::path& workspace, std::int64_t id);

/// A saved measurement by id. Blocking; throws StoreError when there is none.
store::MeasurementRecord load_measurement(const std::filesystem::path& workspace, std::int64_t id);

/// Show a loaded plan in `state` (its overlay, saved calibration and control points).
void show_loaded_plan(AppState& state, LoadedPlan plan);

/// The layer traced footprints go to, as the CLI's default (`plan trace --layer`).
inline constexpr const char* k_traced_layer = "approved_footprint";

/// One job at a time on its own thread; results are taken with poll() on the UI thread.
class PlanWorker {
public:
    struct Result {
        enum class Kind {
            List,
            Load,
            CalibrationSaved,
            MeasurementSaved,
            TraceSaved
        } kind = Kind::List;
        std::string workspace;
        std::string error; ///< non-empty: the job failed with this message
        std::vector<ui::PlanRow> rows;
        std::optional<LoadedPlan> plan;
        std::int64_t saved_id = 0;
        std::int64_t plan_id = 0; ///< Load: the plan asked for
    };

    PlanWorker();
    ~PlanWorker();
    PlanWorker(const PlanWorker&) = delete;
    PlanWorker& operator=(const PlanWorker&) = delete;

    void list(std::string workspace);
    void load(std::string workspace, std::int64_t id);
    void save_calibration(std::string workspace, store::PlanCalibrationRecord record);
    void save_measurement(std::string workspace, store::MeasurementRecord record);
    /// Add a footprint traced on a plan to the `k_traced_layer` layer (approved footprints) for
    /// `application`, as `redline-cli plan trace` does: one audited transaction.
    void save_trace(std::string workspace, std::string application, core::Polygon footprint,
                    std::int64_t plan_id, std::int64_t calibration_id);
    /// Finished jobs since the last poll, in order.
    std::vector<Result> poll();
    bool busy() const;

private:
    void post(std::function<Result()> job);
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<Result()>> m_jobs;
    std::vector<Result> m_results;
    bool m_running = false;
    bool m_stop = false;
    std::thread m_thread;
};

/// Feed the worker with the state's requests and apply its results (UI thread, every frame).
void update_plans(AppState& state, PlanWorker& worker);

} // namespace redline::app
