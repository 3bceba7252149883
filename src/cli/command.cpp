#include "cli/command.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cstdlib>
#include <memory>

namespace redline::cli {
namespace {

std::vector<Command>& registry() {
    static std::vector<Command> k_registry;
    return k_registry;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

} // namespace

Registrar::Registrar(Command command) {
    registry().push_back(std::move(command));
}

std::vector<const Command*> commands() {
    std::vector<const Command*> out;
    for (const auto& c : registry())
        out.push_back(&c);
    std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->name < b->name; });
    return out;
}

const Command* find_command(const std::vector<std::string>& words, std::size_t& consumed) {
    if (words.size() >= 2) {
        const std::string two = words[0] + " " + words[1];
        for (const auto& c : registry())
            if (c.name == two) {
                consumed = 2;
                return &c;
            }
    }
    if (!words.empty())
        for (const auto& c : registry())
            if (c.name == words[0]) {
                consumed = 1;
                return &c;
            }
    return nullptr;
}

Args parse_args(const Command& command, const std::vector<std::string>& words) {
    Args args;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (w.size() > 2 && w.rfind("--", 0) == 0) {
            std::string name = w.substr(2);
            std::optional<std::string> value;
            if (const auto eq = name.find('='); eq != std::string::npos) {
                value = name.substr(eq + 1);
                name = name.substr(0, eq);
            }
            if (contains(command.value_options, name)) {
                if (!value) {
                    if (i + 1 >= words.size())
                        throw core::UsageError("option --" + name + " needs a value");
                    value = words[++i];
                }
                args.m_options.emplace(name, *value);
            } else if (contains(command.flags, name) && !value) {
                args.m_flags.push_back(name);
            } else {
                throw core::UsageError("unknown option --" + name + " for '" + command.name +
                                       "' (usage: redline-cli " + command.name + " " +
                                       command.usage + ")");
            }
        } else {
            args.m_positional.push_back(w);
        }
    }
    return args;
}

const std::string& Args::positional(std::size_t i, const char* what) const {
    if (i >= m_positional.size())
        throw core::UsageError(std::string("missing ") + what);
    return m_positional[i];
}

std::optional<std::string> Args::get(const std::string& name) const {
    std::optional<std::string> out;
    const auto [b, e] = m_options.equal_range(name);
    for (auto it = b; it != e; ++it)
        out = it->second;
    return out;
}

const std::string& Args::require(const std::string& name) const {
    const auto [b, e] = m_options.equal_range(name);
    if (b == e)
        throw core::UsageError("option --" + name + " is required");
    return std::prev(e)->second;
}

std::vector<std::string> Args::all(const std::string& name) const {
    std::vector<std::string> out;
    const auto [b, e] = m_options.equal_range(name);
    for (auto it = b; it != e; ++it)
        out.push_back(it->second);
    return out;
}

bool Args::flag(const std::string& name) const {
    return contains(m_flags, name);
}

std::string current_user() {
    for (const char* var : {"REDLINE_USER", "USER", "LOGNAME"})
        if (const char* v = std::getenv(var); v && *v)
            return v;
    return "unknown";
}

} // namespace redline::cli
