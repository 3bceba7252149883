#include "core/error.hpp"

namespace redline::core {

std::string ErrorContext::describe() const {
    std::string out;
    auto add = [&out](const std::string& part) {
        if (!out.empty())
            out += ", ";
        out += part;
    };
    if (!path.empty())
        add("file '" + path + "'");
    if (!layer.empty())
        add("layer '" + layer + "'");
    if (feature)
        add("feature " + std::to_string(*feature));
    if (!field.empty())
        add("field '" + field + "'");
    return out;
}

namespace {
std::string compose(const std::string& message, const ErrorContext& context) {
    const std::string where = context.describe();
    return where.empty() ? message : where + ": " + message;
}
} // namespace

Error::Error(const std::string& message, ErrorContext context)
    : std::runtime_error(compose(message, context)), m_message(message),
      m_context(std::move(context)) {}

StoreError::StoreError(const std::string& message, int sqlite_code, ErrorContext context)
    : Error(message, std::move(context)), m_sqlite_code(sqlite_code) {}

} // namespace redline::core
