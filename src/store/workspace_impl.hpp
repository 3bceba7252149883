#pragma once
// The state behind a Workspace, shared by the store's .cpp files (private to the store module).

#include "store/database.hpp"
#include "store/workspace.hpp"

#include "core/records.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace redline::store {

struct Workspace::Impl {
    detail::Connection db;
    std::string user;
    int version = 0;
};

namespace detail {

/// Check and insert one complaint (its source_layer included). Throws UsageError for a malformed
/// field (reference empty, received_date not a real ISO date, unknown category) and StoreError
/// "complaint 'REF' already exists" for a duplicate reference. Call inside a transaction.
std::int64_t insert_complaint(Connection& db, const core::Complaint& complaint);

/// The row id of the case `reference`, or nullopt when there is none.
std::optional<std::int64_t> case_id(Connection& db, const std::string& reference);
/// The row id of the case `reference`; throws StoreError "case 'REF' does not exist".
std::int64_t require_case(Connection& db, const std::string& reference);
/// `text` when it is a strict ISO date (YYYY-MM-DD, a real day, no time part); throws UsageError
/// "WHAT 'TEXT': not a real date (YYYY-MM-DD)". An empty text passes when not `required`.
const std::string& checked_date(const std::string& text, const std::string& what,
                                bool required = true);
/// Throws UsageError "WHAT is not a finite number" for NaN or infinity: SQLite would store NaN
/// as NULL and a measurement or matrix would silently lose its value.
void require_finite(double v, const char* what);

/// Columns of the complaints table a layer read may show: never the complainant's identity.
inline constexpr const char* k_public_complaint_fields[] = {"reference", "received_date",
                                                            "category", "description", "status"};

} // namespace detail

} // namespace redline::store
