#pragma once
// Runs the real redline-cli binary as a user would, capturing exit code, stdout and stderr.

#include <filesystem>
#include <string>
#include <vector>

namespace redline::test {

struct CliResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

/// Run `redline-cli args...` with `stdin_text` on its standard input. Extra environment variables
/// ("NAME=value") are set for the child only.
CliResult run_cli(const std::vector<std::string>& args, const std::string& stdin_text = {},
                  const std::vector<std::string>& env = {});

/// A fresh empty directory under the system temp dir, removed when the object dies.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

/// Run a shell command and return its stdout (throws std::runtime_error when it fails).
std::string shell(const std::string& command);

/// Path of the repository's data/ and tests/fixtures/ folders.
std::filesystem::path data_dir();
std::filesystem::path fixtures_dir();

} // namespace redline::test
