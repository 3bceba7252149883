#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace redline::core {

/// What happened to one feature during import that the user should know about.
struct ImportIssue {
    enum class Action { Repaired, Skipped, Note };
    std::int64_t source_fid = 0; ///< the feature's id in the source
    std::string field;           ///< empty for geometry issues
    Action action = Action::Note;
    std::string message;
};

const char* to_string(ImportIssue::Action action);

/// Summary of an import, shown to the user and kept in the layer registry.
struct ImportReport {
    std::string source_path;
    std::string source_layer;
    std::string layer_name; ///< name in the workspace
    std::string role;
    std::string source_crs;     ///< e.g. "EPSG:3857"
    std::string transformation; ///< PROJ operation used to reach EPSG:27700
    std::string source_sha256;
    std::size_t features_read = 0;
    std::size_t features_imported = 0;
    std::vector<ImportIssue> issues;

    std::size_t count(ImportIssue::Action action) const;
    /// The issues as a JSON array text, stored in the registry's `issues` column.
    std::string issues_json() const;
};

} // namespace redline::core
