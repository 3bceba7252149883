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

#include <filesystem>
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

/// What taking in a complaint did.
struct IntakeResult {
    core::Complaint complaint;
    ComplaintSite site;
    std::string linked_case; ///< the open case it was linked to, "" when none
    std::vector<analysis::DuplicatePair> duplicates; ///< offered for merging
};

/// Validate, find the site, add the complaint ("complaint-add" audit entry, its own
/// transaction) and, when `join_case_at_site` and an open case is at the site, link it to the
/// first such case ("case-link" entry). Throws as validate_complaint, core::StoreError for a
/// reference already used (nothing written then).
IntakeResult take_complaint(store::Workspace& ws, const ComplaintInput& input,
                            bool join_case_at_site);

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
