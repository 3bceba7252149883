#include "io/field_checks.hpp"

#include "core/date.hpp"
#include "core/text.hpp"

namespace redline::io {
namespace {

core::ErrorContext at(const core::ErrorContext& where, std::int64_t fid, const std::string& field) {
    core::ErrorContext c = where;
    c.feature = fid;
    c.field = field;
    return c;
}

bool blank(const core::FieldValue& v) {
    return core::is_null(v) || core::trim(core::to_text(v)).empty();
}

/// A value quoted for a message, with any invalid bytes shown as \xNN so the message itself stays
/// valid UTF-8.
std::string shown(const std::string& s) {
    std::string out = "'";
    std::string_view rest = s;
    while (!rest.empty()) {
        const auto bad = core::first_invalid_utf8(rest);
        if (bad == std::string_view::npos) {
            out += rest;
            break;
        }
        out += rest.substr(0, bad);
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(rest[bad]));
        out += buf;
        rest.remove_prefix(bad + 1);
    }
    return out + "'";
}

} // namespace

void check_utf8(const core::LayerData& layer, const core::ErrorContext& where) {
    for (const auto& f : layer.fields)
        if (!core::is_valid_utf8(f.name)) {
            core::ErrorContext c = where;
            c.field = f.name;
            throw core::IoError("field name " + shown(f.name) + " is not valid UTF-8 text", c);
        }
    for (const auto& feature : layer.features)
        for (std::size_t i = 0; i < feature.values.size() && i < layer.fields.size(); ++i) {
            const auto* s = std::get_if<std::string>(&feature.values[i]);
            if (s && !core::is_valid_utf8(*s))
                throw core::IoError("text " + shown(*s) +
                                        " is not valid UTF-8 (for a shapefile, declare its "
                                        "encoding in a .cpg file, e.g. 'CP1252')",
                                    at(where, feature.source_fid, layer.fields[i].name));
        }
}

void check_required_fields(const core::LayerData& layer, core::Role role,
                           const core::ErrorContext& where) {
    for (const auto& name : core::required_fields(role)) {
        const auto index = layer.field_index(name);
        if (!index) {
            core::ErrorContext c = where;
            c.field = name;
            throw core::IoError(std::string("required field is missing: a ") +
                                    core::to_string(role) + " layer needs '" + name + "'",
                                c);
        }
        for (const auto& feature : layer.features)
            if (*index >= feature.values.size() || blank(feature.values[*index]))
                throw core::IoError("required field is empty", at(where, feature.source_fid, name));
    }
}

void check_dates(const core::LayerData& layer, core::Role role, const core::ErrorContext& where) {
    for (const auto& name : core::date_fields(role)) {
        const auto index = layer.field_index(name);
        if (!index)
            continue;
        for (const auto& feature : layer.features) {
            if (*index >= feature.values.size() || blank(feature.values[*index]))
                continue;
            const std::string text = core::trim(core::to_text(feature.values[*index]));
            // Date::parse checks the calendar (no 30 February); the length check keeps out
            // forms such as "2023-2-3" that some parsers accept.
            const bool iso_shape = text.size() >= 10 && text[4] == '-' && text[7] == '-' &&
                                   (text.size() == 10 || text[10] == 'T');
            if (!iso_shape || !core::Date::parse(text))
                throw core::IoError("date " + shown(text) +
                                        " is not a real day in ISO form YYYY-MM-DD",
                                    at(where, feature.source_fid, name));
        }
    }
}

std::string normalise_planning_decision(const std::string& text) {
    const std::string key = core::to_lower(core::trim(text));
    if (key == "approved" || key == "granted" || key == "permitted")
        return "approved";
    if (key == "refused" || key == "withdrawn" || key == "pending")
        return key;
    return {};
}

void normalise_planning_decisions(core::LayerData& layer, const core::ErrorContext& where) {
    const auto index = layer.field_index("planning_decision");
    if (!index)
        return;
    for (auto& feature : layer.features) {
        if (*index >= feature.values.size() || blank(feature.values[*index]))
            continue;
        const std::string raw = core::to_text(feature.values[*index]);
        const std::string value = normalise_planning_decision(raw);
        if (value.empty())
            throw core::IoError("planning decision " + shown(raw) +
                                    " is not one of approved, refused, withdrawn, pending "
                                    "(granted and permitted also mean approved)",
                                at(where, feature.source_fid, "planning_decision"));
        feature.values[*index] = value;
    }
}

std::size_t fill_field(core::LayerData& layer, const std::string& field, const std::string& value) {
    const std::string name = core::normalise_field_name(field);
    auto index = layer.field_index(name);
    if (!index) {
        layer.fields.push_back({name, core::FieldType::Text});
        index = layer.fields.size() - 1;
    }
    std::size_t filled = 0;
    for (auto& feature : layer.features) {
        if (feature.values.size() < layer.fields.size())
            feature.values.resize(layer.fields.size());
        if (blank(feature.values[*index])) {
            feature.values[*index] = value;
            ++filled;
        }
    }
    return filled;
}

} // namespace redline::io
