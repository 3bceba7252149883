#pragma once
// Per-feature geometry checks of an import: empty and non-finite geometry, the role's geometry
// kind, and OGC validity with the user's choice of repair, skip or fail.

#include "core/error.hpp"
#include "core/feature.hpp"
#include "core/import_report.hpp"
#include "core/role.hpp"
#include "io/importer.hpp"

namespace redline::io {

/// Throws IoError naming the first feature whose geometry is of another kind than the role
/// expects (a point in a polygon layer); empty geometries are left for `check_geometries`.
void check_geometry_kinds(const core::LayerData& layer, core::Role role,
                          const core::ErrorContext& where);

/// True when every coordinate is finite (no NaN or infinity, which GEOS and PROJ reject).
bool all_finite(const core::Geometry& g);

/// Drop features with empty geometry (issue "skipped: empty geometry") or non-finite coordinates
/// (issue "skipped: non-finite coordinate"; GeometryError naming the feature with Fail).
void drop_unusable_geometries(core::LayerData& layer, OnInvalid on_invalid,
                              core::ImportReport& report, const core::ErrorContext& where);

/// Validate every (non-empty, finite) geometry: with Repair, replace an invalid geometry by
/// geom::make_valid keeping the role's kind (issue "repaired: <reason> at x y"; skipped if nothing
/// of that kind is left); with Skip, drop it (issue "skipped: <reason> at x y"); with Fail, throw
/// GeometryError naming file, layer and feature. Progress "checking".
void check_geometries(core::LayerData& layer, core::Role role, OnInvalid on_invalid,
                      core::ImportReport& report, const core::ErrorContext& where,
                      const core::ProgressFn& progress);

} // namespace redline::io
