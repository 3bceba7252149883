#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace redline::core {

/// True when `s` is well-formed UTF-8 (no overlong forms, no surrogates).
bool is_valid_utf8(std::string_view s);
/// Byte offset of the first invalid UTF-8 sequence, or npos.
std::size_t first_invalid_utf8(std::string_view s);

/// Split on a single character, keeping empty parts.
std::vector<std::string> split(std::string_view s, char sep);
std::string trim(std::string_view s);
std::string to_lower(std::string_view s);

/// Parse a whole string as a finite double; false when anything is left over or it is not finite.
bool parse_double(std::string_view s, double& out);

/// Quote a string as a JSON string literal (used for small hand-built JSON such as audit details).
std::string json_quote(std::string_view s);

} // namespace redline::core
