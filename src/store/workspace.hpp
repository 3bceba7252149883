#pragma once

#include "core/feature.hpp"
#include "core/import_report.hpp"
#include "core/progress.hpp"
#include "core/records.hpp"
#include "core/role.hpp"
#include "store/case_stages.hpp"
#include "store/check_runs.hpp"
#include "store/plans.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace redline::store {

/// The schema version this build writes. Older files are migrated on open.
/// History: 1 initial schema; 2 case key dates; 3 breach check runs and findings;
/// 4 plans, plan calibrations and measurements; 5 case classification, stage history and
/// complaint merges.
inline constexpr int k_schema_version = 5;

/// One row of the layer registry.
struct LayerInfo {
    std::string name;
    core::Role role = core::Role::Basemap;
    std::string geometry_type; ///< "MULTIPOLYGON", "POINT", ...
    std::string source_file;   ///< file name as given on import
    std::string source_sha256;
    std::string source_crs;
    std::string transformation; ///< PROJ operation used to reach EPSG:27700
    std::string imported_at;    ///< ISO 8601 UTC
    std::size_t feature_count = 0;
    std::string issues_json; ///< JSON array of import issues
    core::Envelope extent;   ///< EPSG:27700
};

/// A dated event in a case's life ("opened", "breach-start", "pcn-served", "notice-issued",
/// "notice-effective", "compliance-due", ...): the statutory clocks run from these.
struct CaseKeyDate {
    std::string kind; ///< lower-case words joined by '-'
    std::string date; ///< ISO YYYY-MM-DD
    std::string note;
};

/// The case a new complaint goes to, written in the complaint's own transaction
/// (Workspace::add_complaint with an IntakeCase). At most one of `existing` and `open`.
struct IntakeCase {
    std::string existing; ///< link the complaint to this case, which must still be open
    std::optional<core::EnforcementCase> open; ///< or open this case with the complaint linked
    std::optional<CaseProfile> profile;        ///< the new case's classification, when given
};

/// A Redline workspace: one SpatiaLite database file (WAL mode). Every write is one transaction
/// that either commits whole or leaves the file exactly as it was; every committed write appends
/// to the audit log, which triggers in the database protect from UPDATE and DELETE.
///
/// All geometry is EPSG:27700. Not thread-safe: use one Workspace per thread.
/// All methods throw StoreError (with the SQLite code) on database failures.
class Workspace {
public:
    /// Create a new workspace file. Throws StoreError if the file exists.
    static Workspace create(const std::filesystem::path& path, const std::string& user);
    /// Open an existing workspace, migrating an older schema inside one transaction. Throws
    /// StoreError for a missing file, a file that is not a workspace, or a newer schema version.
    static Workspace open(const std::filesystem::path& path, const std::string& user);

    ~Workspace();
    Workspace(Workspace&&) noexcept;
    Workspace& operator=(Workspace&&) noexcept;

    const std::filesystem::path& path() const;
    int schema_version() const;

    // ---- layers
    /// Every registered layer, by name, with its current extent (empty for a layer with no
    /// geometry).
    std::vector<LayerInfo> layers() const;
    /// One registered layer, or nullopt.
    std::optional<LayerInfo> layer(const std::string& name) const;
    /// Write an imported layer as one transaction: a SpatiaLite table named `data.name` (geometry
    /// column `geom`, EPSG:27700, spatial index, one column per field), its registry row and an
    /// audit entry. A `complaint` layer's features go to the complaints table instead (tagged with
    /// the layer name). Throws StoreError if the name is taken; the workspace is then unchanged.
    void import_layer(const core::LayerData& data, core::Role role,
                      const core::ImportReport& report, const core::ProgressFn& progress = {});
    /// Read a layer's features in fid order (optionally only those whose envelope meets `bbox`,
    /// found through the spatial index). Throws StoreError for an unknown layer. A complaint
    /// layer reads back from the complaints table without the confidential complainant fields.
    core::LayerData read_layer(const std::string& name,
                               const std::optional<core::Envelope>& bbox = {}) const;
    /// read_layer() of each name, in order, two layers at a time on two connections (the
    /// breach check reads a whole workspace). Throws StoreError for an unknown layer.
    std::vector<core::LayerData> read_layers(const std::vector<std::string>& names) const;

    // ---- complaints and cases
    /// Add a complaint; throws StoreError if the reference exists. Returns its id.
    std::int64_t add_complaint(const core::Complaint& c);
    /// Take in a complaint with its case as one transaction: the complaint and its
    /// "complaint-add" entry, then either a "case-link" entry to `with.existing` or the new case
    /// `with.open` ("case-add", then "case-link"). Throws as add_complaint and add_case,
    /// UsageError when both or neither case is given, StoreError for an unknown case or one that
    /// was closed meanwhile; the workspace is then exactly as it was. Returns the complaint's id.
    std::int64_t add_complaint(const core::Complaint& c, const IntakeCase& with);
    std::vector<core::Complaint> complaints() const;
    /// Add a case; throws StoreError if the reference exists. Returns its id.
    std::int64_t add_case(const core::EnforcementCase& c);
    /// Link a complaint to a case; throws StoreError naming whichever reference is unknown.
    void link_case_complaint(const std::string& case_ref, const std::string& complaint_ref);
    std::vector<core::EnforcementCase> cases() const;
    /// Record a key date of a case (an add_case records "opened" and, when known, "breach-start"
    /// itself). Throws UsageError for a malformed kind or date, StoreError for an unknown case or
    /// a duplicate (same kind and date).
    void add_case_key_date(const std::string& case_ref, const CaseKeyDate& key_date);
    /// A case's key dates in date order; throws StoreError for an unknown case.
    std::vector<CaseKeyDate> case_key_dates(const std::string& case_ref) const;

