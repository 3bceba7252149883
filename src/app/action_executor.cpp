#include "app/app_state.hpp"
#include "app/casework_jobs.hpp"

#include "scene/feature_picker.hpp"

#include <algorithm>
#include <optional>
#include <type_traits>

namespace redline::app {

double framing_metres_per_px() {
    return 1250.0 * scene::k_mm_per_inch / scene::k_default_dpi / 1000.0;
}

void select_and_frame(AppState& state, const scene::FeatureRef& ref, bool frame) {
    if (!state.scene)
        return;
    const scene::MapLayer* layer = state.scene->find(ref.layer);
    if (!layer || ref.feature >= layer->data().features.size())
        return;
    state.scene->select(ref);
    if (frame)
        state.view.fit(layer->data().features[ref.feature].geometry.envelope(), 40,
                       framing_metres_per_px());
}

namespace {

/// The first feature of a layer of `role` whose `field` equals `value`.
std::optional<scene::FeatureRef> find_by_field(const scene::Scene& s, core::Role role,
                                               const char* field, const std::string& value) {
    if (value.empty())
        return std::nullopt;
    for (const scene::MapLayer& l : s.layers()) {
        if (l.role() != role)
            continue;
        const auto idx = l.data().field_index(field);
        if (!idx)
            continue;
        for (std::size_t i = 0; i < l.data().features.size(); ++i) {
            const auto& values = l.data().features[i].values;
            if (*idx < values.size() && core::to_text(values[*idx]) == value)
                return scene::FeatureRef{l.name(), i};
        }
    }
    return std::nullopt;
}

/// Frame a case's site: the application's red line, the curtilage of its UPRN, its own point,
/// or its first complaint, in that order of precision.
void select_case(AppState& state, const std::string& reference) {
    state.selected_case = reference;
    if (!state.scene)
        return;
    const auto it = std::find_if(state.cases.begin(), state.cases.end(),
                                 [&](const auto& c) { return c.reference == reference; });
    if (it == state.cases.end())
        return;
    const scene::Scene& s = *state.scene;
    if (auto ref = find_by_field(s, core::Role::PlanningApplication, "reference",
                                 it->application_reference))
        return select_and_frame(state, *ref, true);
    if (auto ref = find_by_field(s, core::Role::Curtilage, "uprn", it->uprn))
        return select_and_frame(state, *ref, true);
    if (it->site) {
        state.scene->select(std::nullopt);
        state.view.set_centre(*it->site);
        state.view.set_metres_per_px(framing_metres_per_px());
        return;
    }
    for (const std::string& c : it->complaint_references)
        if (auto ref = find_by_field(s, core::Role::Complaint, "reference", c))
            return select_and_frame(state, *ref, true);
}

/// Frame a finding with its dimension line, and draw both over the map.
void select_finding(AppState& state, std::int64_t id) {
    const auto it = std::find_if(state.findings.begin(), state.findings.end(),
                                 [&](const auto& f) { return f.id == id; });
    if (it == state.findings.end() || !state.scene)
        return;
    state.selected_finding = id;
    state.scene->highlight_finding(*it);
    state.scene->select(std::nullopt);
    core::Envelope e = it->geometry.envelope();
    e.expand(it->annotation.envelope());
    if (!e.empty())
        state.view.fit(e, 60, framing_metres_per_px() / 2);
}

} // namespace

void refresh_heat_count(AppState& state) {
    if (!state.scene) {
        state.heat_points_in = state.heat_points_total = 0;
        return;
    }
    const scene::HeatPoints p = scene::select_heat_points(*state.scene, state.scene->heat.filter);
    state.heat_points_in = p.points.size();
    state.heat_points_total = p.considered;
}

void execute(AppState& state, const ui::Action& action) {
    if (execute_plan_action(state, action)) // plans and measure (issue #5)
        return;
    std::visit(
        [&](const auto& a) {
            using T = std::decay_t<decltype(a)>;
            scene::Scene* s = state.scene.get();
            if constexpr (std::is_same_v<T, ui::PanBy>) {
                state.view.pan_px(a.dx_px, a.dy_px);
            } else if constexpr (std::is_same_v<T, ui::ZoomAbout>) {
                state.view.zoom_about(a.anchor, a.factor);
            } else if constexpr (std::is_same_v<T, ui::SetScale>) {
                state.view.set_scale_denominator(a.denominator);
            } else if constexpr (std::is_same_v<T, ui::HoverAt>) {
                state.cursor = state.view.to_world(a.at);
            } else if constexpr (std::is_same_v<T, ui::ResizeMap>) {
                state.view.set_size(a.width_px, a.height_px);
            } else if constexpr (std::is_same_v<T, ui::IdentifyAt>) {
                if (s)
                    s->select(scene::pick_feature(*s, state.view, a.at));
            } else if constexpr (std::is_same_v<T, ui::SetVisibility>) {
                if (auto* l = s ? s->find(a.layer) : nullptr)
                    l->visible = a.visible;
            } else if constexpr (std::is_same_v<T, ui::SetOpacity>) {
                if (auto* l = s ? s->find(a.layer) : nullptr)
                    l->opacity = std::clamp(a.opacity, 0.0f, 1.0f);
            } else if constexpr (std::is_same_v<T, ui::MoveLayer>) {
                if (s)
                    s->move_layer(a.from, a.to);
            } else if constexpr (std::is_same_v<T, ui::RunSearch>) {
                state.last_query = a.query;
                state.search_hits =
                    s ? scene::search_features(*s, a.query) : decltype(state.search_hits){};
                // One hit: take the officer straight there (workflow 1, step 1).
                if (!state.search_hits.empty())
                    select_and_frame(state, state.search_hits.front().ref, true);
            } else if constexpr (std::is_same_v<T, ui::SelectFeature>) {
                select_and_frame(state, a.ref, a.frame);
            } else if constexpr (std::is_same_v<T, ui::SelectCase>) {
                select_case(state, a.reference);
            } else if constexpr (std::is_same_v<T, ui::SelectFinding>) {
                select_finding(state, a.id);
            } else if constexpr (std::is_same_v<T, ui::SetHeat>) {
                if (s) {
                    // Counting walks every complaint: only when the filter changed, not on every
                    // frame of a bandwidth drag.
                    const bool recount = !(s->heat.filter == a.heat.filter);
                    s->heat = a.heat;
                    s->heat.radius_m = std::clamp(a.heat.radius_m, 5.0, 5000.0);
                    if (recount)
                        refresh_heat_count(state);
                }
            } else if constexpr (std::is_same_v<T, ui::ClearSelection>) {
                if (s)
                    s->select(std::nullopt);
                state.casework.picking_complaint = false; // Esc also cancels placing
            } else if constexpr (std::is_same_v<T, ui::RevealConfidential>) {
                state.reveal_confidential = a.reveal;
            } else if constexpr (std::is_same_v<T, ui::OpenWorkspace>) {
                state.open_request = a.path;
            } else if constexpr (std::is_same_v<T, ui::AddBasemap>) {
                if (std::find(state.basemap_paths.begin(), state.basemap_paths.end(), a.path) ==
                    state.basemap_paths.end()) {
                    state.basemap_paths.push_back(a.path);
                    state.basemap_open_requests.push_back(a.path);
                }
            } else if constexpr (std::is_same_v<T, ui::SetBasemapVisibility>) {
                if (auto* b = s ? s->find_basemap(a.path) : nullptr)
                    b->visible = a.visible;
            } else if constexpr (std::is_same_v<T, ui::SetBasemapOpacity>) {
                if (auto* b = s ? s->find_basemap(a.path) : nullptr)
                    b->opacity = std::clamp(a.opacity, 0.0f, 1.0f);
            } else if constexpr (std::is_same_v<T, ui::ExportMapPng>) {
                state.export_request = a.path;
            } else if constexpr (std::is_same_v<T, ui::RunGistar>) {
                state.gistar_request = a.settings;
            } else if constexpr (std::is_same_v<T, ui::ClearGistar>) {
                if (s)
                    scene::replace_gistar_layers(*s, {});
                state.gistar_summary.clear();
            } else if constexpr (std::is_same_v<T, ui::SetDashboardDate>) {
                state.dashboard_request = a.as_of;
            } else if constexpr (std::is_same_v<T, ui::ExportDashboardPng>) {
                state.dashboard_export_request = a.path;
            } else if constexpr (std::is_same_v<T, ui::Quit>) {
                state.quit = true;
            } else {
                execute_casework(state, action);
            }
        },
        action);
}

} // namespace redline::app
