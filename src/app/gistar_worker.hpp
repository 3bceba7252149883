#pragma once

#include "core/date.hpp"
#include "core/progress.hpp"
#include "scene/gistar_layer.hpp"

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace redline::app {

/// A finished Gi* run for the map: one built layer per confidence class and a one-line summary.
struct GistarOutcome {
    std::vector<scene::MapLayer> layers; ///< scene::gistar_class_layers
    std::string summary; ///< "Gi* on 1,406 hex cells (150 m, band 600 m): 31 hot, 0 cold; ..."
};

/// Aggregate `points` (EPSG:27700) to cells and run analysis::getis_ord_gistar on them, as
/// `redline-cli hotspot --method gistar` does, then split the result into styled class layers.
/// Blocking: call on a worker. Throws core::UsageError (no points, bad cell or band, under two
/// cells), core::Cancelled when `progress` asks to stop.
GistarOutcome compute_gistar(const std::vector<core::Coord>& points,
                             const scene::GistarSettings& settings, const core::Date& today,
                             const core::ProgressFn& progress = {});

struct AppState;

/// The points a Gi* request counts: the scene's complaints under its filter (UI thread).
std::vector<core::Coord> gistar_points(const AppState& state, const scene::GistarSettings& s);
/// Put a finished run on the map as the Gi* layers and its summary in the Hotspots tab (UI
/// thread).
void apply_gistar(AppState& state, GistarOutcome outcome);
/// Carry out state.gistar_request at once, blocking: for the headless screenshot and tests. A
/// failure goes to state.gistar_summary and state.error.
void run_gistar_now(AppState& state, const core::Date& today);

/// compute_gistar on a worker thread, so the window keeps drawing. Poll progress() and done()
/// from the UI thread, then take(); the destructor asks the worker to stop and joins it.
class GistarJob {
public:
    GistarJob(std::vector<core::Coord> points, scene::GistarSettings settings, core::Date today);
    ~GistarJob();
    GistarJob(const GistarJob&) = delete;
    GistarJob& operator=(const GistarJob&) = delete;

    std::pair<double, std::string> progress() const;
    bool done() const { return m_done.load(); }
    /// After done(): the outcome; error() says why when it has no layers.
    GistarOutcome take();
    std::string error() const;

private:
    mutable std::mutex m_mutex;
    double m_fraction = 0;
    std::string m_stage = "Gi*: counting complaints in cells";
    GistarOutcome m_outcome;
    std::string m_error;
    std::atomic<bool> m_done{false};
    std::atomic<bool> m_cancel{false};
    std::thread m_thread;
};

} // namespace redline::app
