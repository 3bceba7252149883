#pragma once

#include "analysis/dashboard_stats.hpp"
#include "core/date.hpp"
#include "ui/dashboard_view.hpp"

#include <filesystem>

namespace redline::app {

/// The dashboard's numbers as the Dashboard tab shows them.
ui::DashboardView dashboard_view(const analysis::DashboardStats& stats);

/// Read a workspace's complaints, cases and case stage histories and compute
/// analysis::dashboard_stats as of `as_of`. A stage row whose stage or date cannot be read is
/// left out (the casework tools report it). Blocking: call on a worker (desktop_app runs it with
/// std::async). Throws core::StoreError.
ui::DashboardView load_dashboard(const std::filesystem::path& workspace, const core::Date& as_of);

} // namespace redline::app
