#pragma once
// Writing many rows into a table with SpatiaLite geometry columns, without SpatiaLite's per-row
// insert triggers. Private to the store module.

#include "store/database.hpp"

#include <string>
#include <utility>
#include <vector>

namespace redline::store::detail {

/// While alive, inside an open Transaction, the SpatiaLite INSERT triggers of `table` are lifted:
/// the geometry-constraint check (`ggi_*`: type and SRID) and the geometry_columns_time stamp
/// (`tmi_*`). finish() puts back their exact SQL and stamps the time once. If finish() is never
/// reached (an exception), the enclosing transaction's rollback restores the triggers with
/// everything else, because SQLite's DDL is transactional.
///
/// Contract for the caller: every geometry it writes meanwhile must already satisfy the column's
/// constraint (in the store: `GeomFromWKB(?, 27700)` of 2D WKB into a GEOMETRY XY column).
class BulkGeometryInsert {
public:
    BulkGeometryInsert(Connection& db, const std::string& table);
    BulkGeometryInsert(const BulkGeometryInsert&) = delete;
    BulkGeometryInsert& operator=(const BulkGeometryInsert&) = delete;
    /// Re-create the lifted triggers and record the insert time, as the triggers would have.
    void finish();

private:
    Connection& m_db;
    std::string m_table;
    std::vector<std::pair<std::string, std::string>> m_triggers; ///< name, CREATE statement
};

} // namespace redline::store::detail