    // ---- breach check runs (check_runs.cpp)
    /// Store a check run and its findings in one transaction, with a "check-run" audit entry;
    /// fills in the run's id, time, user and finding count and returns the id. The inputs'
    /// hashes are taken as given (from layers()). `before_commit`, when given, runs inside the
    /// transaction just before it commits (e.g. to wait for an output file being written at the
    /// same time); if it throws, nothing is stored. Throws StoreError; the workspace is then
    /// unchanged.
    std::int64_t record_check_run(CheckRunRecord& run, const std::vector<FindingRecord>& findings,
                                  const std::function<void()>& before_commit = {});
    /// Every run, oldest first (without findings).
    std::vector<CheckRunRecord> check_runs() const;
    /// The most recent run, or nullopt when the check has never run.
    std::optional<CheckRunRecord> latest_check_run() const;
    /// A run's findings in their stored order. Throws StoreError for an unknown run.
    std::vector<FindingRecord> findings(std::int64_t run_id) const;
    /// Findings of the latest run linked to a complaint reference / at a property (uprn) /
    /// relevant to a case (its uprn, application reference or complaints). Empty when the check
    /// has never run; StoreError for an unknown case.
    std::vector<FindingRecord> findings_for_complaint(const std::string& complaint_ref) const;
    std::vector<FindingRecord> findings_for_uprn(const std::string& uprn) const;
    std::vector<FindingRecord> findings_for_case(const std::string& case_ref) const;

    // ---- plans (issue #5; store/plans.cpp)
    /// Add a plan with its file's bytes (SHA-256, size, time and user are set here). Throws
    /// StoreError when the name is taken, UsageError for an empty name or file. Audited.
    std::int64_t add_plan(const PlanInfo& info, const std::vector<std::uint8_t>& bytes);
    std::vector<PlanInfo> plans() const;
    /// A plan by id, or nullopt.
    std::optional<PlanInfo> plan(std::int64_t id) const;
    /// A plan by its name, or by its id written in decimal; throws StoreError when neither.
    PlanInfo find_plan(const std::string& name_or_id) const;
    /// The stored bytes of a plan's file (StoreError for an unknown plan).
    std::vector<std::uint8_t> plan_bytes(std::int64_t id) const;
    /// Store a calibration and make it the plan's current one, in one audited transaction.
    std::int64_t add_plan_calibration(const PlanCalibrationRecord& calibration);
    /// The plan's current calibration, or nullopt when it has none.
    std::optional<PlanCalibrationRecord> current_calibration(std::int64_t plan_id) const;
    /// Save a measurement (to a case when `case_reference` is set; StoreError for an unknown
    /// case). Audited.
    std::int64_t save_measurement(const MeasurementRecord& measurement);
    /// Saved measurements, all or those of one case, oldest first.
    std::vector<MeasurementRecord> measurements(const std::string& case_reference = {}) const;
    /// Add a footprint traced on a plan (EPSG:27700 polygon) as an approved-footprint feature of
    /// `layer`, creating the layer (role approved-footprint) when it does not exist; one audited
    /// transaction. Throws StoreError when `layer` exists with another role or lacks a
    /// planning_application field. Returns the new feature's fid.
    std::int64_t add_traced_footprint(const std::string& layer,
                                      const std::string& application_reference,
                                      const core::Polygon& footprint, std::int64_t plan_id,
                                      std::int64_t calibration_id);

    // ---- case classification, stages and complaint merges (case_stages.cpp, issue #8)
    /// add_case with the case's s171B classification, in the same transaction (the audit entry
    /// names both). Throws UsageError for an unknown breach type or nation.
    std::int64_t add_case(const core::EnforcementCase& c, const CaseProfile& profile);
    /// Change a case's classification ("case-profile" audit entry). Throws UsageError for an
    /// unknown name, StoreError for an unknown case.
    void set_case_profile(const std::string& case_ref, const CaseProfile& profile);
    /// A case's classification; StoreError for an unknown case.
    CaseProfile case_profile(const std::string& case_ref) const;
    /// Append a dated stage change and its "case-stage" audit entry in one transaction; sets the
    /// case's status to "closed" when the latest stage (by date) is closed, else "open". Fills in
    /// the record's id, recorded_at and user. Throws UsageError for an unknown stage, notice kind
    /// or outcome, a malformed date, a notice kind on a stage other than notice-issued (required
    /// there), an outcome on a stage other than closed (required there), or compliance_days < 1;
    /// StoreError for an unknown case. The history is append-only: a mistake is corrected by a
    /// later entry, never by editing (the database refuses UPDATE and DELETE).
    void add_case_stage(const std::string& case_ref, CaseStageRecord& stage);
    /// A case's stage changes by date, then recording order; StoreError for an unknown case.
    std::vector<CaseStageRecord> case_stages(const std::string& case_ref) const;
    /// Mark complaint `duplicate_ref` as merged into `keep_ref` (status "merged", a
    /// complaint_merges row and a "complaint-merge" audit entry; nothing is deleted). Throws
    /// StoreError for an unknown reference, UsageError when they are the same, either is already
    /// merged.
    void merge_complaint(const std::string& keep_ref, const std::string& duplicate_ref);
    /// The complaint a merged complaint was merged into, or nullopt.
    std::optional<std::string> complaint_merged_into(const std::string& complaint_ref) const;

    // ---- audit
    std::vector<core::AuditEntry> audit_log() const;
    /// Append an audit entry for an action that writes nothing else but must be on the record,
    /// such as revealing a complainant's identity ("reveal-confidential"). `details_json` must be
    /// valid JSON (StoreError otherwise).
    void append_audit(const std::string& action, const std::string& details_json);

private:
    struct Impl;
    explicit Workspace(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace redline::store
