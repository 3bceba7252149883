#pragma once

#include "core/progress.hpp"
#include "core/records.hpp"
#include "scene/scene.hpp"
#include "ui/view_state.hpp"

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace redline::app {

/// Open a workspace and build its scene: every layer read (EPSG:27700), the complaints as a point
/// layer, every polygon triangulated. Blocking; throws core::Error (StoreError, Cancelled, ...).
/// `only_layers`, when set, loads just those layers (names), in any order.
std::unique_ptr<scene::Scene>
load_scene(const std::filesystem::path& workspace, const core::ProgressFn& progress = {},
           const std::optional<std::vector<std::string>>& only_layers = std::nullopt);

/// The workspace's enforcement cases (for the Complaints & cases tab). Blocking; throws
/// core::StoreError.
std::vector<core::EnforcementCase> load_cases(const std::filesystem::path& workspace);

/// The latest breach check run of a workspace, as the viewer shows it.
struct CheckRunView {
    std::string label; ///< "Check run 3 of 2026-11-27 (as of 2026-11-01): 9 findings"; empty: none
    std::vector<scene::Finding> findings;
};
/// Read the latest check run and its findings. Blocking; throws core::StoreError.
CheckRunView load_latest_check_run(const std::filesystem::path& workspace);

/// load_scene on a worker thread, so that the window never blocks. Poll from the UI thread with
/// progress() and take(); the destructor asks the worker to stop and joins it.
class BackgroundLoad {
public:
    explicit BackgroundLoad(std::filesystem::path workspace);
    ~BackgroundLoad();
    BackgroundLoad(const BackgroundLoad&) = delete;
    BackgroundLoad& operator=(const BackgroundLoad&) = delete;

    const std::filesystem::path& workspace() const { return m_workspace; }
    /// Fraction done and the current stage, for the progress bar.
    std::pair<double, std::string> progress() const;
    bool done() const { return m_done.load(); }
    /// After done(): the scene, or nullptr with error() set.
    std::unique_ptr<scene::Scene> take();
    std::string error() const;
    /// After done(): the cases read with the scene.
    std::vector<core::EnforcementCase> take_cases();
    CheckRunView take_check_run();
    std::vector<ui::WorkloadRow> take_workload();

private:
    std::filesystem::path m_workspace;
    mutable std::mutex m_mutex;
    double m_fraction = 0;
    std::string m_stage = "opening";
    std::unique_ptr<scene::Scene> m_result;
    std::vector<core::EnforcementCase> m_cases;
    CheckRunView m_check_run;
    std::vector<ui::WorkloadRow> m_workload;
    std::string m_error;
    std::atomic<bool> m_done{false};
    std::atomic<bool> m_cancel{false};
    std::thread m_thread;
};

} // namespace redline::app
