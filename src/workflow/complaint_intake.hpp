#pragma once
// Taking in complaints (issue #8, item 5): one at a point (`redline-cli complaint add`, the
// viewer's "Add complaint" click) or many from a CSV (`redline-cli import --as complaint`, the
// viewer's "Import complaints CSV..."); finding the site a complaint is at (the curtilage and its
// UPRN, the planning applications' red lines, the open cases there); and offering the complaints
// about the same site received within 30 days for merging.

#include "analysis/case_intake.hpp"
#include "core/import_report.hpp"
#include "core/progress.hpp"
#include "core/records.hpp"
#include "store/workspace.hpp"
#include "workflow/case_opening.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace redline::workflow {

/// A complaint as typed ("" = not given). The complainant's name and contact are confidential:
/// stored, never logged, drawn or exported.
struct ComplaintInput {
    std::string reference;
    std::string received; ///< YYYY-MM-DD, required
    std::string category; ///< one of core::complaint_categories(), or ""
    std::string description;
    std::string complainant_name;
    std::string complainant_contact;
    core::Coord location; ///< EPSG:27700 metres
};

/// Check the fields and return the record to store. Throws core::UsageError naming the field:
/// empty reference, a received date that is not a real day, an unknown category, a location
/// outside the British National Grid's extent (0..700 km E, 0..1300 km N).
core::Complaint validate_complaint(const ComplaintInput& input);

/// Where a point is, as the workspace knows it.
struct ComplaintSite {
    std::string uprn;                      ///< of the curtilage it falls in, "" when none
    std::string address;                   ///< that curtilage's address_text, if any
    std::vector<std::string> applications; ///< red lines (planning-application layers) it is in
    std::vector<std::string> open_cases;   ///< open cases at that UPRN or application
    /// "UPRN 1000...; application 25/AP/0456", or "no curtilage or red line here".
    std::string describe() const;
};

/// The site at `location` (EPSG:27700): curtilage-role layers by their `uprn` field,
/// planning-application layers by their `reference` field, open cases by UPRN or application.
/// Reads only. Throws core::StoreError, core::GeometryError for an unusable polygon.
ComplaintSite find_complaint_site(const store::Workspace& ws, core::Coord location);

/// Every curtilage polygon with a UPRN in the workspace's curtilage-role layers.
std::vector<analysis::Curtilage> read_curtilages(const store::Workspace& ws);

/// The possible duplicates involving any of `references` (same site, received at most `days`
/// apart; analysis::find_duplicate_complaints over the whole workspace).
std::vector<analysis::DuplicatePair>
duplicates_involving(const store::Workspace& ws, const std::vector<std::string>& references,
                     int days = 30, double metres = 25);

/// What to do about a case when taking in a complaint (at most one of the two).
struct IntakeOptions {
    bool join_case_at_site = false; ///< link it to the first open case at its site, if any
    /// Open this new case with the complaint linked. Left "": the reference is the next free one
    /// for the received date's year (next_case_reference); the site is the complaint's (the
    /// curtilage's UPRN, the red line when it is in exactly one, and the complaint's point); the
    /// opened date is today, or the received date when that is later.
    std::optional<CaseInput> open_case;
};

/// A complaint checked and placed, with its case decided: what commit_intake writes.
struct IntakePlan {
    core::Complaint complaint;
    ComplaintSite site;
    std::string join_case;              ///< the open case to link it to, "" when none
    std::optional<CaseToOpen> new_case; ///< the case to open with it
};

/// Validate, find the site and decide the case (reads only). Throws as validate_complaint;
/// core::UsageError when both options are asked for, when a new case is asked for at a site
/// where a case is already open (join that one instead), or when its opened date is before the
/// complaint was received; as check_new_case for the new case's fields.
IntakePlan plan_intake(const store::Workspace& ws, const ComplaintInput& input,
                       const IntakeOptions& options);

/// What taking in a complaint did.
struct IntakeResult {
    core::Complaint complaint;
    ComplaintSite site;
    std::string linked_case;  ///< the case it was linked to (joined or opened), "" when none
    bool case_opened = false; ///< `linked_case` was opened with it
    std::vector<analysis::DuplicatePair> duplicates; ///< offered for merging
};

/// Write a plan as one transaction (Workspace::add_complaint with its IntakeCase): the
/// complaint's "complaint-add" entry and its case's "case-add" / "case-link" entries commit
/// together or not at all, so a case closed or a reference taken since plan_intake leaves the
/// workspace exactly as it was. Throws core::StoreError, core::UsageError.
IntakeResult commit_intake(store::Workspace& ws, const IntakePlan& plan);

/// plan_intake then commit_intake: what `redline-cli complaint add` and the viewer's "Add
/// complaint" do. Blocking: call on a worker in the viewer.
IntakeResult take_complaint(store::Workspace& ws, const ComplaintInput& input,
                            const IntakeOptions& options);

/// What a CSV intake did.
struct CsvIntakeResult {
    core::ImportReport report;
    std::vector<std::string> references;             ///< the complaints added
    std::vector<analysis::DuplicatePair> duplicates; ///< involving any of them
};

/// Import a CSV of complaints as one layer (role complaint, one transaction with its "import"
/// audit entry) through the importer's own path: longitude/latitude (WGS84) or easting/northing
/// columns are found by io::detect_csv_layout; a CSV with neither but an OS grid reference column
/// (grid_ref, gridref, grid_reference, os_grid_ref) is read with each reference's square centre
/// as its easting/northing, and the report says so. The layer is named after the file. Throws
/// core::IoError / CrsError / StoreError naming file, feature and field; nothing is written then.
CsvIntakeResult import_complaints_csv(store::Workspace& ws, const std::filesystem::path& csv,
                                      const core::ProgressFn& progress = {});

} // namespace redline::workflow
