#pragma once

#include "app/app_state.hpp"
#include "app/gistar_worker.hpp"
#include "core/date.hpp"
#include "ui/dashboard_view.hpp"

#include <filesystem>
#include <future>
#include <memory>
#include <optional>

namespace redline::app {

/// The Hotspots tab's and the Dashboard tab's background work for the desktop window: the Gi*
/// worker and the dashboard's reading of the workspace. UI thread only; the work itself runs on
/// worker threads, so a frame never waits for it.
class HotspotTasks {
public:
    /// A workspace finished loading: count the heat points and start computing its dashboard as
    /// of `as_of`.
    void on_loaded(AppState& state, const std::filesystem::path& workspace,
                   const core::Date& as_of);
    /// Start a requested Gi* run (replacing one still running), and hand over what finished.
    void update(AppState& state);
    /// True while a Gi* run or the dashboard is being computed.
    bool busy() const;
    /// The Gi* run's progress for the status bar, when one is running.
    std::optional<ui::TaskProgress> progress() const;

private:
    std::unique_ptr<GistarJob> m_gistar;
    std::future<ui::DashboardView> m_dashboard;
};

} // namespace redline::app
