#pragma once
// Plans, their calibrations and saved measurements in the workspace (issue #5); private to the
// store module. The public API is on Workspace (store/workspace.hpp).

#include "store/database.hpp"

namespace redline::store::detail {

/// Schema migration 3 -> 4: the plans, plan_calibrations and measurements tables. Call only from
/// the migration list (store/schema.cpp), inside its transaction.
void migrate_plans(Connection& db);

} // namespace redline::store::detail
