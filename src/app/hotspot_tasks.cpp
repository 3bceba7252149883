#include "app/hotspot_tasks.hpp"

#include "app/dashboard_loader.hpp"

#include <chrono>

namespace redline::app {

void HotspotTasks::on_loaded(AppState& state, const std::filesystem::path& workspace,
                             const core::Date& as_of) {
    m_gistar.reset(); // a run over the previous workspace's complaints
    state.gistar_summary.clear();
    refresh_heat_count(state);
    state.dashboard.reset();
    m_dashboard = std::async(std::launch::async, load_dashboard, workspace, as_of);
}

void HotspotTasks::update(AppState& state) {
    if (state.gistar_request && state.scene) {
        // The points are copied here, on the UI thread, so the worker never reads the scene.
        const scene::GistarSettings settings = *state.gistar_request;
        state.gistar_request.reset();
        m_gistar.reset(); // a run still going is cancelled: only the latest settings count
        m_gistar = std::make_unique<GistarJob>(gistar_points(state, settings), settings,
                                               state.scene->reference_date);
    }
    if (m_gistar && m_gistar->done()) {
        if (const std::string error = m_gistar->error(); !error.empty())
            state.gistar_summary = state.error = error;
        else
            apply_gistar(state, m_gistar->take());
        m_gistar.reset();
    }
    if (state.dashboard_request && !state.workspace.empty() && !m_dashboard.valid()) {
        m_dashboard = std::async(std::launch::async, load_dashboard,
                                 std::filesystem::path(state.workspace), *state.dashboard_request);
        state.dashboard_request.reset();
    }
    if (m_dashboard.valid() &&
        m_dashboard.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        try {
            state.dashboard = m_dashboard.get();
        } catch (const std::exception& e) {
            state.error = std::string("Dashboard: ") + e.what();
        }
    }
}

bool HotspotTasks::busy() const {
    return m_gistar != nullptr || m_dashboard.valid();
}

std::optional<ui::TaskProgress> HotspotTasks::progress() const {
    if (!m_gistar)
        return std::nullopt;
    auto [fraction, stage] = m_gistar->progress();
    return ui::TaskProgress{stage, fraction};
}

} // namespace redline::app
