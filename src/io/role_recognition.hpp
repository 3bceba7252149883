#pragma once
// Recognising a layer's role when the user did not give one (--as): from a planning.data.gov.uk
// dataset name, or from fields only one role carries.

#include "core/role.hpp"

#include <optional>
#include <string>
#include <vector>

namespace redline::io {

/// What is known about a source that can name its role.
struct RoleEvidence {
    std::string file_stem;                   ///< "conservation-area" for conservation-area.csv
    std::string layer_name;                  ///< the source layer's name
    std::vector<std::string> field_names;    ///< normalised (core::normalise_field_name)
    std::vector<std::string> dataset_values; ///< distinct values of a `dataset` field, if any
};

/// The role named by a planning.data.gov.uk dataset name ("conservation-area",
/// "Conservation_Area"), or nullopt. Only exact names count: a file called "conservation areas
/// 2021" is not guessed at.
std::optional<core::Role> role_from_dataset_name(const std::string& name);

/// Recognise the role, in this order: the `dataset` field (when every feature names the same
/// dataset), the file stem, the layer name, then distinctive fields (permitted_development_rights
/// -> article-4-direction-area; planning_decision + decision_date -> planning-application; ...).
/// nullopt when nothing is conclusive.
std::optional<core::Role> recognise_role(const RoleEvidence& evidence);

/// "planning-application, approved-footprint, ..." for messages asking for --as ROLE.
std::string role_names_list();

} // namespace redline::io
