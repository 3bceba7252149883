// redline-cli layers: the layer registry of a workspace, with provenance.
#include "cli/command.hpp"
#include "cli/text_table.hpp"
#include "core/error.hpp"
#include "store/workspace.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <ostream>

namespace redline::cli {
namespace {

std::string extent_text(const core::Envelope& e) {
    if (e.empty())
        return "-";
    char buf[128];
    std::snprintf(buf, sizeof buf, "%.1f,%.1f %.1f,%.1f", e.min_x, e.min_y, e.max_x, e.max_y);
    return buf;
}

std::size_t issue_count(const std::string& issues_json) {
    const auto issues = nlohmann::json::parse(issues_json, nullptr, false);
    return issues.is_array() ? issues.size() : 0;
}

int run_layers(const Args& args, Io& io) {
    const auto& path = args.positional(0, "workspace file (WS)");
    if (args.positional_count() > 1)
        throw core::UsageError("unexpected argument '" + args.m_positional[1] + "'");
    const auto ws = store::Workspace::open(path, current_user());
    const auto layers = ws.layers();
    if (args.flag("json")) {
        auto out = nlohmann::json::array();
        for (const auto& l : layers) {
            nlohmann::json extent = nullptr;
            if (!l.extent.empty())
                extent = {l.extent.min_x, l.extent.min_y, l.extent.max_x, l.extent.max_y};
            out.push_back({{"name", l.name},
                           {"role", core::to_string(l.role)},
                           {"geometry_type", l.geometry_type},
                           {"feature_count", l.feature_count},
                           {"extent", extent},
                           {"source_file", l.source_file},
                           {"source_sha256", l.source_sha256},
                           {"source_crs", l.source_crs},
                           {"transformation", l.transformation},
                           {"imported_at", l.imported_at},
                           {"issues", nlohmann::json::parse(l.issues_json, nullptr, false)}});
        }
        io.out << out.dump(2) << "\n";
        return 0;
    }
    if (layers.empty()) {
        io.out << "no layers in '" << path << "'\n";
        return 0;
    }
    TextTable table(
        {"name", "role", "count", "extent (EPSG:27700)", "source", "sha256", "crs", "issues"});
    for (const auto& l : layers)
        // The short hash is enough to tell files apart at a glance; --json has the full one.
        table.add({l.name, core::to_string(l.role), std::to_string(l.feature_count),
                   extent_text(l.extent), l.source_file, l.source_sha256.substr(0, 12),
                   l.source_crs, std::to_string(issue_count(l.issues_json))});
    table.print(io.out);
    return 0;
}

const Registrar k_registrar{{"layers",
                             "WS [--json]",
                             "List a workspace's layers: role, feature count, extent, source file "
                             "and its SHA-256, source CRS, import issues.",
                             {},
                             {"json"},
                             &run_layers}};

} // namespace
} // namespace redline::cli
