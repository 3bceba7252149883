#include "app/workspace_loader.hpp"

#include "app/workload_loader.hpp"

#include "core/error.hpp"
#include "scene/complaint_layer.hpp"
#include "store/check_runs.hpp"
#include "store/workspace.hpp"

#include <algorithm>
#include <cstdlib>

namespace redline::app {
namespace {

std::string user_name() {
    const char* u = std::getenv("USER");
    return u && *u ? u : "redline-viewer";
}

} // namespace

std::unique_ptr<scene::Scene> load_scene(const std::filesystem::path& workspace,
                                         const core::ProgressFn& progress,
                                         const std::optional<std::vector<std::string>>& only) {
    core::report_progress(progress, 0.0, "opening");
    store::Workspace ws = store::Workspace::open(workspace, user_name());
    auto wanted = [&](const std::string& name) {
        return !only || std::find(only->begin(), only->end(), name) != only->end();
    };
    auto scene = std::make_unique<scene::Scene>();
    const auto infos = ws.layers();
    std::size_t done = 0;
    for (const store::LayerInfo& info : infos) {
        ++done;
        // Complaints live in their own table (with confidential fields); drawn from there below.
        if (info.role == core::Role::Complaint || !wanted(info.name))
            continue;
        core::report_progress(progress, 0.6 * double(done) / double(infos.size() + 1),
                              "reading " + info.name);
        scene->add_layer({ws.read_layer(info.name), info.role});
    }
    if (wanted("complaints")) {
        auto complaints = ws.complaints();
        if (!complaints.empty())
            scene->add_layer({scene::complaint_layer(complaints), core::Role::Complaint});
    }
    scene->build([&](double f, std::string_view stage) {
        return !progress || progress(0.6 + 0.4 * f, stage);
    });
    return scene;
}

std::vector<core::EnforcementCase> load_cases(const std::filesystem::path& workspace) {
    return store::Workspace::open(workspace, user_name()).cases();
}

CheckRunView load_latest_check_run(const std::filesystem::path& workspace) {
    const store::Workspace ws = store::Workspace::open(workspace, user_name());
    CheckRunView view;
    const auto run = ws.latest_check_run();
    if (!run)
        return view;
    for (store::FindingRecord& r : ws.findings(run->id)) {
        scene::Finding f;
        f.id = r.id;
        f.code = std::move(r.code);
        f.severity = std::move(r.severity);
        f.development_id = std::move(r.development_id);
        f.applications = std::move(r.applications);
        f.uprn = std::move(r.uprn);
        f.complaints = std::move(r.complaints);
        f.value = r.value;
        f.limit = r.limit;
        f.unit = std::move(r.unit);
        f.explanation = std::move(r.explanation);
        f.provision = std::move(r.provision);
        f.annotation_text = std::move(r.annotation_text);
        f.geometry = std::move(r.geometry);
        f.annotation = std::move(r.annotation);
        view.findings.push_back(std::move(f));
    }
    view.label = "Check run " + std::to_string(run->id) + " of " + run->run_at.substr(0, 10) +
                 " (as of " + run->as_of + "): " + std::to_string(view.findings.size()) +
                 " findings";
    return view;
}

BackgroundLoad::BackgroundLoad(std::filesystem::path workspace)
    : m_workspace(std::move(workspace)) {
    m_thread = std::thread([this] {
        try {
            auto scene = load_scene(m_workspace, [this](double f, std::string_view stage) {
                std::lock_guard lock(m_mutex);
                m_fraction = f;
                m_stage = std::string(stage);
                return !m_cancel.load();
            });
            auto cases = load_cases(m_workspace);
            auto run = load_latest_check_run(m_workspace);
            // A workload problem (say, no bank-holiday table) must not stop the map opening.
            std::vector<ui::WorkloadRow> workload;
            try {
                workload = load_workload(m_workspace, core::Date::today());
            } catch (const std::exception&) {
            }
            std::lock_guard lock(m_mutex);
            m_workload = std::move(workload);
            m_check_run = std::move(run);
            m_result = std::move(scene);
            m_cases = std::move(cases);
        } catch (const std::exception& e) {
            std::lock_guard lock(m_mutex);
            m_error = e.what();
        }
        m_done = true;
    });
}

BackgroundLoad::~BackgroundLoad() {
    m_cancel = true;
    if (m_thread.joinable())
        m_thread.join();
}

std::pair<double, std::string> BackgroundLoad::progress() const {
    std::lock_guard lock(m_mutex);
    return {m_fraction, m_stage};
}

std::unique_ptr<scene::Scene> BackgroundLoad::take() {
    std::lock_guard lock(m_mutex);
    return std::move(m_result);
}

std::vector<core::EnforcementCase> BackgroundLoad::take_cases() {
    std::lock_guard lock(m_mutex);
    return std::move(m_cases);
}

std::vector<ui::WorkloadRow> BackgroundLoad::take_workload() {
    std::lock_guard lock(m_mutex);
    return std::move(m_workload);
}

CheckRunView BackgroundLoad::take_check_run() {
    std::lock_guard lock(m_mutex);
    return std::move(m_check_run);
}

std::string BackgroundLoad::error() const {
    std::lock_guard lock(m_mutex);
    return m_error;
}

} // namespace redline::app
