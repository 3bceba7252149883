#include "app/casework_jobs.hpp"

#include "store/case_stages.hpp"

#include <type_traits>

namespace redline::app {

CaseworkJob::CaseworkJob(std::filesystem::path workspace, ui::Action request) {
    m_thread = std::thread([this, path = std::move(workspace), req = std::move(request)] {
        CaseworkResult r = run_casework(path, req, [this](double f, std::string_view stage) {
            std::lock_guard lock(m_mutex);
            m_fraction = f;
            m_stage = std::string(stage);
            return true;
        });
        {
            std::lock_guard lock(m_mutex);
            m_result = std::move(r);
        }
        m_done = true;
    });
}

CaseworkJob::~CaseworkJob() {
    if (m_thread.joinable())
        m_thread.join();
}

std::pair<double, std::string> CaseworkJob::progress() const {
    std::lock_guard lock(m_mutex);
    return {m_fraction, m_stage};
}

CaseworkResult CaseworkJob::take() {
    std::lock_guard lock(m_mutex);
    return std::move(m_result);
}

void execute_casework(AppState& state, const ui::Action& action) {
    ui::CaseworkView& cw = state.casework;
    std::visit(
        [&](const auto& a) {
            using T = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<T, ui::OpenCaseForm>) {
                cw.form = a.form;
                cw.form_case = a.case_reference;
                cw.error.clear();
                cw.picking_complaint = false;
                // The names the store accepts, so that the form offers what the CLI accepts.
                cw.stage_names = store::case_stage_names();
                cw.notice_names = store::notice_kind_names();
                cw.outcome_names = store::case_outcome_names();
                cw.breach_type_names = store::breach_type_names();
            } else if constexpr (std::is_same_v<T, ui::CloseCaseForm>) {
                cw.form = ui::CaseForm::None;
                cw.error.clear();
                cw.duplicates.clear();
                cw.message.clear();
                cw.complaint_at.reset();
            } else if constexpr (std::is_same_v<T, ui::StartComplaintPick>) {
                cw.form = ui::CaseForm::None;
                cw.picking_complaint = true;
            } else if constexpr (std::is_same_v<T, ui::PlaceComplaint>) {
                cw.picking_complaint = false;
                cw.complaint_at = a.at;
                cw.form = ui::CaseForm::Complaint;
                cw.form_case.clear();
                cw.error.clear();
                cw.breach_type_names = store::breach_type_names(); // for "Open a new case"
            } else if constexpr (std::is_same_v<T, ui::RecordCaseStage> ||
                                 std::is_same_v<T, ui::ExportEvidencePack> ||
                                 std::is_same_v<T, ui::AddComplaint> ||
                                 std::is_same_v<T, ui::ImportComplaintsCsv> ||
                                 std::is_same_v<T, ui::MergeComplaints> ||
                                 std::is_same_v<T, ui::ExportWorkloadCsv> ||
                                 std::is_same_v<T, ui::RunBreachCheck>) {
                if (cw.busy || state.casework_request) {
                    cw.error = "another casework task is still running";
                    return;
                }
                if (state.workspace.empty()) {
                    cw.error = "no workspace is open";
                    return;
                }
                cw.error.clear();
                state.casework_request = action;
                // The pack shows the basemaps the officer sees: the visible ones, bottom first,
                // at their opacity. They belong to the session, so the app adds them here.
                if constexpr (std::is_same_v<T, ui::ExportEvidencePack>) {
                    auto& pack = std::get<ui::ExportEvidencePack>(*state.casework_request);
                    pack.basemaps.clear();
                    if (state.scene)
                        for (const scene::Basemap& b : state.scene->basemaps())
                            if (b.visible)
                                pack.basemaps.push_back({b.path(), b.opacity});
                }
            }
        },
        action);
}

void start_casework(AppState& state, std::unique_ptr<CaseworkJob>& job) {
    if (job || !state.casework_request)
        return;
    job = std::make_unique<CaseworkJob>(state.workspace, std::move(*state.casework_request));
    state.casework_request.reset();
    state.casework.busy = true;
}

void finish_casework(AppState& state, std::unique_ptr<CaseworkJob>& job) {
    if (!job || !job->done())
        return;
    CaseworkResult r = job->take();
    job.reset();
    ui::CaseworkView& cw = state.casework;
    cw.busy = false;
    if (!r.ok) {
        // Shown in the form that asked, which stays open so the officer can correct it.
        cw.error = r.message;
        if (cw.form == ui::CaseForm::None)
            state.error = r.message;
        return;
    }
    cw.error.clear();
    cw.message = r.message;
    cw.form = ui::CaseForm::None;
    cw.complaint_at.reset();
    cw.duplicates = std::move(r.duplicates);
    if (r.refreshed) {
        state.cases = std::move(r.cases);
        state.workload = std::move(r.workload);
    }
    // The case a complaint joined or opened becomes the inspector's, and the Complaints & cases
    // tab highlights it; the reload below keeps the selection and the officer's view.
    if (!r.select_case.empty())
        state.selected_case = r.select_case;
    if (r.complaints_changed && !state.workspace.empty()) {
        state.open_request = state.workspace;
        state.reload_keeps_view = true;
    }
}

} // namespace redline::app
