#pragma once
// The state behind a Workspace, shared by the store's .cpp files (private to the store module).

#include "store/database.hpp"
#include "store/workspace.hpp"

#include "core/records.hpp"

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

/// Columns of the complaints table a layer read may show: never the complainant's identity.
inline constexpr const char* k_public_complaint_fields[] = {"reference", "received_date",
                                                            "category", "description", "status"};

} // namespace detail

} // namespace redline::store
