#pragma once
// Opening a source with GDAL and copying one layer into core types. This is the only place that
// knows GDAL; everything after works on core::LayerData.

#include "core/feature.hpp"
#include "core/progress.hpp"
#include "io/csv_layout.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace redline::io {

/// One source layer, read whole. Coordinates are in the source CRS, x = easting/longitude.
struct SourceLayer {
    core::LayerData data;     ///< field names normalised; empty/null geometries kept as Empty
    std::string layer_name;   ///< as the source names it
    std::size_t layer_count;  ///< layers in the source (1 for a single-layer file)
    std::string driver;       ///< GDAL driver short name ("GPKG", "ESRI Shapefile", ...)
    std::string crs;          ///< "EPSG:n" when GDAL identifies it, else WKT2; empty = none
    CsvLayout csv;            ///< for CSV sources: how the geometry was found
    std::string display_path; ///< the path as the user gave it, for messages
};

/// The path GDAL should open: a .zip becomes /vsizip/.../the.shp inside it (the one whose stem
/// is `layer` when it holds several). Throws IoError naming the zip when it holds no shapefile,
/// or several and `layer` names none of them (listing them).
std::string gdal_path_for(const std::filesystem::path& source, const std::string& layer);

/// Read layer `layer` of `source` (empty = its only layer). Throws IoError naming the file when it
/// cannot be opened as vector data, when it has several layers and none is chosen (listing
/// them), when a chosen layer does not exist, or a CSV has no geometry columns; CrsError when
/// the source declares a CRS that GDAL/PROJ does not know. Progress stage "reading".
SourceLayer read_source(const std::filesystem::path& source, const std::string& layer,
                        const core::ProgressFn& progress);

/// Names of the vector layers of a source (see importer.hpp).
std::vector<std::string> source_layer_names(const std::filesystem::path& source);

} // namespace redline::io
