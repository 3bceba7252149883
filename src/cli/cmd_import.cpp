// redline-cli import: read a source, check it against its role, reproject it to EPSG:27700 with
// OSTN15 and write it to a workspace in one transaction. Any error leaves the workspace as it was.
#include "cli/command.hpp"
#include "core/error.hpp"
#include "io/importer.hpp"
#include "store/workspace.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <ostream>

namespace redline::cli {
namespace {

io::OnInvalid parse_on_invalid(const std::string& text) {
    if (text == "repair")
        return io::OnInvalid::Repair;
    if (text == "skip")
        return io::OnInvalid::Skip;
    if (text == "fail")
        return io::OnInvalid::Fail;
    throw core::UsageError("--on-invalid must be repair, skip or fail (got '" + text + "')");
}

io::ImportOptions options_from(const Args& args) {
    io::ImportOptions o;
    o.source_layer = args.get("layer").value_or("");
    if (const auto as = args.get("as")) {
        o.role = core::parse_role(*as);
        if (!o.role)
            throw core::UsageError("unknown role '" + *as + "' for --as");
    }
    o.name = args.get("name").value_or("");
    o.crs_override = args.get("crs").value_or("");
    o.on_invalid = parse_on_invalid(args.get("on-invalid").value_or("repair"));
    for (const auto& kv : args.all("set")) {
        const auto eq = kv.find('=');
        if (eq == std::string::npos || eq == 0)
            throw core::UsageError("--set needs FIELD=VALUE (got '" + kv + "')");
        o.set_fields.emplace_back(kv.substr(0, eq), kv.substr(eq + 1));
    }
    return o;
}

/// Progress on stderr, one line per stage, so that a long import shows it is alive (and a script
/// can see when writing has begun) without flooding a log.
core::ProgressFn stage_printer(std::ostream& err) {
    return [&err, last = std::string()](double, std::string_view stage) mutable {
        if (stage != last) {
            last = stage;
            err << "import: " << stage << "\n" << std::flush;
        }
        return true;
    };
}

void print_text(const core::ImportReport& r, std::ostream& out) {
    out << "imported layer '" << r.layer_name << "' (role " << r.role << ")\n"
        << "  features: " << r.features_imported << " imported of " << r.features_read << " read\n"
        << "  source: " << r.source_path << " (layer '" << r.source_layer << "')\n"
        << "  source CRS: " << r.source_crs << "\n"
        << "  transformation: " << r.transformation << "\n"
        << "  sha256: " << r.source_sha256 << "\n"
        << "  repaired: " << r.count(core::ImportIssue::Action::Repaired)
        << ", skipped: " << r.count(core::ImportIssue::Action::Skipped) << "\n";
    for (const auto& i : r.issues) {
        out << "  - ";
        if (i.action != core::ImportIssue::Action::Note)
            out << "feature " << i.source_fid << ": ";
        if (!i.field.empty())
            out << "field '" << i.field << "': ";
        out << i.message << "\n";
    }
}

void print_json(const core::ImportReport& r, std::ostream& out) {
    nlohmann::json issues = nlohmann::json::array();
    for (const auto& i : r.issues)
        issues.push_back({{"feature", i.source_fid},
                          {"field", i.field},
                          {"action", core::to_string(i.action)},
                          {"message", i.message}});
    const nlohmann::json j = {{"layer", r.layer_name},
                              {"role", r.role},
                              {"features_read", r.features_read},
                              {"features_imported", r.features_imported},
                              {"source", r.source_path},
                              {"source_layer", r.source_layer},
                              {"source_crs", r.source_crs},
                              {"transformation", r.transformation},
                              {"sha256", r.source_sha256},
                              {"issues", issues}};
    out << j.dump(2) << "\n";
}

int run_import(const Args& args, Io& io) {
    const std::string ws_path = args.positional(0, "WS (the workspace file)");
    const std::string source = args.positional(1, "SOURCE (the file to import)");
    if (args.positional_count() > 2)
        throw core::UsageError("import takes one WS and one SOURCE");
    const auto options = options_from(args);
    // --create makes a new workspace; if the import then fails, the half-born file goes too, so
    // the disk is as it was before the command.
    const bool create = args.flag("create") && !std::filesystem::exists(ws_path);
    struct RemoveUnlessKept {
        std::string path;
        bool keep = false;
        ~RemoveUnlessKept() {
            if (keep || path.empty())
                return;
            std::error_code ec;
            for (const char* suffix : {"", "-wal", "-shm", "-journal"})
                std::filesystem::remove(path + suffix, ec);
        }
    } cleanup{create ? ws_path : std::string()};
    // Open first: a wrong workspace path is reported before a long read.
    auto ws = create ? store::Workspace::create(ws_path, current_user())
                     : store::Workspace::open(ws_path, current_user());
    const auto progress = stage_printer(io.err);
    auto layer = io::read_for_import(source, options, progress);
    ws.import_layer(layer.data, layer.role, layer.report, progress);
    cleanup.keep = true;
    if (args.flag("json"))
        print_json(layer.report, io.out);
    else
        print_text(layer.report, io.out);
    return 0;
}

const Registrar k_registrar{
    {"import",
     "WS SOURCE [--layer SRC_LAYER] [--as ROLE] [--name NAME] [--crs EPSG:N] "
     "[--on-invalid repair|skip|fail] [--set FIELD=VALUE]... [--create] [--json]",
     "Import a layer (GeoPackage, Shapefile/.zip, GeoJSON, KML, FlatGeobuf, GML, DXF, SpatiaLite, "
     "CSV) into a workspace, reprojected to EPSG:27700 with OSTN15, in one transaction.",
     {"layer", "as", "name", "crs", "on-invalid", "set"},
     {"json", "create"},
     &run_import}};

} // namespace
} // namespace redline::cli
