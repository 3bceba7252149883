// Saved measurements: what was measured, how, through which plan and calibration, for which case.
#include "store/plans.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "core/wkb.hpp"
#include "store/schema.hpp"
#include "store/workspace_impl.hpp"

namespace redline::store {
std::int64_t Workspace::save_measurement(const MeasurementRecord& m) {
    detail::require_finite(m.grid_value, "a measured value");
    detail::require_finite(m.ground_value, "a measured value");
    auto& db = m_impl->db;
    detail::Transaction tx(db);
    std::optional<std::int64_t> case_row;
    if (!m.case_reference.empty()) {
        case_row = detail::case_id(db, m.case_reference);
        if (!case_row)
            throw core::StoreError("case '" + m.case_reference + "' does not exist");
    }
    detail::Statement st(db, "INSERT INTO measurements (kind, grid_value, ground_value, unit, "
                             "uncertainty, method, plan_id, plan_sha256, calibration_id, case_id, "
                             "created_at, created_by, details, geom) VALUES (?, ?, ?, ?, ?, ?, ?, "
                             "?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?, "
                             "GeomFromWKB(?, 27700))");
    st.bind(1, m.kind).bind(2, m.grid_value).bind(3, m.ground_value).bind(4, m.unit);
    if (m.uncertainty)
        st.bind(5, *m.uncertainty);
    else
        st.bind_null(5);
    st.bind(6, m.method);
    if (m.plan_id)
        st.bind(7, *m.plan_id);
    else
        st.bind_null(7);
    st.bind(8, m.plan_sha256);
    if (m.calibration_id)
        st.bind(9, *m.calibration_id);
    else
        st.bind_null(9);
    if (case_row)
        st.bind(10, *case_row);
    else
        st.bind_null(10);
    st.bind(11, m_impl->user).bind(12, m.details_json).bind_blob(13, core::to_wkb(m.geometry));
    st.run();
    const auto id = db.last_insert_rowid();
    detail::append_audit(db, m_impl->user, "measurement-save",
                         "{\"measurement\":" + std::to_string(id) +
                             ",\"kind\":" + core::json_quote(m.kind) +
                             ",\"case\":" + core::json_quote(m.case_reference) +
                             ",\"method\":" + core::json_quote(m.method) + "}");
    tx.commit();
    return id;
}

std::vector<MeasurementRecord> Workspace::measurements(const std::string& case_reference) const {
    detail::Statement st(m_impl->db,
                         "SELECT m.id, m.kind, m.grid_value, m.ground_value, m.unit, "
                         "m.uncertainty, m.method, m.plan_id, m.plan_sha256, m.calibration_id, "
                         "coalesce(c.reference, ''), m.details, m.created_at, m.created_by, "
                         "AsBinary(m.geom) FROM measurements m LEFT JOIN enforcement_cases c ON "
                         "c.id = m.case_id WHERE ?1 = '' OR c.reference = ?1 ORDER BY m.id");
    st.bind(1, case_reference);
    std::vector<MeasurementRecord> out;
    while (st.step()) {
        MeasurementRecord m;
        m.id = st.get_int(0);
        m.kind = st.get_text(1);
        m.grid_value = st.get_double(2);
        m.ground_value = st.get_double(3);
        m.unit = st.get_text(4);
        if (!st.is_null(5))
            m.uncertainty = st.get_double(5);
        m.method = st.get_text(6);
        if (!st.is_null(7))
            m.plan_id = st.get_int(7);
        m.plan_sha256 = st.get_text(8);
        if (!st.is_null(9))
            m.calibration_id = st.get_int(9);
        m.case_reference = st.get_text(10);
        m.details_json = st.get_text(11);
        m.created_at = st.get_text(12);
        m.created_by = st.get_text(13);
        if (!st.is_null(14))
            m.geometry = core::from_wkb(st.get_blob(14));
        out.push_back(std::move(m));
    }
    return out;
}

} // namespace redline::store
