// The body of a casework job: one workflow call per request, the same call the CLI makes, then
// the cases and workload read again from the same connection for the panels.
#include "app/casework_jobs.hpp"

#include "app/workload_loader.hpp"
#include "core/error.hpp"
#include "store/workspace.hpp"
#include "workflow/breach_check.hpp"
#include "workflow/complaint_intake.hpp"
#include "workflow/evidence_export.hpp"
#include "workflow/stage_change.hpp"
#include "workflow/workload_export.hpp"

#include <cstdlib>
#include <type_traits>

namespace redline::app {
namespace {

std::vector<ui::DuplicateOffer> offers(const std::vector<analysis::DuplicatePair>& pairs) {
    std::vector<ui::DuplicateOffer> out;
    for (const auto& p : pairs)
        out.push_back({p.keep, p.duplicate, p.days_apart, p.same_site});
    return out;
}

std::string run(store::Workspace& ws, const ui::RecordCaseStage& a, CaseworkResult&,
                const core::ProgressFn&) {
    const workflow::StageInput in{a.stage,           a.date,   a.served,  a.effective,
                                  a.compliance_days, a.notice, a.outcome, a.note};
    const auto r = workflow::record_stage_change(ws, a.case_reference, in);
    return "Case " + a.case_reference + ": " + r.stage + " on " + r.date + " recorded.";
}

std::string run(store::Workspace& ws, const ui::ExportEvidencePack& a, CaseworkResult&,
                const core::ProgressFn& progress) {
    workflow::EvidenceRequest request{a.case_reference, a.scale,   a.paper, a.orientation,
                                      a.exhibit,        a.officer, a.date,  {}};
    // The same options the CLI's --basemap gives (with no credit: the file's own statement).
    for (const auto& b : a.basemaps)
        request.basemaps.push_back({b.path, double(b.opacity), ""});
    const auto e = workflow::export_evidence_pack(ws, workflow::parse_evidence_options(request),
                                                  a.path, progress);
    std::string msg = "Evidence pack " + e.pack.exhibit + " written to " + a.path + " (SHA-256 " +
                      e.sha256.substr(0, 16) + "..., in the audit log).";
    for (const auto& w : e.warnings)
        msg += " Warning: " + w + ".";
    return msg;
}

std::string run(store::Workspace& ws, const ui::AddComplaint& a, CaseworkResult& result,
                const core::ProgressFn&) {
    const workflow::ComplaintInput in{a.reference,   a.received,         a.category,
                                      a.description, a.complainant_name, a.complainant_contact,
                                      a.at};
    workflow::IntakeOptions options;
    options.join_case_at_site = a.join_case;
    if (a.open_case) {
        workflow::CaseInput c;
        c.reference = a.case_reference;
        c.officer = a.case_officer;
        c.opened = a.case_opened;
        c.alleged_breach = a.alleged_breach;
        c.breach_type = a.breach_type;
        options.open_case = c;
    }
    const auto r = workflow::take_complaint(ws, in, options);
    result.complaints_changed = true;
    result.duplicates = offers(r.duplicates);
    result.select_case = r.linked_case;
    std::string msg = "Complaint " + r.complaint.reference + " added: " + r.site.describe() + ".";
    if (r.case_opened)
        msg += " Case " + r.linked_case + " opened with it.";
    else if (!r.linked_case.empty())
        msg += " Linked to case " + r.linked_case + ".";
    return msg;
}

std::string run(store::Workspace& ws, const ui::ImportComplaintsCsv& a, CaseworkResult& result,
                const core::ProgressFn& progress) {
    const auto r = workflow::import_complaints_csv(ws, a.path, progress);
    result.complaints_changed = true;
    result.duplicates = offers(r.duplicates);
    return std::to_string(r.references.size()) + " complaints imported from " + a.path +
           " as layer " + r.report.layer_name + ".";
}

std::string run(store::Workspace& ws, const ui::MergeComplaints& a, CaseworkResult& result,
                const core::ProgressFn&) {
    ws.merge_complaint(a.keep, a.duplicate);
    result.complaints_changed = true;
    return "Complaint " + a.duplicate + " merged into " + a.keep + ".";
}

std::string run(store::Workspace& ws, const ui::ExportWorkloadCsv& a, CaseworkResult&,
                const core::ProgressFn&) {
    const auto e = workflow::export_workload_csv(ws, a.path, core::Date::today());
    return "Workload (" + std::to_string(e.cases) + " open cases) written to " + a.path + ".";
}

std::string run(store::Workspace& ws, const ui::RunBreachCheck&, CaseworkResult& result,
                const core::ProgressFn& progress) {
    analysis::CheckOptions options;
    options.progress = progress;
    const store::CheckRunRecord run = workflow::run_breach_check(ws, core::Date::today(), options);
    // The map and the Findings tab read the latest run when the workspace is read again.
    result.complaints_changed = true;
    return "Breach check run " + std::to_string(run.id) + " as of " + run.as_of + ": " +
           std::to_string(run.finding_count) + " findings (" +
           std::to_string(run.development_count) + " developments, " +
           std::to_string(run.demolition_count) + " demolitions). See the Findings tab.";
}

} // namespace

std::string viewer_user() {
    for (const char* name : {"REDLINE_USER", "USER"})
        if (const char* u = std::getenv(name); u && *u)
            return u;
    return "redline-viewer";
}

CaseworkResult run_casework(const std::filesystem::path& workspace, const ui::Action& request,
                            const core::ProgressFn& progress) {
    CaseworkResult result;
    try {
        store::Workspace ws = store::Workspace::open(workspace, viewer_user());
        std::visit(
            [&](const auto& a) {
                using T = std::decay_t<decltype(a)>;
                if constexpr (std::is_same_v<T, ui::RecordCaseStage> ||
                              std::is_same_v<T, ui::ExportEvidencePack> ||
                              std::is_same_v<T, ui::AddComplaint> ||
                              std::is_same_v<T, ui::ImportComplaintsCsv> ||
                              std::is_same_v<T, ui::MergeComplaints> ||
                              std::is_same_v<T, ui::RunBreachCheck> ||
                              std::is_same_v<T, ui::ExportWorkloadCsv>)
                    result.message = run(ws, a, result, progress);
                else
                    throw core::UsageError("not a casework request");
            },
            request);
        result.ok = true;
        // The panels show the workspace as it now is: cases (status follows the stage) and the
        // workload in urgency order, as `redline-cli workload` would list it today.
        try {
            result.cases = ws.cases();
            result.workload = load_workload(ws, core::Date::today());
            result.refreshed = true;
        } catch (const std::exception&) {
            // The write stands; the lists refresh on the next open.
        }
    } catch (const std::exception& e) {
        result.ok = false;
        result.message = e.what();
    }
    return result;
}

} // namespace redline::app
