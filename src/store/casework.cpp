// Complaints, enforcement cases, their links and key dates.
#include "core/date.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "store/schema.hpp"
#include "store/workspace_impl.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>

namespace redline::store {
namespace {

void check_kind(const std::string& kind) {
    // Lower-case words joined by '-', like the role and category names.
    bool ok = !kind.empty() && kind.front() != '-' && kind.back() != '-' &&
              kind.find("--") == std::string::npos;
    for (const char c : kind)
        ok = ok && ((c >= 'a' && c <= 'z') || c == '-');
    if (!ok)
        throw core::UsageError("key date kind '" + kind +
                               "' is not valid (lower-case words "
                               "joined by '-', e.g. pcn-served)");
}

void insert_key_date(detail::Connection& db, std::int64_t case_row, const std::string& case_ref,
                     const CaseKeyDate& k) {
    detail::Statement st(
        db, "INSERT INTO case_key_dates (case_id, kind, date, note) VALUES (?, ?, ?, ?)");
    st.bind(1, case_row).bind(2, k.kind).bind(3, k.date).bind(4, k.note);
    try {
        st.run();
    } catch (const core::StoreError& e) {
        if ((e.sqlite_code() & 0xff) == SQLITE_CONSTRAINT)
            throw core::StoreError("case '" + case_ref + "' already has key date " + k.kind + " " +
                                       k.date,
                                   e.sqlite_code());
        throw;
    }
}

void link(detail::Connection& db, const std::string& user, std::int64_t case_row,
          const std::string& case_ref, const std::string& complaint_ref) {
    detail::Statement find(db, "SELECT id FROM complaints WHERE reference = ?");
    find.bind(1, complaint_ref);
    if (!find.step())
        throw core::StoreError("complaint '" + complaint_ref + "' does not exist");
    const auto complaint_row = find.get_int(0);
    detail::Statement st(db, "INSERT INTO case_complaints (case_id, complaint_id) VALUES (?, ?)");
    st.bind(1, case_row).bind(2, complaint_row);
    try {
        st.run();
    } catch (const core::StoreError& e) {
        if ((e.sqlite_code() & 0xff) == SQLITE_CONSTRAINT)
            throw core::StoreError("complaint '" + complaint_ref + "' is already linked to case '" +
                                       case_ref + "'",
                                   e.sqlite_code());
        throw;
    }
    detail::append_audit(db, user, "case-link",
                         "{\"case\":" + core::json_quote(case_ref) +
                             ",\"complaint\":" + core::json_quote(complaint_ref) + "}");
}

} // namespace

std::int64_t detail::insert_complaint(Connection& db, const core::Complaint& c) {
    if (core::trim(c.reference).empty())
        throw core::UsageError("a complaint needs a reference");
    detail::checked_date(c.received_date, "received_date");
    const auto& categories = core::complaint_categories();
    if (!c.category.empty() &&
        std::find(categories.begin(), categories.end(), c.category) == categories.end())
        throw core::UsageError("category '" + c.category + "' is not one of the data model's");
    if (!std::isfinite(c.location.x) || !std::isfinite(c.location.y))
        throw core::UsageError("complaint '" + c.reference + "' has no usable location");
    {
        Statement dup(db, "SELECT 1 FROM complaints WHERE reference = ?");
        dup.bind(1, c.reference);
        if (dup.step())
            throw core::StoreError("complaint '" + c.reference + "' already exists");
    }
    Statement st(db, "INSERT INTO complaints (reference, received_date, category, description, "
                     "status, complainant_name, complainant_contact, source_layer, geom) VALUES "
                     "(?, ?, ?, ?, ?, ?, ?, ?, MakePoint(?, ?, 27700))");
    st.bind(1, c.reference)
        .bind(2, c.received_date)
        .bind(3, c.category)
        .bind(4, c.description)
        .bind(5, c.status.empty() ? std::string("open") : c.status)
        .bind(6, c.complainant_name)
        .bind(7, c.complainant_contact);
    if (c.source_layer.empty())
        st.bind_null(8);
    else
        st.bind(8, c.source_layer);
    st.bind(9, c.location.x).bind(10, c.location.y).run();
    return db.last_insert_rowid();
}

namespace {
/// A complaint and its "complaint-add" entry, inside the caller's transaction.
std::int64_t insert_audited_complaint(detail::Connection& db, const std::string& user,
                                      const core::Complaint& c) {
    const auto id = detail::insert_complaint(db, c);
    // The audit entry names the complaint only: the complainant's identity stays out of it.
    detail::append_audit(db, user, "complaint-add",
                         "{\"reference\":" + core::json_quote(c.reference) + "}");
    return id;
}
} // namespace

std::int64_t Workspace::add_complaint(const core::Complaint& c) {
    auto& db = m_impl->db;
    detail::Transaction tx(db);
    const auto id = insert_audited_complaint(db, m_impl->user, c);
    tx.commit();
    return id;
}

std::vector<core::Complaint> Workspace::complaints() const {
    detail::Statement st(m_impl->db,
                         "SELECT id, reference, received_date, category, description, status, "
                         "complainant_name, complainant_contact, X(geom), Y(geom), source_layer "
                         "FROM complaints ORDER BY id");
    std::vector<core::Complaint> out;
    while (st.step()) {
        core::Complaint c;
        c.id = st.get_int(0);
        c.reference = st.get_text(1);
        c.received_date = st.get_text(2);
        c.category = st.get_text(3);
        c.description = st.get_text(4);
        c.status = st.get_text(5);
        c.complainant_name = st.get_text(6);
        c.complainant_contact = st.get_text(7);
        c.location = {st.get_double(8), st.get_double(9)};
        c.source_layer = st.get_text(10);
        out.push_back(std::move(c));
    }
    return out;
}

std::int64_t Workspace::add_complaint(const core::Complaint& c, const IntakeCase& with) {
    if (with.existing.empty() == !with.open.has_value())
        throw core::UsageError("a complaint's intake names either an open case to join or a new "
                               "case to open");
    if (with.profile)
        detail::check_case_profile(*with.profile);
    auto& db = m_impl->db;
    detail::Transaction tx(db);
    const auto id = insert_audited_complaint(db, m_impl->user, c);
    if (with.open) {
        core::EnforcementCase opened = *with.open;
        opened.complaint_references = {c.reference};
        detail::insert_case(db, m_impl->user, opened, with.profile ? &*with.profile : nullptr);
    } else {
        // The case was found open when the officer looked; another officer may have closed it
        // since. Joining a closed case would hide the complaint from the workload, so the whole
        // intake is refused and the officer decides again.
        const auto row = detail::require_case(db, with.existing);
        detail::Statement st(db, "SELECT status FROM enforcement_cases WHERE id = ?");
        st.bind(1, row);
        if (st.step() && st.get_text(0) == "closed")
            throw core::StoreError("case '" + with.existing +
                                   "' has been closed: the complaint was not added");
        link(db, m_impl->user, row, with.existing, c.reference);
    }
    tx.commit();
    return id;
}

std::int64_t Workspace::add_case(const core::EnforcementCase& c) {
    auto& db = m_impl->db;
    detail::Transaction tx(db);
    const auto id = detail::insert_case(db, m_impl->user, c, nullptr);
    tx.commit();
    return id;
}

std::int64_t Workspace::add_case(const core::EnforcementCase& c, const CaseProfile& profile) {
    detail::check_case_profile(profile);
    auto& db = m_impl->db;
    detail::Transaction tx(db);
    const auto id = detail::insert_case(db, m_impl->user, c, &profile);
    tx.commit();
    return id;
}

std::int64_t detail::insert_case(Connection& db, const std::string& user,
                                 const core::EnforcementCase& c, const CaseProfile* profile) {
    if (core::trim(c.reference).empty())
        throw core::UsageError("a case needs a reference");
    if (!c.breach_start_date.empty())
        detail::checked_date(c.breach_start_date, "breach start date");
    const std::string opened = c.opened_date.empty()
                                   ? core::Date::today().to_string()
                                   : detail::checked_date(c.opened_date, "opened date");
    if (!c.uprn.empty() &&
        (c.uprn.size() > 12 || !std::all_of(c.uprn.begin(), c.uprn.end(),
                                            [](char ch) { return ch >= '0' && ch <= '9'; })))
        throw core::UsageError("UPRN '" + c.uprn + "' is not valid (up to 12 digits)");
    if (c.site && (!std::isfinite(c.site->x) || !std::isfinite(c.site->y)))
        throw core::UsageError("case '" + c.reference + "' has an unusable site point");

    if (detail::case_id(db, c.reference))
        throw core::StoreError("case '" + c.reference + "' already exists");
    detail::Statement st(db, "INSERT INTO enforcement_cases (reference, uprn, "
                             "application_reference, alleged_breach, breach_start_date, status, "
                             "officer, opened_date, site) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                             "CASE WHEN ?9 IS NULL THEN NULL ELSE MakePoint(?9, ?10, 27700) END)");
    st.bind(1, c.reference)
        .bind(2, c.uprn)
        .bind(3, c.application_reference)
        .bind(4, c.alleged_breach)
        .bind(5, c.breach_start_date)
        .bind(6, c.status.empty() ? std::string("open") : c.status)
        .bind(7, c.officer)
        .bind(8, opened);
    if (c.site)
        st.bind(9, c.site->x).bind(10, c.site->y);
    else
        st.bind_null(9).bind_null(10);
    st.run();
    const auto id = db.last_insert_rowid();
    insert_key_date(db, id, c.reference, {"opened", opened, ""});
    if (!c.breach_start_date.empty())
        insert_key_date(db, id, c.reference, {"breach-start", c.breach_start_date, ""});
    std::string details = "{\"reference\":" + core::json_quote(c.reference);
    if (profile) {
        // The s171B classification decides the immunity clock, so it is on the record too.
        detail::Statement set(db, "UPDATE enforcement_cases SET breach_type = ?, nation = ? "
                                  "WHERE id = ?");
        set.bind(1, profile->breach_type).bind(2, profile->nation).bind(3, id).run();
        details += ",\"breach_type\":" + core::json_quote(profile->breach_type) +
                   ",\"nation\":" + core::json_quote(profile->nation);
    }
    detail::append_audit(db, user, "case-add", details + "}");
    for (const auto& ref : c.complaint_references)
        link(db, user, id, c.reference, ref);
    return id;
}

void Workspace::link_case_complaint(const std::string& case_ref, const std::string& complaint_ref) {
    auto& db = m_impl->db;
    detail::Transaction tx(db);
    link(db, m_impl->user, detail::require_case(db, case_ref), case_ref, complaint_ref);
    tx.commit();
}

std::vector<core::EnforcementCase> Workspace::cases() const {
    auto& db = m_impl->db;
    detail::Statement st(db, "SELECT id, reference, uprn, application_reference, alleged_breach, "
                             "breach_start_date, status, officer, opened_date, X(site), Y(site) "
                             "FROM enforcement_cases ORDER BY id");
    detail::Statement refs(db, "SELECT c.reference FROM case_complaints l JOIN complaints c ON "
                               "c.id = l.complaint_id WHERE l.case_id = ? ORDER BY c.reference");
    std::vector<core::EnforcementCase> out;
    while (st.step()) {
        core::EnforcementCase c;
        c.id = st.get_int(0);
        c.reference = st.get_text(1);
        c.uprn = st.get_text(2);
        c.application_reference = st.get_text(3);
        c.alleged_breach = st.get_text(4);
        c.breach_start_date = st.get_text(5);
        c.status = st.get_text(6);
        c.officer = st.get_text(7);
        c.opened_date = st.get_text(8);
        if (!st.is_null(9))
            c.site = core::Coord{st.get_double(9), st.get_double(10)};
        refs.bind(1, c.id);
        while (refs.step())
            c.complaint_references.push_back(refs.get_text(0));
        refs.reset();
        out.push_back(std::move(c));
    }
    return out;
}

void Workspace::add_case_key_date(const std::string& case_ref, const CaseKeyDate& key_date) {
    check_kind(key_date.kind);
    detail::checked_date(key_date.date, "key date");
    auto& db = m_impl->db;
    detail::Transaction tx(db);
    insert_key_date(db, detail::require_case(db, case_ref), case_ref, key_date);
    detail::append_audit(db, m_impl->user, "case-key-date",
                         "{\"case\":" + core::json_quote(case_ref) +
                             ",\"kind\":" + core::json_quote(key_date.kind) +
                             ",\"date\":" + core::json_quote(key_date.date) + "}");
    tx.commit();
}

std::vector<CaseKeyDate> Workspace::case_key_dates(const std::string& case_ref) const {
    auto& db = m_impl->db;
    const auto id = detail::require_case(db, case_ref);
    detail::Statement st(db, "SELECT kind, date, note FROM case_key_dates WHERE case_id = ? "
                             "ORDER BY date, id");
    st.bind(1, id);
    std::vector<CaseKeyDate> out;
    while (st.step())
        out.push_back({st.get_text(0), st.get_text(1), st.get_text(2)});
    return out;
}

} // namespace redline::store
