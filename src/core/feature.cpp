#include "core/feature.hpp"

#include <cctype>
#include <cstdio>

namespace redline::core {

const char* to_string(FieldType type) {
    switch (type) {
    case FieldType::Integer:
        return "integer";
    case FieldType::Real:
        return "real";
    case FieldType::Text:
        return "text";
    }
    return "text";
}

std::string to_text(const FieldValue& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v))
        return std::to_string(*i);
    if (const auto* d = std::get_if<double>(&v)) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.15g", *d);
        return buf;
    }
    if (const auto* s = std::get_if<std::string>(&v))
        return *s;
    return {};
}

bool is_null(const FieldValue& v) {
    return std::holds_alternative<std::monostate>(v);
}

std::string normalise_field_name(const std::string& name) {
    std::string out;
    out.reserve(name.size());
    for (unsigned char c : name)
        out.push_back(c == '-' ? '_' : static_cast<char>(std::tolower(c)));
    return out;
}

std::optional<std::size_t> LayerData::field_index(const std::string& field_name) const {
    const std::string key = normalise_field_name(field_name);
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name == key)
            return i;
    return std::nullopt;
}

Envelope LayerData::envelope() const {
    Envelope e;
    for (const auto& f : features)
        e.expand(f.geometry.envelope());
    return e;
}

} // namespace redline::core
