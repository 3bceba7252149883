// Complaints from a CSV through the importer (io::read_for_import, role complaint), with OS grid
// references turned into easting/northing first: GDAL's CSV driver reads coordinate columns but
// knows nothing of the National Grid's letters.
#include "workflow/complaint_intake.hpp"

#include "core/error.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"
#include "crs/grid_ref.hpp"
#include "io/csv_layout.hpp"
#include "io/importer.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>

namespace redline::workflow {
namespace {

char separator_of(const std::string& header_line) {
    char best = ',';
    std::size_t best_n = 0;
    for (char c : {',', ';', '\t'}) {
        const auto n =
            static_cast<std::size_t>(std::count(header_line.begin(), header_line.end(), c));
        if (n > best_n) {
            best = c;
            best_n = n;
        }
    }
    return best;
}

/// One CSV record's fields (double quotes honoured; a record must fit on one line here).
std::vector<std::string> split_record(const std::string& line, char sep) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '"') {
            if (quoted && i + 1 < line.size() && line[i + 1] == '"') {
                out.back() += '"'; // "" inside quotes is one quote
                ++i;
            } else {
                quoted = !quoted;
            }
        } else if (c == sep && !quoted) {
            out.emplace_back();
        } else if (c != '\r') {
            out.back() += c;
        }
    }
    return out;
}

std::optional<std::size_t> grid_ref_column(const std::vector<std::string>& header) {
    for (std::size_t i = 0; i < header.size(); ++i) {
        std::string h = core::to_lower(core::trim(header[i]));
        std::replace(h.begin(), h.end(), '-', '_');
        if (h == "grid_ref" || h == "gridref" || h == "grid_reference" || h == "os_grid_ref")
            return i;
    }
    return std::nullopt;
}

/// A copy of the CSV with easting and northing columns appended, from each record's grid
/// reference (the centre of the square it names). Throws IoError naming the file, record and
/// field for a reference that does not parse.
std::string with_eastings(const std::filesystem::path& csv, std::size_t column) {
    std::ifstream in(csv, std::ios::binary);
    if (!in)
        throw core::IoError("cannot read the complaints CSV", {csv.string()});
    std::string line, out;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    const char sep = separator_of(line);
    const std::vector<std::string> header = io::parse_csv_header(line);
    out = line + sep + "easting" + sep + "northing\n";
    long record = 0;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (core::trim(line).empty())
            continue;
        ++record;
        const auto fields = split_record(line, sep);
        const std::string text = column < fields.size() ? core::trim(fields[column]) : "";
        crs::GridRef g;
        try {
            g = crs::parse_grid_ref(text);
        } catch (const core::Error& e) {
            core::ErrorContext where{csv.string(), "", record, header[column]};
            throw core::IoError("grid reference '" + text + "': " + e.message(), where);
        }
        char en[64];
        std::snprintf(en, sizeof en, "%c%.1f%c%.1f", sep, g.centre().x, sep, g.centre().y);
        out += line + en + "\n";
    }
    return out;
}

/// Read a CSV whose records are located by OS grid references: a converted copy is read in
/// place of the file, then the report is pointed back at the file itself, so that the provenance
/// names (and hashes) what the user gave.
io::ImportedLayer read_with_grid_refs(const std::filesystem::path& csv, std::size_t column,
                                      const std::string& column_name,
                                      const io::ImportOptions& options,
                                      const core::ProgressFn& progress) {
    const std::string sha = core::sha256_file(csv);
    const std::filesystem::path tmp =
        std::filesystem::temp_directory_path() / ("redline-gridref-" + sha.substr(0, 16) + ".csv");
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << with_eastings(csv, column);
        if (!out)
            throw core::IoError("cannot write a temporary file", {tmp.string()});
    }
    struct RemoveTmp {
        std::filesystem::path path;
        ~RemoveTmp() {
            std::error_code ec;
            std::filesystem::remove(path, ec);
        }
    } remove_tmp{tmp};
    io::ImportedLayer layer = io::read_for_import(tmp, options, progress);
    layer.report.source_path = csv.string();
    layer.report.source_sha256 = sha;
    layer.report.source_layer = csv.stem().string();
    layer.report.issues.push_back({0, column_name, core::ImportIssue::Action::Note,
                                   "OS grid references located at the centre of the square each "
                                   "names (EPSG:27700)"});
    return layer;
}

} // namespace

CsvIntakeResult import_complaints_csv(store::Workspace& ws, const std::filesystem::path& csv,
                                      const core::ProgressFn& progress) {
    io::ImportOptions options;
    options.role = core::Role::Complaint;
    options.name = io::sanitise_layer_name(csv.stem().string());
    const std::vector<std::string> header = io::read_csv_header(csv);
    const io::CsvLayout layout = io::detect_csv_layout(header);
    const auto grid_col = grid_ref_column(header);
    CsvIntakeResult r;
    io::ImportedLayer layer =
        layout.kind == io::CsvGeometry::None && grid_col
            ? read_with_grid_refs(csv, *grid_col, header[*grid_col], options, progress)
            : io::read_for_import(csv, options, progress);
    ws.import_layer(layer.data, layer.role, layer.report, progress);
    r.report = layer.report;
    const auto ref = layer.data.field_index("reference");
    if (ref)
        for (const auto& f : layer.data.features)
            if (*ref < f.values.size())
                r.references.push_back(core::trim(core::to_text(f.values[*ref])));
    r.duplicates = duplicates_involving(ws, r.references);
    return r;
}

} // namespace redline::workflow
