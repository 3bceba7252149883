#pragma once
// Helpers for the store tests: scratch folders, running the sqlite3 and ogrinfo programs on a
// workspace, and small layers built in code.

#include "core/feature.hpp"
#include "core/import_report.hpp"

#include <array>
#include <cstdio>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>
#include <sys/wait.h>

namespace redline::store::test {

/// A fresh folder under the temp dir, removed afterwards.
class ScratchDir {
public:
    ScratchDir() {
        std::random_device rd;
        m_path = std::filesystem::temp_directory_path() /
                 ("redline_store_test_" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(m_path);
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

/// Run a shell command; returns its stdout and sets `status` to its exit status.
inline std::string run_command(const std::string& command, int& status) {
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe)
        throw std::runtime_error("cannot run " + command);
    std::string out;
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0)
        out.append(buf.data(), n);
    const int rc = pclose(pipe);
    status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    return out;
}

inline std::string quoted(const std::filesystem::path& p) {
    return "'" + p.string() + "'";
}

/// The whole database as SQL text, from the sqlite3 shell: two dumps are byte-identical exactly
/// when the contents are.
inline std::string dump(const std::filesystem::path& ws) {
    int status = 0;
    auto out = run_command("sqlite3 " + quoted(ws) + " .dump", status);
    if (status != 0)
        throw std::runtime_error("sqlite3 .dump failed: " + out);
    return out;
}

/// A square polygon feature with a name and a height.
inline core::Feature square(std::int64_t fid, double x, double y, double size,
                            const std::string& name, double height) {
    core::Polygon p;
    p.rings.push_back({{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}, {x, y}});
    core::Feature f;
    f.source_fid = fid;
    f.geometry = core::Geometry::polygon(p);
    f.values = {name, height, fid * 10};
    return f;
}

/// A building layer of n squares laid out on a grid from (500000, 180000), 10 m apart.
inline core::LayerData buildings(const std::string& name, std::size_t n) {
    core::LayerData data;
    data.name = name;
    data.fields = {{"reference", core::FieldType::Text},
                   {"height_m", core::FieldType::Real},
                   {"storeys", core::FieldType::Integer}};
    for (std::size_t i = 0; i < n; ++i)
        data.features.push_back(square(
            static_cast<std::int64_t>(i + 1), 500000.0 + 10.0 * static_cast<double>(i % 100),
            180000.0 + 10.0 * static_cast<double>(i / 100), 5.0, "B" + std::to_string(i + 1), 3.5));
    return data;
}

inline core::ImportReport report_for(const std::string& layer, const std::string& file) {
    core::ImportReport r;
    r.source_path = "/somewhere/" + file;
    r.layer_name = layer;
    r.source_crs = "EPSG:27700";
    r.transformation = "none";
    r.source_sha256 = std::string(64, 'a');
    r.issues.push_back({3, "", core::ImportIssue::Action::Repaired, "self-intersection fixed"});
    return r;
}

} // namespace redline::store::test
