#pragma once
// What the casework forms (record a stage, evidence pack, add or import complaints, merge
// duplicates, export the workload) show: owned by the app, read by ui/casework_forms.cpp.

#include "core/geometry.hpp"

#include <optional>
#include <string>
#include <vector>

namespace redline::ui {

/// Two complaints about the same site received close together, offered for merging.
struct DuplicateOffer {
    std::string keep;      ///< the earlier complaint
    std::string duplicate; ///< the later one, marked merged if the officer agrees
    long days_apart = 0;
    std::string same_site; ///< "same curtilage (UPRN ...)" or "within N m"
};

/// Which form is open.
enum class CaseForm { None, Stage, Evidence, Complaint, ImportCsv, WorkloadCsv };

/// The app's side of the casework forms (UI thread).
struct CaseworkView {
    CaseForm form = CaseForm::None;
    std::string form_case;                   ///< the case a stage or evidence form is for
    bool picking_complaint = false;          ///< the next click on the map places a complaint
    std::optional<core::Coord> complaint_at; ///< EPSG:27700, where the complaint form's point is
    bool busy = false;                       ///< a casework job is running on a worker
    std::string error;   ///< why the last request was refused (shown in its form)
    std::string message; ///< what the last request did
    std::vector<DuplicateOffer> duplicates;
    /// The names the store accepts (filled by the app from store::case_stage_names() etc., so
    /// the UI offers exactly what the CLI accepts).
    std::vector<std::string> stage_names, notice_names, outcome_names, breach_type_names;
};

} // namespace redline::ui
