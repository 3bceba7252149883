#include "import_support_test.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <regex>
#include <stdexcept>

namespace redline::test::import {

std::string sh_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string workspace_sql(const std::filesystem::path& ws, const std::string& sql) {
    std::string out = shell("sqlite3 -batch -noheader -cmd '.load mod_spatialite' " +
                            sh_quote(ws.string()) + " " + sh_quote(sql) + " 2>/dev/null");
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
        out.pop_back();
    return out;
}

std::string dump(const std::filesystem::path& ws) {
    return shell("sqlite3 -batch " + sh_quote(ws.string()) + " .dump");
}

std::string proj_env() {
    return "PROJ_DATA=" + sh_quote("/usr/share/proj:" + (data_dir() / "ostn15").string()) + " ";
}

double ogr_value(const std::string& source, const std::string& sql) {
    const std::string out = shell(proj_env() + "ogrinfo -ro -q -dialect SQLite -sql " +
                                  sh_quote(sql) + " " + sh_quote(source) + " 2>/dev/null");
    static const std::regex k_value(R"(value \((?:Real|Integer|Integer64)\) = ([-0-9.eE+]+))");
    std::smatch m;
    if (!std::regex_search(out, m, k_value))
        throw std::runtime_error("no value in ogrinfo output: " + out);
    return std::stod(m[1]);
}

std::filesystem::path make_workspace(const TempDir& dir) {
    const auto ws = dir / "work.redline";
    const auto complaints = dir / "complaints.csv";
    std::ofstream(complaints) << "reference,received_date,category,complainant_name,easting,"
                                 "northing\n"
                                 "CMP/24/0001,2024-01-15,extension,A. Neighbour,531900,179400\n"
                                 "CMP/24/0002,2024-02-01,tree,B. Resident,532050,179500\n";
    const std::string w = ws.string();
    const std::vector<std::vector<std::string>> steps{
        {"init", w},
        {"import", w,
         (data_dir() / "southwark/constraints/conservation-area/Southwark Conservation Areas.gpkg")
             .string(),
         "--as", "conservation-area"},
        {"import", w, complaints.string(), "--as", "complaint"},
        {"case", "add", w, "--ref", "ENF/24/0001", "--at", "531900,179400"},
        {"case", "link", w, "ENF/24/0001", "CMP/24/0001"},
    };
    for (const auto& step : steps) {
        const auto r = run_cli(step);
        if (r.exit_code != 0)
            throw std::runtime_error("cannot make the workspace (" + step[0] + "): " + r.err);
    }
    return ws;
}

double relative_difference(double a, double b) {
    return std::fabs(a - b) / std::fabs(b);
}

} // namespace redline::test::import
