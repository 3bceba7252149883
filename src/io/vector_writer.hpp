#pragma once

#include "core/feature.hpp"
#include "core/progress.hpp"

#include <filesystem>

namespace redline::io {

/// Write `layer` (its fields, geometries and CRS `layer.epsg`, normally EPSG:27700) to a new file
/// whose format follows the extension: `.gpkg` GeoPackage, `.geojson`/`.json` GeoJSON, `.csv`
/// CSV with the geometry as a `WKT` column. The layer inside is named `layer.name`. Geometry type
/// is the features' common type; a mix of single and multi parts of one kind is written as the
/// multi type, and anything else as a generic geometry. Atomic: written to a temporary file beside
/// `path` and renamed over any existing file. Throws core::UsageError for an unknown extension,
/// core::IoError (path, layer, feature) when GDAL fails, core::Cancelled via `progress`.
void write_vector(const std::filesystem::path& path, const core::LayerData& layer,
                  const core::ProgressFn& progress = {});

} // namespace redline::io
