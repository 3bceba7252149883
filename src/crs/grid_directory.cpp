// Where Redline finds the OSTN15 grid. Debian's proj-data lacks it, so the program carries its own
// copy and must find it wherever it runs from: a test or a user overriding it (REDLINE_DATA_DIR),
// an installed tree (<prefix>/bin/../share/redline), the build tree (the source data/ folder
// compiled in) and finally the configured install prefix.
#include "crs/transformer.hpp"

#include "core/version.hpp"

#include <cstdlib>
#include <cstring>
#include <system_error>

namespace redline::crs {
namespace {

bool env_set(const char* name) {
    const char* v = std::getenv(name);
    return v && *v && std::strcmp(v, "0") != 0;
}

std::filesystem::path executable_directory() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path{} : exe.parent_path();
}

} // namespace

std::vector<std::filesystem::path> grid_search_directories() {
    std::vector<std::filesystem::path> dirs;
    if (const char* v = std::getenv("REDLINE_DATA_DIR"); v && *v)
        dirs.push_back(std::filesystem::path(v) / "ostn15");
    if (env_set("REDLINE_NO_DEFAULT_GRID_PATHS"))
        return dirs;
    if (const auto exe_dir = executable_directory(); !exe_dir.empty())
        dirs.push_back((exe_dir / ".." / "share" / "redline" / "ostn15").lexically_normal());
    dirs.push_back(std::filesystem::path(core::k_source_data_dir) / "ostn15");
    dirs.push_back(std::filesystem::path(core::k_install_data_dir) / "ostn15");
    return dirs;
}

std::filesystem::path grid_directory() {
    for (const auto& dir : grid_search_directories()) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(dir / k_ostn15_grid, ec))
            return dir;
    }
    return {};
}

} // namespace redline::crs
