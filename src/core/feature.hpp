#pragma once

#include "core/geometry.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace redline::core {

enum class FieldType { Integer, Real, Text };
const char* to_string(FieldType type);

/// An attribute value: null, a 64-bit integer, a double or UTF-8 text (dates are ISO text).
using FieldValue = std::variant<std::monostate, std::int64_t, double, std::string>;

/// Text of a value as a user would read it ("" for null).
std::string to_text(const FieldValue& v);
bool is_null(const FieldValue& v);

/// An attribute column. `name` is normalised: lower case, '-' replaced by '_'.
struct FieldDef {
    std::string name;
    FieldType type = FieldType::Text;
};

/// Normalise a field name the way the data model matches them: case-insensitive, '-' == '_'.
std::string normalise_field_name(const std::string& name);

/// One feature: `source_fid` is the feature's id in its source (for messages), `values` line up
/// with the owning layer's `fields`.
struct Feature {
    std::int64_t source_fid = 0;
    Geometry geometry;
    std::vector<FieldValue> values;
};

/// An in-memory layer: features in the CRS named by `epsg` (EPSG:27700 once imported).
struct LayerData {
    std::string name;
    int epsg = 27700;
    std::vector<FieldDef> fields;
    std::vector<Feature> features;

    /// Index of a field by normalised name, or nullopt.
    std::optional<std::size_t> field_index(const std::string& field_name) const;
    Envelope envelope() const;
};

} // namespace redline::core
