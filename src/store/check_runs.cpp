// Breach check runs and their findings: written in one transaction with an audit entry, read back
// for the viewer's Findings tab and the evidence pack.
#include "core/error.hpp"
#include "core/text.hpp"
#include "core/wkb.hpp"
#include "store/bulk_geometry_insert.hpp"
#include "store/schema.hpp"
#include "store/workspace_impl.hpp"

#include <cstdio>

namespace redline::store {
namespace {

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : ";") + p;
    return out;
}

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> out;
    if (text.empty())
        return out;
    for (auto& p : core::split(text, ';'))
        if (!p.empty())
            out.push_back(p);
    return out;
}

std::string inputs_json(const std::vector<CheckRunInput>& inputs) {
    std::string out = "[";
    for (const auto& i : inputs) {
        out += (out.size() > 1 ? "," : "");
        out += "{\"layer\":" + core::json_quote(i.layer) + ",\"role\":" + core::json_quote(i.role) +
               ",\"source_sha256\":" + core::json_quote(i.source_sha256) +
               ",\"feature_count\":" + std::to_string(i.feature_count) + "}";
    }
    return out + "]";
}

void bind_optional(detail::Statement& st, int index, const std::optional<double>& v) {
    if (v)
        st.bind(index, *v);
    else
        st.bind_null(index);
}

void bind_geometry(detail::Statement& st, int index, const core::Geometry& g) {
    if (g.empty())
        st.bind_null(index);
    else
        st.bind_blob(index, core::to_wkb(g));
}

const char* k_run_columns = "id, run_at, user, as_of, parameters, inputs, software_version, "
                            "source_commit, skipped, development_count, demolition_count, "
                            "finding_count";

CheckRunRecord read_run(detail::Connection& db, detail::Statement& st) {
    CheckRunRecord r;
    r.id = st.get_int(0);
    r.run_at = st.get_text(1);
    r.user = st.get_text(2);
    r.as_of = st.get_text(3);
    r.parameters_json = st.get_text(4);
    r.software_version = st.get_text(6);
    r.source_commit = st.get_text(7);
    r.skipped_json = st.get_text(8);
    r.development_count = static_cast<std::size_t>(st.get_int(9));
    r.demolition_count = static_cast<std::size_t>(st.get_int(10));
    r.finding_count = static_cast<std::size_t>(st.get_int(11));
    detail::Statement in(db, "SELECT json_extract(value, '$.layer'), json_extract(value, "
                             "'$.role'), json_extract(value, '$.source_sha256'), "
                             "json_extract(value, '$.feature_count') FROM json_each(?)");
    in.bind(1, st.get_text(5));
    while (in.step())
        r.inputs.push_back({in.get_text(0), in.get_text(1), in.get_text(2),
                            static_cast<std::size_t>(in.get_int(3))});
    return r;
}

const char* k_finding_select =
    "SELECT f.id, f.run_id, f.code, f.severity, f.development_id, f.applications, f.uprn, "
    "f.complaints, f.value, f.limit_value, f.unit, f.distance_m, f.explanation, f.provision, "
    "f.annotation_text, AsBinary(f.geom), AsBinary(f.annotation) FROM findings f ";

std::optional<double> optional_double(const detail::Statement& st, int column) {
    if (st.is_null(column))
        return std::nullopt;
    return st.get_double(column);
}

core::Geometry geometry_column(const detail::Statement& st, int column) {
    if (st.is_null(column))
        return {};
    const auto blob = st.get_blob(column);
    return core::from_wkb(blob);
}

