#pragma once
// Helpers shared by the layer import (layer_table.cpp) and the layer reads (layer_read.cpp);
// private to the store module.

#include "store/database.hpp"

#include <string>

namespace redline::store::detail {

/// Throw StoreError unless `name` is a valid layer name: [a-z_][a-z0-9_]* (at most 60 characters,
/// as io::sanitise_layer_name makes them). With `creates_table`, also not one of Redline's tables
/// nor a name SQLite or SpatiaLite use ("sqlite_*", "idx_*" spatial index tables,
/// "spatial_ref_sys", any existing table or view).
void validate_layer_name(Connection& db, const std::string& name, bool creates_table);

/// Name of the SpatiaLite R*Tree index table of a layer's `column`.
inline std::string index_table(const std::string& table, const std::string& column) {
    return "idx_" + table + "_" + column;
}

} // namespace redline::store::detail
