#pragma once
// The viewer's casework writes and exports (issues #7, #8): record a stage, write an evidence
// pack, add or import complaints, merge duplicates, export the workload. Each is the workflow
// module's function that the CLI calls too, run on a worker thread so that the window never
// blocks; the UI thread starts a job and later applies its result.

#include "app/app_state.hpp"
#include "core/progress.hpp"

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace redline::app {

/// Carry out a casework action on the UI thread: open or close a form, start placing a
/// complaint, place it. A write or export becomes `state.casework_request` (refused with a
/// message while another runs). Never throws.
void execute_casework(AppState& state, const ui::Action& action);

/// What a casework job did, for the UI thread.
struct CaseworkResult {
    bool ok = false;
    std::string message; ///< what was done, or why nothing was written (file, case, field)
    std::vector<ui::DuplicateOffer> duplicates; ///< offered for merging after an intake
    bool complaints_changed = false;            ///< the map's complaint layer is out of date
    std::string select_case; ///< the case to show in the inspector (joined or opened), or ""
    bool refreshed = false;  ///< cases and workload below are current
    std::vector<core::EnforcementCase> cases;
    std::vector<ui::WorkloadRow> workload;
};

/// The audit log's user for the viewer's writes: $REDLINE_USER, else $USER, else
/// "redline-viewer" (as the CLI's current_user()).
std::string viewer_user();

/// Run one request (RecordCaseStage, ExportEvidencePack, AddComplaint, ImportComplaintsCsv,
/// MergeComplaints, ExportWorkloadCsv) against the workspace file. Blocking: the body of a
/// worker. Never throws: a refusal or failure is a result with ok == false and nothing written.
CaseworkResult run_casework(const std::filesystem::path& workspace, const ui::Action& request,
                            const core::ProgressFn& progress = {});

/// run_casework on a worker thread. Poll done() from the UI thread, then take(); the destructor
/// joins (a write is short and is never abandoned half-way: a transaction commits or not).
class CaseworkJob {
public:
    CaseworkJob(std::filesystem::path workspace, ui::Action request);
    ~CaseworkJob();
    CaseworkJob(const CaseworkJob&) = delete;
    CaseworkJob& operator=(const CaseworkJob&) = delete;

    bool done() const { return m_done.load(); }
    /// Fraction done and the current stage, for the progress bar.
    std::pair<double, std::string> progress() const;
    /// After done(): the result.
    CaseworkResult take();

private:
    mutable std::mutex m_mutex;
    double m_fraction = 0;
    std::string m_stage = "starting";
    CaseworkResult m_result;
    std::atomic<bool> m_done{false};
    std::thread m_thread;
};

/// Start a worker for `state.casework_request` when one is waiting and none is running.
void start_casework(AppState& state, std::unique_ptr<CaseworkJob>& job);
/// When the job has finished: apply its result (message, refreshed cases and workload,
/// duplicates, the case a complaint joined or opened selected; the form closes on success and
/// keeps the reason on failure), ask for the scene
/// to be read again when complaints changed, and drop the job.
void finish_casework(AppState& state, std::unique_ptr<CaseworkJob>& job);

} // namespace redline::app