std::vector<FindingRecord> read_findings(detail::Statement& st) {
    std::vector<FindingRecord> out;
    while (st.step()) {
        FindingRecord f;
        f.id = st.get_int(0);
        f.run_id = st.get_int(1);
        f.code = st.get_text(2);
        f.severity = st.get_text(3);
        f.development_id = st.get_text(4);
        f.applications = split_list(st.get_text(5));
        f.uprn = st.get_text(6);
        f.complaints = split_list(st.get_text(7));
        f.value = optional_double(st, 8);
        f.limit = optional_double(st, 9);
        f.unit = st.get_text(10);
        f.distance_m = optional_double(st, 11);
        f.explanation = st.get_text(12);
        f.provision = st.get_text(13);
        f.annotation_text = st.get_text(14);
        f.geometry = geometry_column(st, 15);
        f.annotation = geometry_column(st, 16);
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace

std::int64_t Workspace::record_check_run(CheckRunRecord& run,
                                         const std::vector<FindingRecord>& findings,
                                         const std::function<void()>& before_commit) {
    auto& db = m_impl->db;
    detail::Transaction tx(db);
    detail::Statement st(db, "INSERT INTO check_runs (run_at, user, as_of, parameters, inputs, "
                             "software_version, source_commit, skipped, development_count, "
                             "demolition_count, finding_count) VALUES (strftime('%Y-%m-%dT%H:%M:"
                             "%SZ', 'now'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, m_impl->user)
        .bind(2, run.as_of)
        .bind(3, run.parameters_json)
        .bind(4, inputs_json(run.inputs))
        .bind(5, run.software_version)
        .bind(6, run.source_commit)
        .bind(7, run.skipped_json)
        .bind(8, static_cast<std::int64_t>(run.development_count))
        .bind(9, static_cast<std::int64_t>(run.demolition_count))
        .bind(10, static_cast<std::int64_t>(findings.size()))
        .run();
    const auto run_id = db.last_insert_rowid();
    // GeomFromWKB(2D WKB, 27700) into GEOMETRY XY columns meets the constraint the lifted
    // triggers check.
    detail::BulkGeometryInsert bulk(db, "findings");
    detail::Statement ins(
        db, "INSERT INTO findings (run_id, seq, code, severity, development_id, applications, "
            "uprn, complaints, value, limit_value, unit, distance_m, explanation, provision, "
            "annotation_text, geom, annotation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, GeomFromWKB(?, 27700), GeomFromWKB(?, 27700))");
    detail::Statement link(
        db,
        "INSERT OR IGNORE INTO finding_complaints (finding_id, complaint_reference) VALUES (?, ?)");
    std::int64_t seq = 0;
    for (const auto& f : findings) {
        ins.bind(1, run_id)
            .bind(2, ++seq)
            .bind(3, f.code)
            .bind(4, f.severity)
            .bind(5, f.development_id)
            .bind(6, join(f.applications))
            .bind(7, f.uprn)
            .bind(8, join(f.complaints));
        bind_optional(ins, 9, f.value);
        bind_optional(ins, 10, f.limit);
        ins.bind(11, f.unit);
        bind_optional(ins, 12, f.distance_m);
        ins.bind(13, f.explanation).bind(14, f.provision).bind(15, f.annotation_text);
        bind_geometry(ins, 16, f.geometry);
        bind_geometry(ins, 17, f.annotation);
        ins.run();
        const auto finding_id = db.last_insert_rowid();
        for (const auto& c : f.complaints) {
            link.bind(1, finding_id).bind(2, c);
            link.run();
        }
    }
    bulk.finish();
    char counts[160];
    std::snprintf(counts, sizeof counts,
                  ",\"findings\":%zu,\"developments\":%zu,\"demolitions\":%zu}", findings.size(),
                  run.development_count, run.demolition_count);
    detail::append_audit(db, m_impl->user, "check-run",
                         "{\"run_id\":" + std::to_string(run_id) +
                             ",\"as_of\":" + core::json_quote(run.as_of) +
                             ",\"software_version\":" + core::json_quote(run.software_version) +
                             ",\"source_commit\":" + core::json_quote(run.source_commit) + counts);
    if (before_commit)
        before_commit();
    tx.commit();
    detail::Statement back(db, std::string("SELECT ") + k_run_columns +
                                   " FROM check_runs WHERE id = ?");
    back.bind(1, run_id);
    if (back.step())
        run = read_run(db, back);
    return run_id;
}

std::vector<CheckRunRecord> Workspace::check_runs() const {
    auto& db = m_impl->db;
    detail::Statement st(db,
                         std::string("SELECT ") + k_run_columns + " FROM check_runs ORDER BY id");
    std::vector<CheckRunRecord> out;
    while (st.step())
        out.push_back(read_run(db, st));
    return out;
}

std::optional<CheckRunRecord> Workspace::latest_check_run() const {
    auto& db = m_impl->db;
    detail::Statement st(db, std::string("SELECT ") + k_run_columns +
                                 " FROM check_runs ORDER BY id DESC LIMIT 1");
    if (!st.step())
        return std::nullopt;
    return read_run(db, st);
}

std::vector<FindingRecord> Workspace::findings(std::int64_t run_id) const {
    auto& db = m_impl->db;
    detail::Statement exists(db, "SELECT 1 FROM check_runs WHERE id = ?");
    exists.bind(1, run_id);
    if (!exists.step())
        throw core::StoreError("check run " + std::to_string(run_id) + " does not exist");
    detail::Statement st(db, std::string(k_finding_select) + "WHERE f.run_id = ? ORDER BY f.seq");
    st.bind(1, run_id);
    return read_findings(st);
}

std::vector<FindingRecord> Workspace::findings_for_complaint(const std::string& ref) const {
    const auto run = latest_check_run();
    if (!run)
        return {};
    detail::Statement st(m_impl->db,
                         std::string(k_finding_select) +
                             "JOIN finding_complaints l ON l.finding_id = f.id WHERE f.run_id = ? "
                             "AND l.complaint_reference = ? ORDER BY f.seq");
    st.bind(1, run->id).bind(2, ref);
    return read_findings(st);
}

std::vector<FindingRecord> Workspace::findings_for_uprn(const std::string& uprn) const {
    const auto run = latest_check_run();
    if (!run || uprn.empty())
        return {};
    detail::Statement st(m_impl->db, std::string(k_finding_select) +
                                         "WHERE f.run_id = ? AND f.uprn = ? ORDER BY f.seq");
    st.bind(1, run->id).bind(2, uprn);
    return read_findings(st);
}

std::vector<FindingRecord> Workspace::findings_for_case(const std::string& case_ref) const {
    auto& db = m_impl->db;
    detail::Statement c(db, "SELECT id, uprn, application_reference FROM enforcement_cases "
                            "WHERE reference = ?");
    c.bind(1, case_ref);
    if (!c.step())
        throw core::StoreError("case '" + case_ref + "' does not exist");
    const auto case_id = c.get_int(0);
    const std::string uprn = c.get_text(1);
    const std::string application = c.get_text(2);
    const auto run = latest_check_run();
    if (!run)
        return {};
    // A finding belongs to the case when it is at the case's property, about its application,
    // or linked to one of its complaints.
    detail::Statement st(
        db, std::string(k_finding_select) +
                "WHERE f.run_id = ?1 AND ((?2 <> '' AND f.uprn = ?2) OR (?3 <> '' AND ';' || "
                "f.applications || ';' LIKE '%;' || ?3 || ';%') OR f.id IN (SELECT l.finding_id "
                "FROM finding_complaints l JOIN complaints k ON k.reference = "
                "l.complaint_reference JOIN case_complaints cc ON cc.complaint_id = k.id WHERE "
                "cc.case_id = ?4)) ORDER BY f.seq");
    st.bind(1, run->id).bind(2, uprn).bind(3, application).bind(4, case_id);
    return read_findings(st);
}

} // namespace redline::store
