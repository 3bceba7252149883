#include "app/gistar_worker.hpp"

#include "analysis/gistar.hpp"
#include "analysis/hotspot_sites.hpp"
#include "app/app_state.hpp"

#include <cstdio>

namespace redline::app {
namespace {

/// The error of a Gi* run as the status bar shows it, named once ("Gi*: ..." unless the
/// analysis already says so).
std::string gistar_error(const std::exception& e) {
    const std::string what = e.what();
    return what.rfind("Gi*", 0) == 0 ? what : "Gi*: " + what;
}

} // namespace

GistarOutcome compute_gistar(const std::vector<core::Coord>& points,
                             const scene::GistarSettings& settings, const core::Date& today,
                             const core::ProgressFn& progress) {
    std::vector<analysis::WeightedPoint> weighted;
    weighted.reserve(points.size());
    for (const core::Coord& c : points)
        weighted.push_back({c, 1.0});
    // Counting takes the first fifth of the bar, the statistic most of the rest.
    auto part = [&](double lo, double hi) -> core::ProgressFn {
        return [&progress, lo, hi](double f, std::string_view stage) {
            return !progress || progress(lo + (hi - lo) * f, stage);
        };
    };
    const auto shape = settings.hex ? analysis::CellShape::Hex : analysis::CellShape::Square;
    const analysis::HotspotSites sites =
        analysis::aggregate_to_cells(weighted, shape, settings.cell_m, part(0.0, 0.2));
    analysis::GiStarParams params;
    params.band_m = settings.band_m;
    params.fdr = settings.fdr;
    const auto results =
        analysis::getis_ord_gistar(sites.centres, sites.values, params, part(0.2, 0.9));
    core::report_progress(progress, 0.9, "Gi*: building the cell layers");
    const core::LayerData layer = analysis::gistar_layer(sites, results, "gistar");
    GistarOutcome out;
    out.layers = scene::gistar_class_layers(layer, today);
    std::size_t hot = 0, cold = 0;
    for (const analysis::GiStarResult& r : results) {
        if (r.confidence_class > 0)
            ++hot;
        else if (r.confidence_class < 0)
            ++cold;
    }
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "Gi* on %zu %s cells (%.0f m, band %.0f m%s) of %zu complaints: %zu hot, %zu "
                  "cold cells at 90%% or more",
                  sites.size(), settings.hex ? "hex" : "square", settings.cell_m, settings.band_m,
                  settings.fdr ? ", FDR" : "", sites.points_used, hot, cold);
    out.summary = buf;
    core::report_progress(progress, 1.0, "Gi*: done");
    return out;
}

std::vector<core::Coord> gistar_points(const AppState& state, const scene::GistarSettings& s) {
    if (!state.scene)
        return {};
    return scene::select_heat_points(*state.scene, s.filter).points;
}

void apply_gistar(AppState& state, GistarOutcome outcome) {
    if (!state.scene)
        return;
    scene::replace_gistar_layers(*state.scene, std::move(outcome.layers));
    state.gistar_summary = std::move(outcome.summary);
}

void run_gistar_now(AppState& state, const core::Date& today) {
    if (!state.gistar_request)
        return;
    const scene::GistarSettings settings = *state.gistar_request;
    state.gistar_request.reset();
    try {
        apply_gistar(state, compute_gistar(gistar_points(state, settings), settings, today));
    } catch (const std::exception& e) {
        state.gistar_summary = state.error = gistar_error(e);
    }
}

GistarJob::GistarJob(std::vector<core::Coord> points, scene::GistarSettings settings,
                     core::Date today) {
    m_thread = std::thread([this, points = std::move(points), settings, today] {
        try {
            GistarOutcome out =
                compute_gistar(points, settings, today, [this](double f, std::string_view stage) {
                    std::lock_guard lock(m_mutex);
                    m_fraction = f;
                    m_stage = std::string(stage);
                    return !m_cancel.load();
                });
            std::lock_guard lock(m_mutex);
            m_outcome = std::move(out);
        } catch (const std::exception& e) {
            std::lock_guard lock(m_mutex);
            m_error = gistar_error(e);
        }
        m_done = true;
    });
}

GistarJob::~GistarJob() {
    m_cancel = true;
    if (m_thread.joinable())
        m_thread.join();
}

std::pair<double, std::string> GistarJob::progress() const {
    std::lock_guard lock(m_mutex);
    return {m_fraction, m_stage};
}

GistarOutcome GistarJob::take() {
    std::lock_guard lock(m_mutex);
    return std::move(m_outcome);
}

std::string GistarJob::error() const {
    std::lock_guard lock(m_mutex);
    return m_error;
}

} // namespace redline::app
