// redline-cli audit: the append-only record of who did what to a workspace, and when.
#include "cli/command.hpp"
#include "cli/text_table.hpp"
#include "core/error.hpp"
#include "store/workspace.hpp"

#include <nlohmann/json.hpp>

#include <ostream>

namespace redline::cli {
namespace {

int run_audit(const Args& args, Io& io) {
    const auto& path = args.positional(0, "workspace file (WS)");
    if (args.positional_count() > 1)
        throw core::UsageError("unexpected argument '" + args.m_positional[1] + "'");
    const auto ws = store::Workspace::open(path, current_user());
    const auto log = ws.audit_log();
    if (args.flag("json")) {
        auto out = nlohmann::json::array();
        for (const auto& e : log)
            out.push_back({{"id", e.id},
                           {"time", e.time},
                           {"user", e.user},
                           {"action", e.action},
                           {"details", nlohmann::json::parse(e.details, nullptr, false)}});
        io.out << out.dump(2) << "\n";
        return 0;
    }
    TextTable table({"id", "time (UTC)", "user", "action", "details"});
    for (const auto& e : log)
        table.add({std::to_string(e.id), e.time, e.user, e.action, e.details});
    table.print(io.out);
    return 0;
}

const Registrar k_registrar{{"audit",
                             "WS [--json]",
                             "Show a workspace's audit log (append-only: who did what, when).",
                             {},
                             {"json"},
                             &run_audit}};

} // namespace
} // namespace redline::cli
