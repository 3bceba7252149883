#include "core/import_report.hpp"

#include "core/text.hpp"

namespace redline::core {

const char* to_string(ImportIssue::Action action) {
    switch (action) {
    case ImportIssue::Action::Repaired:
        return "repaired";
    case ImportIssue::Action::Skipped:
        return "skipped";
    case ImportIssue::Action::Note:
        return "note";
    }
    return "note";
}

std::size_t ImportReport::count(ImportIssue::Action action) const {
    std::size_t n = 0;
    for (const auto& i : issues)
        n += i.action == action;
    return n;
}

std::string ImportReport::issues_json() const {
    std::string out = "[";
    for (std::size_t k = 0; k < issues.size(); ++k) {
        const auto& i = issues[k];
        if (k)
            out += ",";
        out += "{\"feature\":" + std::to_string(i.source_fid) +
               ",\"action\":" + json_quote(to_string(i.action));
        if (!i.field.empty())
            out += ",\"field\":" + json_quote(i.field);
        out += ",\"message\":" + json_quote(i.message) + "}";
    }
    return out + "]";
}

} // namespace redline::core
