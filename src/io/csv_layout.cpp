#include "io/csv_layout.hpp"

#include "core/error.hpp"
#include "core/feature.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <array>
#include <fstream>

namespace redline::io {
namespace {

/// Index of the first header name (normalised) equal to one of `names`, in the order of `names`.
std::optional<std::size_t> find_column(const std::vector<std::string>& normalised,
                                       std::initializer_list<const char*> names) {
    for (const char* name : names)
        for (std::size_t i = 0; i < normalised.size(); ++i)
            if (normalised[i] == name)
                return i;
    return std::nullopt;
}

} // namespace

CsvLayout detect_csv_layout(const std::vector<std::string>& header) {
    std::vector<std::string> norm;
    norm.reserve(header.size());
    for (const auto& h : header)
        norm.push_back(core::normalise_field_name(core::trim(h)));

    CsvLayout out;
    out.planning_data = find_column(norm, {"entity", "dataset"}).has_value();
    if (const auto wkt = find_column(norm, {"geometry", "wkt", "point"})) {
        out.kind = CsvGeometry::Wkt;
        out.wkt_column = header[*wkt];
        return out;
    }
    const auto lon = find_column(norm, {"longitude", "lon", "long", "lng"});
    const auto lat = find_column(norm, {"latitude", "lat"});
    if (lon && lat) {
        out.kind = CsvGeometry::LonLat;
        out.x_column = header[*lon];
        out.y_column = header[*lat];
        out.implied_crs = "EPSG:4326";
        return out;
    }
    const auto east = find_column(norm, {"easting"});
    const auto north = find_column(norm, {"northing"});
    if (east && north) {
        out.kind = CsvGeometry::EastingNorthing;
        out.x_column = header[*east];
        out.y_column = header[*north];
        out.implied_crs = "EPSG:27700";
    }
    return out;
}

std::vector<std::string> parse_csv_header(const std::string& first_line) {
    std::string line = first_line;
    if (line.rfind("\xEF\xBB\xBF", 0) == 0)
        line.erase(0, 3);
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n'))
        line.pop_back();

    const std::array<char, 3> candidates{',', ';', '\t'};
    char sep = ',';
    long best = -1;
    for (char c : candidates) {
        const long n = std::count(line.begin(), line.end(), c);
        if (n > best) {
            best = n;
            sep = c;
        }
    }

    std::vector<std::string> out;
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == sep) {
            out.push_back(cell);
            cell.clear();
        } else {
            cell += c;
        }
    }
    out.push_back(cell);
    return out;
}

std::vector<std::string> read_csv_header(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw core::IoError("cannot read the file", {path.string()});
    std::string line;
    if (!std::getline(in, line) || core::trim(line).empty())
        throw core::IoError("the CSV file is empty (no header line)", {path.string()});
    return parse_csv_header(line);
}

} // namespace redline::io
