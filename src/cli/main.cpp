// redline-cli: the headless program. Errors stop here: printed to stderr with their location,
// non-zero exit (2 for usage errors, 1 for everything else).
#include "cli/command.hpp"
#include "core/error.hpp"
#include "core/version.hpp"

#include <iostream>

namespace {

void print_help(std::ostream& out) {
    out << "redline-cli " << redline::core::k_version
        << " - planning enforcement GIS, headless\n\nCommands:\n";
    for (const auto* c : redline::cli::commands())
        out << "  " << c->name << " " << c->usage << "\n      " << c->help << "\n";
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> words(argv + 1, argv + argc);
    if (words.empty() || words[0] == "--help" || words[0] == "-h" || words[0] == "help") {
        print_help(std::cout);
        return words.empty() ? 2 : 0;
    }
    if (words[0] == "--version") {
        std::cout << "redline-cli " << redline::core::k_version << " ("
                  << redline::core::k_source_commit << ")\n";
        return 0;
    }
    try {
        std::size_t consumed = 0;
        const auto* command = redline::cli::find_command(words, consumed);
        if (!command)
            throw redline::core::UsageError("unknown command '" + words[0] +
                                            "' (redline-cli --help lists them)");
        const std::vector<std::string> rest(words.begin() + static_cast<long>(consumed),
                                            words.end());
        const auto args = redline::cli::parse_args(*command, rest);
        redline::cli::Io io{std::cin, std::cout, std::cerr};
        return command->run(args, io);
    } catch (const redline::core::UsageError& e) {
        std::cerr << "redline-cli: usage error: " << e.what() << "\n";
        return 2;
    } catch (const redline::core::Error& e) {
        std::cerr << "redline-cli: error: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "redline-cli: internal error: " << e.what() << "\n";
        return 1;
    }
}
