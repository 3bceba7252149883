#pragma once

#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace redline::cli {

/// Parsed command line of one command: positionals in order, `--name value` options (repeatable)
/// and `--flag` switches. Throws core::UsageError on anything the command did not declare.
class Args {
public:
    /// The i-th positional, or UsageError "missing <what>".
    const std::string& positional(std::size_t i, const char* what) const;
    std::size_t positional_count() const { return m_positional.size(); }
    /// Last value of an option, or nullopt.
    std::optional<std::string> get(const std::string& name) const;
    /// Value of an option that must be present.
    const std::string& require(const std::string& name) const;
    /// Every value of a repeatable option, in order.
    std::vector<std::string> all(const std::string& name) const;
    bool flag(const std::string& name) const;

    std::vector<std::string> m_positional;
    std::multimap<std::string, std::string> m_options;
    std::vector<std::string> m_flags;
};

/// Output streams a command writes to (stdout, stderr) and reads from (stdin).
struct Io {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
};

/// A subcommand: `name` may be two words ("complaint add").
struct Command {
    std::string name;
    std::string usage; ///< one line after the name, e.g. "WS SOURCE [--as ROLE]"
    std::string help;  ///< one sentence
    std::vector<std::string> value_options; ///< names without "--"
    std::vector<std::string> flags;
    int (*run)(const Args& args, Io& io) = nullptr;
};

/// Registers a command at static-initialisation time: `static const Registrar r{{...}};`.
struct Registrar {
    explicit Registrar(Command command);
};

/// All registered commands, sorted by name.
std::vector<const Command*> commands();
/// Find the command for argv words; `consumed` says how many words named it (1 or 2).
const Command* find_command(const std::vector<std::string>& words, std::size_t& consumed);
/// Parse the words after the command name against its declared options.
Args parse_args(const Command& command, const std::vector<std::string>& words);

/// The user name recorded in the audit log: $REDLINE_USER, else $USER, else "unknown".
std::string current_user();

} // namespace redline::cli
