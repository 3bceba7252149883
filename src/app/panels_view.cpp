// The panels' view of the app state, one place for the desktop loop and the UI tests, so that a
// field added to both cannot be forgotten in one of them.
#include "app/app_state.hpp"

namespace redline::app {

ui::ViewState panels_view(const AppState& state) {
    ui::ViewState vs;
    vs.scene = state.scene.get();
    vs.view = state.view;
    vs.workspace = state.workspace;
    vs.error = state.error;
    vs.search_hits = state.search_hits;
    vs.last_query = state.last_query;
    vs.reveal_confidential = state.reveal_confidential;
    vs.cases = std::span<const core::EnforcementCase>(state.cases);
    vs.selected_case = state.selected_case;
    vs.findings = std::span<const scene::Finding>(state.findings);
    vs.check_run_label = state.check_run_label;
    vs.selected_finding = state.selected_finding;
    vs.workload = std::span<const ui::WorkloadRow>(state.workload);
    vs.casework = &state.casework;
    vs.heat_points_in = state.heat_points_in;
    vs.heat_points_total = state.heat_points_total;
    vs.gistar_summary = state.gistar_summary;
    vs.dashboard = state.dashboard ? &*state.dashboard : nullptr;
    return vs;
}

} // namespace redline::app
