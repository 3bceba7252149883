// The casework forms: record a case's stage, write its evidence pack, add a complaint placed on
// the map (ui/complaint_form.cpp), import complaints from a CSV, export the workload, and merge
// duplicates. Each form
// only emits an action; the app checks and writes on a worker and shows a refusal here, in the
// form, with nothing written.
#include "ui/panels.hpp"

#include "core/date.hpp"
#include "core/records.hpp"
#include "ui/casework_form_parts.hpp"

#include <imgui.h>

#include <cstdio>
#include <cstring>
#include <filesystem>

namespace redline::ui {
namespace {

using detail::combo;
using detail::set;
using detail::text_field;

std::string file_safe(const std::string& reference) {
    std::string out;
    for (char c : reference)
        out += (c == '/' || c == '\\' || c == ' ') ? '-' : c;
    return out;
}

std::string beside_workspace(const ViewState& state, const std::string& name) {
    const std::filesystem::path ws(state.workspace);
    return (ws.has_parent_path() ? ws.parent_path() / name : std::filesystem::path(name)).string();
}

/// Fill a form's fields when it opens for a (new) case, not on every frame.
void prepare(const ViewState& state, const CaseworkView& cw, CaseworkForms& f) {
    const std::string key = std::to_string(int(cw.form)) + "|" + cw.form_case;
    if (f.prepared_for == key)
        return;
    f.prepared_for = key;
    const std::string today = core::Date::today().to_string();
    switch (cw.form) {
    case CaseForm::Stage:
        // Offer the stage after the case's current one (the usual next step).
        for (const WorkloadRow& r : state.workload)
            if (r.reference == cw.form_case)
                for (std::size_t i = 0; i + 1 < cw.stage_names.size(); ++i)
                    if (cw.stage_names[i] == r.stage)
                        f.stage = int(i + 1);
        set(f.date, today);
        f.served[0] = f.effective[0] = f.compliance_days[0] = f.note[0] = 0;
        break;
    case CaseForm::Evidence:
        f.scale[0] = f.exhibit[0] = f.officer[0] = f.pack_date[0] = 0;
        set(f.pack_path, beside_workspace(state, file_safe(cw.form_case) + ".pdf"));
        break;
    case CaseForm::Complaint:
        set(f.received, today);
        f.reference[0] = f.description[0] = f.complainant_name[0] = f.complainant_contact[0] = 0;
        // The new case's fields start afresh too; whether to join or open a case is kept, as
        // an officer taking in a run of complaints usually does the same with each.
        f.case_reference[0] = f.case_officer[0] = f.case_opened[0] = f.alleged_breach[0] = 0;
        f.suggested_case_reference.clear();
        f.breach_type = -1;
        break;
    case CaseForm::WorkloadCsv:
        set(f.workload_path, beside_workspace(state, "workload-" + today + ".csv"));
        break;
    case CaseForm::ImportCsv:
    case CaseForm::None:
        break;
    }
}

void stage_form(const CaseworkView& cw, CaseworkForms& f, Actions& out, WidgetRects* rects) {
    ImGui::Text("Record a stage of case %s", cw.form_case.c_str());
    combo("stage", "stage.stage", f.stage, cw.stage_names, rects);
    const std::string stage = cw.stage_names.empty() ? "" : cw.stage_names[std::size_t(f.stage)];
    text_field("date", "stage.date", f.date, sizeof f.date, rects, "YYYY-MM-DD");
    const bool notice = stage == "notice-issued";
    if (notice)
        combo("notice", "stage.notice", f.notice, cw.notice_names, rects);
    if (notice || stage == "investigation")
        text_field(notice ? "served (TSN: displayed)" : "PCN served", "stage.served", f.served,
                   sizeof f.served, rects, "YYYY-MM-DD");
    if (notice) {
        text_field("effective", "stage.effective", f.effective, sizeof f.effective, rects,
                   "YYYY-MM-DD");
        text_field("compliance days", "stage.compliance", f.compliance_days,
                   sizeof f.compliance_days, rects);
    }
    if (stage == "closed")
        combo("outcome", "stage.outcome", f.outcome, cw.outcome_names, rects);
    text_field("note", "stage.note", f.note, sizeof f.note, rects);
    ImGui::TextDisabled("Append-only: a mistake is corrected by a later stage.");
    ImGui::BeginDisabled(cw.busy);
    if (ImGui::Button("Record stage")) {
        RecordCaseStage a;
        a.case_reference = cw.form_case;
        a.stage = stage;
        a.date = f.date;
        // Only the fields this stage shows: a value left over from another stage is not sent.
        if (notice || stage == "investigation")
            a.served = f.served;
        if (notice) {
            a.notice = cw.notice_names.empty() ? "" : cw.notice_names[std::size_t(f.notice)];
            a.effective = f.effective;
            a.compliance_days = f.compliance_days;
        }
        if (stage == "closed" && !cw.outcome_names.empty())
            a.outcome = cw.outcome_names[std::size_t(f.outcome)];
        a.note = f.note;
        out.push_back(std::move(a));
    }
    ImGui::EndDisabled();
    if (rects)
        record_item(*rects, "stage.record");
}

void evidence_form(const CaseworkView& cw, CaseworkForms& f, Actions& out, WidgetRects* rects) {
    static const std::vector<std::string> papers{"A4", "A3"};
    static const std::vector<std::string> orientations{"portrait", "landscape"};
    ImGui::Text("Evidence pack for case %s", cw.form_case.c_str());
    text_field("scale 1:", "evidence.scale", f.scale, sizeof f.scale, rects,
               "largest that fits the site");
    combo("paper", "evidence.paper", f.paper, papers, rects);
    combo("orientation", "evidence.orientation", f.orientation, orientations, rects);
    text_field("exhibit", "evidence.exhibit", f.exhibit, sizeof f.exhibit, rects,
               "officer's initials/1");
    text_field("officer", "evidence.officer", f.officer, sizeof f.officer, rects,
               "the case's officer");
    text_field("date", "evidence.date", f.pack_date, sizeof f.pack_date, rects, "latest check run");
    text_field("output", "evidence.path", f.pack_path, sizeof f.pack_path, rects);
    ImGui::TextDisabled("The export and the PDF's SHA-256 go to the audit log.");
    ImGui::BeginDisabled(cw.busy || std::strlen(f.pack_path) == 0);
    if (ImGui::Button("Write evidence pack"))
        out.push_back(ExportEvidencePack{cw.form_case, f.scale, papers[std::size_t(f.paper)],
                                         orientations[std::size_t(f.orientation)], f.exhibit,
                                         f.officer, f.pack_date, f.pack_path});
    ImGui::EndDisabled();
    if (rects)
        record_item(*rects, "evidence.write");
}

void path_form(const char* title, const char* hint, const char* id, char* buf, std::size_t size,
               const char* button, bool busy, Actions& out, WidgetRects* rects, bool import) {
    ImGui::TextUnformatted(title);
    ImGui::TextDisabled("%s", hint);
    text_field("file", (std::string(id) + ".path").c_str(), buf, size, rects);
    ImGui::BeginDisabled(busy || std::strlen(buf) == 0);
    if (ImGui::Button(button)) {
        if (import)
            out.push_back(ImportComplaintsCsv{buf});
        else
            out.push_back(ExportWorkloadCsv{buf});
    }
    ImGui::EndDisabled();
    if (rects)
        record_item(*rects, std::string(id) + ".go");
}

void duplicates_window(const CaseworkView& cw, Actions& out, WidgetRects* rects) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos({io.DisplaySize.x * 0.5f, io.DisplaySize.y - 60}, ImGuiCond_Always,
                            {0.5f, 1.0f});
    ImGui::SetNextWindowSize({520, 0});
    if (ImGui::Begin("Possible duplicates", nullptr,
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove |
                         ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::TextWrapped("Complaints about the same site received within 30 days: merge the "
                           "later one into the first report (kept, marked merged; audited).");
        for (const DuplicateOffer& d : cw.duplicates) {
            ImGui::PushID(d.duplicate.c_str());
            ImGui::Text("%s and %s: %ld days apart, %s", d.keep.c_str(), d.duplicate.c_str(),
                        d.days_apart, d.same_site.c_str());
            ImGui::BeginDisabled(cw.busy);
            if (ImGui::Button(("Merge " + d.duplicate + " into " + d.keep).c_str()))
                out.push_back(MergeComplaints{d.keep, d.duplicate});
            ImGui::EndDisabled();
            if (rects)
                record_item(*rects, "duplicates.merge." + d.duplicate);
            ImGui::PopID();
        }
        if (ImGui::Button("Not duplicates"))
            out.push_back(CloseCaseForm{});
        if (rects)
            record_item(*rects, "duplicates.dismiss");
    }
    ImGui::End();
}

/// What the last casework task did, until the officer has read it.
void message_window(const CaseworkView& cw, Actions& out, WidgetRects* rects) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos({io.DisplaySize.x * 0.5f, io.DisplaySize.y - 60}, ImGuiCond_Always,
                            {0.5f, 1.0f});
    ImGui::SetNextWindowSize({520, 0});
    if (ImGui::Begin("Casework done", nullptr,
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove |
                         ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::TextWrapped("%s", cw.message.c_str());
        if (rects)
            record_item(*rects, "casework.message");
        if (ImGui::Button("OK"))
            out.push_back(CloseCaseForm{});
        if (rects)
            record_item(*rects, "casework.ok");
    }
    ImGui::End();
}

} // namespace

void draw_casework_forms(const ViewState& state, UiMemory& memory, Actions& out,
                         WidgetRects* rects) {
    if (!state.casework)
        return;
    const CaseworkView& cw = *state.casework;
    if (cw.form == CaseForm::None) {
        if (!cw.duplicates.empty())
            duplicates_window(cw, out, rects);
        else if (!cw.message.empty())
            message_window(cw, out, rects);
        return;
    }
    CaseworkForms& f = memory.casework;
    prepare(state, cw, f);
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos({io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f}, ImGuiCond_Always,
                            {0.5f, 0.5f});
    ImGui::SetNextWindowSize({480, 0});
    bool open = true;
    if (ImGui::Begin("Casework", &open,
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove |
                         ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::PushItemWidth(260);
        switch (cw.form) {
        case CaseForm::Stage:
            stage_form(cw, f, out, rects);
            break;
        case CaseForm::Evidence:
            evidence_form(cw, f, out, rects);
            break;
        case CaseForm::Complaint:
            detail::complaint_form(state, cw, f, out, rects);
            break;
        case CaseForm::ImportCsv:
            path_form("Import complaints from a CSV",
                      "Columns: reference, received_date, category, ... and longitude/latitude, "
                      "easting/northing or grid_ref.",
                      "import", f.csv_path, sizeof f.csv_path, "Import", cw.busy, out, rects, true);
            break;
        case CaseForm::WorkloadCsv:
            path_form("Export the workload as CSV",
                      "Open cases in urgency order as of today; audited with its SHA-256.",
                      "workload", f.workload_path, sizeof f.workload_path, "Export", cw.busy, out,
                      rects, false);
            break;
        case CaseForm::None:
            break;
        }
        ImGui::PopItemWidth();
        ImGui::SameLine();
        if (ImGui::Button("Cancel"))
            open = false;
        if (rects)
            record_item(*rects, "casework.cancel");
        if (cw.busy)
            ImGui::TextDisabled("Working...");
        if (!cw.error.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{0.8f, 0.1f, 0.1f, 1});
            ImGui::TextWrapped("Nothing written: %s", cw.error.c_str());
            ImGui::PopStyleColor();
            if (rects)
                record_item(*rects, "casework.error");
        }
    }
    ImGui::End();
    if (!open)
        out.push_back(CloseCaseForm{});
}

} // namespace redline::ui
