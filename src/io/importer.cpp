// The import pipeline: read -> recognise role -> check fields -> fix CRS -> check geometry ->
// reproject. Nothing is written here; the workspace writes the result in one transaction.
#include "io/importer.hpp"

#include "core/error.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"
#include "crs/transformer.hpp"
#include "io/field_checks.hpp"
#include "io/geometry_checks.hpp"
#include "io/role_recognition.hpp"
#include "io/source_reader.hpp"

#include <set>

namespace redline::io {
namespace {

constexpr const char* k_bng = "EPSG:27700";

/// Scale a sub-task's progress into [from, to] of the whole import.
core::ProgressFn stage_progress(const core::ProgressFn& progress, double from, double to) {
    if (!progress)
        return {};
    return [progress, from, to](double f, std::string_view stage) {
        return progress(from + (to - from) * f, stage);
    };
}

std::vector<std::string> dataset_values(const core::LayerData& layer) {
    std::set<std::string> values;
    if (const auto i = layer.field_index("dataset"))
        for (const auto& f : layer.features)
            if (*i < f.values.size() && !core::is_null(f.values[*i]))
                values.insert(core::to_text(f.values[*i]));
    return {values.begin(), values.end()};
}

/// The CRS the source is in: the user's --crs wins (they may be correcting a wrong label); then
/// what the source declares; then the conventions of the formats that never declare one
/// (lon/lat columns and planning.data.gov.uk WKT are WGS84, easting/northing is BNG).
std::string source_crs(const SourceLayer& src, const ImportOptions& options, bool planning_data,
                       const core::ErrorContext& where) {
    if (!options.crs_override.empty())
        return options.crs_override;
    if (!src.crs.empty())
        return src.crs;
    if (!src.csv.implied_crs.empty())
        return src.csv.implied_crs;
    if (src.csv.kind == CsvGeometry::Wkt && planning_data)
        return "EPSG:4326";
    throw core::CrsError("the source states no coordinate reference system; give one with "
                         "--crs (e.g. --crs EPSG:27700)",
                         where);
}

void reproject(core::LayerData& layer, const std::string& from, core::ImportReport& report,
               const core::ErrorContext& where) {
    try {
        report.source_crs = crs::identify_crs(from);
    } catch (const core::Error& e) {
        throw core::CrsError("unknown coordinate reference system: " + e.message(), where);
    }
    if (report.source_crs == k_bng) {
        report.transformation = "none (source already in EPSG:27700)";
        return;
    }
    std::unique_ptr<crs::Transformer> t;
    try {
        t = std::make_unique<crs::Transformer>(from, k_bng);
    } catch (const core::Error& e) {
        throw core::CrsError(e.message(), where);
    }
    report.transformation = t->operation();
    for (auto& f : layer.features) {
        try {
            t->transform(f.geometry);
        } catch (const core::Error& e) {
            core::ErrorContext c = where;
            c.feature = f.source_fid;
            throw core::CrsError(e.message(), c);
        }
    }
}

} // namespace

std::vector<std::string> list_source_layers(const std::filesystem::path& source) {
    return source_layer_names(source);
}

ImportedLayer read_for_import(const std::filesystem::path& source, const ImportOptions& options,
                              const core::ProgressFn& progress) {
    auto src = read_source(source, options.source_layer, stage_progress(progress, 0.0, 0.6));
    const core::ErrorContext where{src.display_path, src.layer_name};

    ImportedLayer out;
    auto& report = out.report;
    report.source_path = src.display_path;
    report.source_layer = src.layer_name;
    report.source_sha256 = core::sha256_file(source);
    report.features_read = src.data.features.size();

    // The text checks come first: every later message may quote a value.
    check_utf8(src.data, where);

    const std::string stem = source.stem().string();
    const auto datasets = dataset_values(src.data);
    std::optional<core::Role> role = options.role;
    if (!role) {
        std::vector<std::string> fields;
        for (const auto& f : src.data.fields)
            fields.push_back(f.name);
        role = recognise_role({stem, src.layer_name, fields, datasets});
    }
    if (!role)
        throw core::IoError("cannot tell what this layer is; say so with --as ROLE, one of: " +
                                role_names_list(),
                            where);
    out.role = *role;
    report.role = core::to_string(*role);

    for (const auto& [field, value] : options.set_fields) {
        const auto n = fill_field(src.data, field, value);
        report.issues.push_back({0, core::normalise_field_name(field),
                                 core::ImportIssue::Action::Note,
                                 "set to '" + value + "' on " + std::to_string(n) +
                                     " features that had no value (--set)"});
    }
    check_required_fields(src.data, *role, where);
    check_dates(src.data, *role, where);
    normalise_planning_decisions(src.data, where);
    check_geometry_kinds(src.data, *role, where);

    // planning.data.gov.uk publishes WKT in WGS84; its files are recognised by their columns or
    // by a dataset name.
    const bool planning_data =
        src.csv.planning_data || !datasets.empty() || role_from_dataset_name(stem).has_value();
    const std::string from = source_crs(src, options, planning_data, where);

    // Empty and non-finite geometries go before reprojection (PROJ rejects non-finite input);
    // validity is judged after it, in the CRS the workspace keeps.
    drop_unusable_geometries(src.data, options.on_invalid, report, where);
    core::report_progress(progress, 0.6, "reprojecting");
    reproject(src.data, from, report, where);
    check_geometries(src.data, *role, options.on_invalid, report, where,
                     stage_progress(progress, 0.7, 1.0));

    out.data = std::move(src.data);
    out.data.epsg = 27700;
    const bool several = src.layer_count > 1;
    out.data.name = !options.name.empty() ? sanitise_layer_name(options.name)
                                          : sanitise_layer_name(several ? src.layer_name : stem);
    report.layer_name = out.data.name;
    report.features_imported = out.data.features.size();
    return out;
}

} // namespace redline::io
