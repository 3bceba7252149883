#include "app/command_line.hpp"
#include "app/desktop_app.hpp"
#include "app/screenshot.hpp"
#include "core/error.hpp"

#include <iostream>

int main(int argc, char** argv) {
    using namespace redline;
    try {
        const app::CommandLine cl = app::parse_command_line(argc, argv);
        if (cl.help) {
            std::cout << app::usage_text();
            return 0;
        }
        if (cl.screenshot) {
            app::run_screenshot(cl);
            return 0;
        }
        return app::run_desktop(cl);
    } catch (const core::UsageError& e) {
        std::cerr << "redline: " << e.what() << "\n" << app::usage_text();
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "redline: " << e.what() << "\n";
        return 1;
    }
}
