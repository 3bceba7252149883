#pragma once

#include <optional>
#include <stdexcept>
#include <string>

namespace redline::core {

/// Where a problem is: each part optional. Printed as "file 'a.gpkg', layer 'x', feature 12, field
/// 'decision_date'" so that a user can find it.
struct ErrorContext {
    std::string path;
    std::string layer;
    std::optional<long long> feature;
    std::string field;

    /// Human-readable location, empty when nothing is known.
    std::string describe() const;
};

/// Base of every Redline failure that stops an operation. what() holds the full message, context
/// included.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message, ErrorContext context = {});
    const ErrorContext& context() const noexcept { return m_context; }
    /// The message without the location.
    const std::string& message() const noexcept { return m_message; }

private:
    std::string m_message;
    ErrorContext m_context;
};

/// Reading or writing files, bad input data.
class IoError : public Error {
    using Error::Error;
};
/// Unknown CRS, missing OSTN15 grid, failed transformation.
class CrsError : public Error {
    using Error::Error;
};
/// A GEOS failure or an unusable geometry.
class GeometryError : public Error {
    using Error::Error;
};
/// The workspace database: SQLite errors, schema version, constraint violations.
class StoreError : public Error {
public:
    StoreError(const std::string& message, int sqlite_code = 0, ErrorContext context = {});
    int sqlite_code() const noexcept { return m_sqlite_code; }

private:
    int m_sqlite_code;
};
/// The user (or a progress callback) asked long work to stop; nothing was changed.
class Cancelled : public Error {
    using Error::Error;
};
/// Bad command-line or API usage (a malformed argument, an unknown option).
class UsageError : public Error {
    using Error::Error;
};

} // namespace redline::core
