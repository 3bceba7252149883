// Case classification (s171B breach type, nation), the dated stage history and complaint merges.
#include "store/case_stages.hpp"

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "store/schema.hpp"
#include "store/workspace_impl.hpp"

#include <algorithm>

namespace redline::store {
namespace {

bool known(const std::vector<std::string>& names, const std::string& s) {
    return std::find(names.begin(), names.end(), s) != names.end();
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

/// SQL list "'a', 'b'" for a CHECK constraint: the database repeats the store's own check, so
/// that a write from the sqlite3 shell or QGIS cannot store a stage Redline cannot read.
std::string sql_list(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "'" : ", '") + n + "'";
    return out;
}

void check_name(const std::vector<std::string>& names, const std::string& s, const char* what) {
    if (!known(names, s))
        throw core::UsageError(std::string(what) + " '" + s + "' is not one of: " + joined(names));
}

struct ComplaintRow {
    std::int64_t id;
    std::string status;
};

ComplaintRow require_complaint(detail::Connection& db, const std::string& reference) {
    detail::Statement st(db, "SELECT id, status FROM complaints WHERE reference = ?");
    st.bind(1, reference);
    if (!st.step())
        throw core::StoreError("complaint '" + reference + "' does not exist");
    return {st.get_int(0), st.get_text(1)};
}

} // namespace

const std::vector<std::string>& case_stage_names() {
    static const std::vector<std::string> v = {
        "received",      "acknowledged", "site-visit",       "investigation", "negotiation",
        "notice-issued", "appeal",       "compliance-check", "prosecution",   "closed"};
    return v;
}
const std::vector<std::string>& notice_kind_names() {
    static const std::vector<std::string> v = {"enforcement-notice", "breach-of-condition-notice",
                                               "stop-notice", "temporary-stop-notice", "s215"};
    return v;
}
const std::vector<std::string>& case_outcome_names() {
    static const std::vector<std::string> v = {"no-breach", "not-expedient", "regularised",
                                               "complied", "immune"};
    return v;
}
const std::vector<std::string>& breach_type_names() {
    static const std::vector<std::string> v = {"operational", "change-of-use-dwelling", "condition",
                                               "other"};
    return v;
}
const std::vector<std::string>& nation_names() {
    static const std::vector<std::string> v = {"england", "wales"};
    return v;
}

void detail::migrate_case_stages(Connection& db) {
    // Existing cases become "other" breaches in England: the 10-year limit, the longest, so that
    // no clock claims immunity earlier than the law does until an officer classifies the case.
    db.exec("ALTER TABLE enforcement_cases ADD COLUMN breach_type TEXT NOT NULL DEFAULT 'other' "
            "CHECK (breach_type IN (" +
            sql_list(breach_type_names()) + "))");
    db.exec("ALTER TABLE enforcement_cases ADD COLUMN nation TEXT NOT NULL DEFAULT 'england' "
            "CHECK (nation IN (" +
            sql_list(nation_names()) + "))");
    const std::string date_check = " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'";
    db.exec("CREATE TABLE case_stages (\n"
            "    id INTEGER PRIMARY KEY,\n"
            "    case_id INTEGER NOT NULL REFERENCES enforcement_cases(id),\n"
            "    stage TEXT NOT NULL CHECK (stage IN (" +
            sql_list(case_stage_names()) +
            ")),\n"
            "    date TEXT NOT NULL CHECK (date" +
            date_check +
            "),\n"
            "    served_date TEXT NOT NULL DEFAULT '' CHECK (served_date = '' OR served_date" +
            date_check +
            "),\n"
            "    effective_date TEXT NOT NULL DEFAULT '' CHECK (effective_date = '' OR "
            "effective_date" +
            date_check +
            "),\n"
            "    compliance_days INTEGER CHECK (compliance_days IS NULL OR compliance_days > 0),\n"
            "    notice_kind TEXT NOT NULL DEFAULT '' CHECK ((stage = 'notice-issued') = "
            "(notice_kind IN (" +
            sql_list(notice_kind_names()) +
            "))),\n"
            "    outcome TEXT NOT NULL DEFAULT '' CHECK ((stage = 'closed') = (outcome IN (" +
            sql_list(case_outcome_names()) +
            "))),\n"
            "    note TEXT NOT NULL DEFAULT '',\n"
            "    recorded_at TEXT NOT NULL,\n"
            "    user TEXT NOT NULL);\n"
            "CREATE INDEX case_stages_case ON case_stages (case_id, date, id);\n"
            // A stage history is evidence of what the council did and when (a court may ask
            // whether a notice was served in time): like the audit log, it is append-only.
            "CREATE TRIGGER case_stages_no_update BEFORE UPDATE ON case_stages\n"
            "BEGIN SELECT RAISE(ABORT, 'case_stages is append-only: UPDATE refused'); END;\n"
            "CREATE TRIGGER case_stages_no_delete BEFORE DELETE ON case_stages\n"
            "BEGIN SELECT RAISE(ABORT, 'case_stages is append-only: DELETE refused'); END;\n"
            "CREATE TABLE complaint_merges (\n"
            "    duplicate_id INTEGER PRIMARY KEY REFERENCES complaints(id),\n"
            "    keep_id INTEGER NOT NULL REFERENCES complaints(id) CHECK (keep_id <> "
            "duplicate_id),\n"
            "    merged_at TEXT NOT NULL,\n"
            "    user TEXT NOT NULL);\n");
}

void detail::check_case_profile(const CaseProfile& profile) {
    check_name(breach_type_names(), profile.breach_type, "breach type");
    check_name(nation_names(), profile.nation, "nation");
}

void Workspace::set_case_profile(const std::string& case_ref, const CaseProfile& profile) {
    detail::check_case_profile(profile);
    auto& db = m_impl->db;
    detail::Transaction tx(db);
    const auto id = detail::require_case(db, case_ref);
    detail::Statement st(db, "UPDATE enforcement_cases SET breach_type = ?, nation = ? "
                             "WHERE id = ?");
    st.bind(1, profile.breach_type).bind(2, profile.nation).bind(3, id).run();
    detail::append_audit(db, m_impl->user, "case-profile",
                         "{\"case\":" + core::json_quote(case_ref) +
                             ",\"breach_type\":" + core::json_quote(profile.breach_type) +
                             ",\"nation\":" + core::json_quote(profile.nation) + "}");
    tx.commit();
}

CaseProfile Workspace::case_profile(const std::string& case_ref) const {
    detail::Statement st(m_impl->db, "SELECT breach_type, nation FROM enforcement_cases WHERE "
                                     "reference = ?");
    st.bind(1, case_ref);
    if (!st.step())
        throw core::StoreError("case '" + case_ref + "' does not exist");
    return {st.get_text(0), st.get_text(1)};
}

void Workspace::add_case_stage(const std::string& case_ref, CaseStageRecord& s) {
    check_name(case_stage_names(), s.stage, "stage");
    detail::checked_date(s.date, "stage date", true);
    detail::checked_date(s.served_date, "served date", false);
    detail::checked_date(s.effective_date, "effective date", false);
    if (s.compliance_days && *s.compliance_days < 1)
        throw core::UsageError("compliance period must be at least 1 day");
    if (s.stage == "notice-issued")
        check_name(notice_kind_names(), s.notice_kind, "notice kind");
    else if (!s.notice_kind.empty())
        throw core::UsageError("a notice kind belongs to the notice-issued stage only");
    if (s.stage == "closed")
        check_name(case_outcome_names(), s.outcome, "outcome");
    else if (!s.outcome.empty())
        throw core::UsageError("an outcome belongs to the closed stage only");

    auto& db = m_impl->db;
    detail::Transaction tx(db);
    const auto id = detail::require_case(db, case_ref);
    detail::Statement st(db, "INSERT INTO case_stages (case_id, stage, date, served_date, "
                             "effective_date, compliance_days, notice_kind, outcome, note, "
                             "recorded_at, user) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                             "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?)");
    st.bind(1, id)
        .bind(2, s.stage)
        .bind(3, s.date)
        .bind(4, s.served_date)
        .bind(5, s.effective_date);
    if (s.compliance_days)
        st.bind(6, *s.compliance_days);
    else
        st.bind_null(6);
    st.bind(7, s.notice_kind).bind(8, s.outcome).bind(9, s.note).bind(10, m_impl->user).run();
    s.id = db.last_insert_rowid();
    s.user = m_impl->user;
    s.recorded_at =
        db.query_text("SELECT recorded_at FROM case_stages WHERE id = " + std::to_string(s.id))
            .value_or("");
    // The case's status follows its latest stage, so `case list` and the layer agree with it.
    detail::Statement status(
        db, "UPDATE enforcement_cases SET status = CASE (SELECT stage FROM case_stages WHERE "
            "case_id = ?1 ORDER BY date DESC, id DESC LIMIT 1) WHEN 'closed' THEN 'closed' ELSE "
            "'open' END WHERE id = ?1");
    status.bind(1, id).run();
    std::string details = "{\"case\":" + core::json_quote(case_ref) +
                          ",\"stage\":" + core::json_quote(s.stage) +
                          ",\"date\":" + core::json_quote(s.date);
    auto add = [&](const char* key, const std::string& v) {
        if (!v.empty())
            details += std::string(",\"") + key + "\":" + core::json_quote(v);
    };
    add("served", s.served_date);
    add("effective", s.effective_date);
    if (s.compliance_days)
        details += ",\"compliance_days\":" + std::to_string(*s.compliance_days);
    add("notice", s.notice_kind);
    add("outcome", s.outcome);
    detail::append_audit(db, m_impl->user, "case-stage", details + "}");
    tx.commit();
}

std::vector<CaseStageRecord> Workspace::case_stages(const std::string& case_ref) const {
    auto& db = m_impl->db;
    const auto id = detail::require_case(db, case_ref);
    detail::Statement st(db, "SELECT id, stage, date, served_date, effective_date, "
                             "compliance_days, notice_kind, outcome, note, recorded_at, user FROM "
                             "case_stages WHERE case_id = ? ORDER BY date, id");
    st.bind(1, id);
    std::vector<CaseStageRecord> out;
    while (st.step()) {
        CaseStageRecord r;
        r.id = st.get_int(0);
        r.stage = st.get_text(1);
        r.date = st.get_text(2);
        r.served_date = st.get_text(3);
        r.effective_date = st.get_text(4);
        if (!st.is_null(5))
            r.compliance_days = static_cast<int>(st.get_int(5));
        r.notice_kind = st.get_text(6);
        r.outcome = st.get_text(7);
        r.note = st.get_text(8);
        r.recorded_at = st.get_text(9);
        r.user = st.get_text(10);
        out.push_back(std::move(r));
    }
    return out;
}

void Workspace::merge_complaint(const std::string& keep_ref, const std::string& duplicate_ref) {
    if (keep_ref == duplicate_ref)
        throw core::UsageError("a complaint cannot be merged into itself");
    auto& db = m_impl->db;
    detail::Transaction tx(db);
    const auto keep = require_complaint(db, keep_ref);
    const auto dup = require_complaint(db, duplicate_ref);
    if (dup.status == "merged")
        throw core::UsageError("complaint '" + duplicate_ref + "' is already merged");
    if (keep.status == "merged")
        throw core::UsageError("complaint '" + keep_ref +
                               "' is itself merged: merge into the complaint it was merged into");
    detail::Statement ins(db, "INSERT INTO complaint_merges (duplicate_id, keep_id, merged_at, "
                              "user) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?)");
    ins.bind(1, dup.id).bind(2, keep.id).bind(3, m_impl->user).run();
    detail::Statement upd(db, "UPDATE complaints SET status = 'merged' WHERE id = ?");
    upd.bind(1, dup.id).run();
    detail::append_audit(db, m_impl->user, "complaint-merge",
                         "{\"keep\":" + core::json_quote(keep_ref) +
                             ",\"duplicate\":" + core::json_quote(duplicate_ref) +
                             ",\"previous_status\":" + core::json_quote(dup.status) + "}");
    tx.commit();
}

std::optional<std::string>
Workspace::complaint_merged_into(const std::string& complaint_ref) const {
    auto& db = m_impl->db;
    const auto row = require_complaint(db, complaint_ref);
    detail::Statement st(db, "SELECT c.reference FROM complaint_merges m JOIN complaints c ON "
                             "c.id = m.keep_id WHERE m.duplicate_id = ?");
    st.bind(1, row.id);
    if (!st.step())
        return std::nullopt;
    return st.get_text(0);
}

} // namespace redline::store
