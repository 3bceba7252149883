// Why: AddGeometryColumn() guards a column with a BEFORE INSERT trigger that looks the column up in
// geometry_columns and parses the blob (GeometryConstraints), and an AFTER INSERT trigger that
// rewrites a row of geometry_columns_time. Per row they cost about four times the insert itself
// (measured on a check run's findings: 48 us a row with them, 11 us without), so a large breach
// check spent a quarter of its single-thread time storing its findings. Lifting them inside the
// transaction keeps the table a normal SpatiaLite layer for anyone who opens the workspace.
#include "store/bulk_geometry_insert.hpp"

namespace redline::store::detail {

BulkGeometryInsert::BulkGeometryInsert(Connection& db, const std::string& table)
    : m_db(db), m_table(table) {
    {
        Statement st(db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND "
                         "tbl_name = ? AND (name LIKE 'ggi\\_%' ESCAPE '\\' OR name LIKE "
                         "'tmi\\_%' ESCAPE '\\') ORDER BY name");
        st.bind(1, table);
        while (st.step())
            m_triggers.emplace_back(st.get_text(0), st.get_text(1));
    }
    for (const auto& [name, sql] : m_triggers)
        db.exec("DROP TRIGGER " + quote_identifier(name));
}

void BulkGeometryInsert::finish() {
    for (const auto& [name, sql] : m_triggers)
        m_db.exec(sql);
    Statement st(m_db, "UPDATE geometry_columns_time SET last_insert = "
                       "strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE lower(f_table_name) = "
                       "lower(?)");
    st.bind(1, m_table);
    st.run();
    m_triggers.clear();
}

} // namespace redline::store::detail
