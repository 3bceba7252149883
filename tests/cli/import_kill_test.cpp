// Atomicity under SIGKILL: a large import killed while it writes leaves the workspace opening
// and holding exactly what it held before (SQLite rolls the unfinished transaction back).
#include "import_support_test.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace {

using namespace redline::test;
using namespace redline::test::import;

/// 200,000 disjoint 8 m squares on a 10 m grid in central London, as a CSV with a WKT column.
std::filesystem::path write_big_csv(const TempDir& dir) {
    const auto path = dir / "big.csv";
    std::ofstream out(path);
    out << "reference,wkt\n";
    constexpr int k_columns = 500, k_rows = 400;
    for (int r = 0; r < k_rows; ++r)
        for (int c = 0; c < k_columns; ++c) {
            const int x = 530000 + c * 10, y = 178000 + r * 10;
            out << "B" << r * k_columns + c << ",\"POLYGON ((" << x << ' ' << y << ',' << x + 8
                << ' ' << y << ',' << x + 8 << ' ' << y + 8 << ',' << x << ' ' << y + 8 << ',' << x
                << ' ' << y << "))\"\n";
        }
    return path;
}

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(ImportKill, KilledWhileWritingLeavesTheWorkspaceAsItWas) {
    TempDir dir;
    const auto ws = make_workspace(dir);
    const auto csv = write_big_csv(dir);
    const std::string before = dump(ws);

    const auto err_path = dir / "stderr.txt";
    std::vector<std::string> argv_s{REDLINE_CLI_PATH, "import",   ws.string(), csv.string(),
                                    "--as",           "building", "--crs",     "EPSG:27700"};
    std::vector<char*> argv;
    for (auto& a : argv_s)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = 0;
    ASSERT_EQ(posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&fa);

    // Wait until the program says it is writing (its progress on stderr), then kill it hard.
    bool writing = false;
    for (int i = 0; i < 6000 && !writing; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        writing = slurp(err_path).find("import: writing") != std::string::npos;
        int status = 0;
        if (!writing && waitpid(pid, &status, WNOHANG) == pid)
            FAIL() << "the import ended before writing: " << slurp(err_path);
    }
    ASSERT_TRUE(writing) << slurp(err_path);
    std::this_thread::sleep_for(std::chrono::milliseconds(100)); // well into the inserts
    ASSERT_EQ(kill(pid, SIGKILL), 0);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    // It must have died by the signal: an import that had already finished proves nothing.
    ASSERT_TRUE(WIFSIGNALED(status)) << "exit " << WEXITSTATUS(status) << ": " << slurp(err_path);
    EXPECT_EQ(WTERMSIG(status), SIGKILL);

    EXPECT_EQ(dump(ws), before);
    EXPECT_EQ(workspace_sql(ws, "PRAGMA integrity_check"), "ok");
    const auto layers = run_cli({"layers", ws.string()});
    EXPECT_EQ(layers.exit_code, 0) << layers.err;
    EXPECT_NE(layers.out.find("southwark_conservation_areas"), std::string::npos) << layers.out;
    EXPECT_EQ(layers.out.find("big"), std::string::npos) << layers.out;
    EXPECT_EQ(dump(ws), before); // listing changed nothing either
}

} // namespace
