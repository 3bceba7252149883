// redline-cli init: create an empty workspace file.
#include "cli/command.hpp"
#include "core/error.hpp"
#include "store/workspace.hpp"

#include <ostream>

namespace redline::cli {
namespace {

int run_init(const Args& args, Io& io) {
    const auto& path = args.positional(0, "workspace file (WS)");
    if (args.positional_count() > 1)
        throw core::UsageError("unexpected argument '" + args.m_positional[1] + "'");
    const auto ws = store::Workspace::create(path, current_user());
    io.out << "created workspace '" << path << "' (schema version " << ws.schema_version() << ")\n";
    return 0;
}

const Registrar k_registrar{{"init",
                             "WS",
                             "Create a new, empty workspace (a SpatiaLite file); fails if WS "
                             "exists.",
                             {},
                             {},
                             &run_init}};

} // namespace
} // namespace redline::cli
