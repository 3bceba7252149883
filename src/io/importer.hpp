#pragma once

#include "core/feature.hpp"
#include "core/import_report.hpp"
#include "core/progress.hpp"
#include "core/role.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace redline::io {

/// What to do with a feature whose geometry is invalid.
enum class OnInvalid { Repair, Skip, Fail };

/// Options of `redline-cli import` (and the viewer's import dialog).
struct ImportOptions {
    std::string source_layer;       ///< which layer of a multi-layer source; empty = the only one
    std::optional<core::Role> role; ///< empty = recognise from dataset name or fields
    std::string name;               ///< workspace layer name; empty = derived from the source
    std::string crs_override;       ///< e.g. "EPSG:27700" for a source without a CRS
    OnInvalid on_invalid = OnInvalid::Repair;
    /// (field, value): fill the field where the source has no value, adding it when absent, for
    /// sources that lack a field their role needs (e.g. Southwark's Article 4 files have no
    /// permitted_development_rights). Source values are never overwritten; each use is a Note
    /// issue in the report, so the provenance shows who supplied the value.
    std::vector<std::pair<std::string, std::string>> set_fields;
};

/// A source read, checked and reprojected, ready to be written to the workspace.
struct ImportedLayer {
    core::LayerData data; ///< EPSG:27700; field names normalised; name is the workspace name
    core::Role role;
    core::ImportReport report;
};

/// Read every feature of a source (any format in shared/docs/data-model.md, including .zip'd
/// shapefiles and planning.data.gov.uk CSV/GeoJSON), recognise its role, check the role's required
/// fields, dates (ISO, real days) and UTF-8 text, repair/skip/fail invalid geometry, and reproject
/// to EPSG:27700 (OSTN15 only). Throws IoError/CrsError/GeometryError naming the file, layer,
/// feature and field; nothing is written anywhere. Reports progress; Cancelled when asked to stop.
ImportedLayer read_for_import(const std::filesystem::path& source, const ImportOptions& options,
                              const core::ProgressFn& progress = {});

/// Names of the vector layers in a source. Throws IoError if it cannot be opened as geodata.
std::vector<std::string> list_source_layers(const std::filesystem::path& source);

/// Make a safe workspace layer name from free text: lower case, [a-z0-9_], not starting with a
/// digit, at most 60 characters.
std::string sanitise_layer_name(const std::string& text);

} // namespace redline::io
