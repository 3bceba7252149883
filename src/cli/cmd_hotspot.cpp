// redline-cli hotspot: kernel density surfaces (GeoTIFF) and Getis-Ord Gi* hot and cold spots
// (GeoPackage/GeoJSON/CSV) over complaints or any layer. Reads the workspace, never writes it.
#include "analysis/gistar.hpp"
#include "analysis/hotspot_sites.hpp"
#include "analysis/kde.hpp"
#include "analysis/point_selection.hpp"
#include "cli/command.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "core/version.hpp"
#include "io/raster_writer.hpp"
#include "io/vector_writer.hpp"
#include "store/workspace.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <ostream>

namespace redline::cli {
namespace {

double positive_metres(const Args& args, const std::string& option) {
    const auto& text = args.require(option);
    double v = 0;
    if (!core::parse_double(core::trim(text), v) || !(v > 0))
        throw core::UsageError("--" + option + " '" + text + "': not a positive number of metres");
    return v;
}

std::optional<core::Date> date_option(const Args& args, const std::string& option) {
    const auto text = args.get(option);
    if (!text)
        return std::nullopt;
    const auto d = core::Date::parse(*text);
    if (!d)
        throw core::UsageError("--" + option + " '" + *text + "': not a real date (YYYY-MM-DD)");
    return d;
}

std::string number(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

/// The events to analyse: the workspace's complaints (filtered) or a layer's points.
struct Events {
    analysis::PointSelection selection;
    std::string source;         ///< "complaints" or "layer NAME"
    nlohmann::json filter_json; ///< what was asked, for the summary
};

Events select_events(const store::Workspace& ws, const Args& args) {
    Events ev;
    analysis::ComplaintFilter filter;
    filter.from = date_option(args, "from");
    filter.to = date_option(args, "to");
    filter.categories = args.all("category");
    for (const auto& c : filter.categories) {
        const auto& known = core::complaint_categories();
        if (std::find(known.begin(), known.end(), c) == known.end())
            throw core::UsageError("--category '" + c + "': not a complaint category");
    }
    filter.statuses = args.all("status");
    const bool filtered =
        filter.from || filter.to || !filter.categories.empty() || !filter.statuses.empty();
    if (const auto layer = args.get("layer")) {
        if (filtered)
            throw core::UsageError("--from, --to, --category and --status filter complaints; they "
                                   "do not apply with --layer");
        ev.selection =
            analysis::select_layer_points(ws.read_layer(*layer), args.get("weight").value_or(""));
        ev.source = "layer " + *layer;
    } else {
        if (args.get("weight"))
            throw core::UsageError("--weight needs --layer (complaints all count 1)");
        ev.selection = analysis::select_complaints(ws.complaints(), filter);
        ev.source = "complaints";
    }
    ev.filter_json = {{"from", filter.from ? filter.from->to_string() : ""},
                      {"to", filter.to ? filter.to->to_string() : ""},
                      {"categories", filter.categories},
                      {"statuses", filter.statuses},
                      {"weight", args.get("weight").value_or("")}};
    if (ev.selection.points.empty())
        throw core::UsageError("no points to analyse from " + ev.source + " (" +
                               std::to_string(ev.selection.considered) + " considered, " +
                               std::to_string(ev.selection.filtered_out) + " filtered out)");
    return ev;
}

unsigned thread_option(const Args& args) {
    const auto t = args.get("threads");
    if (!t)
        return 0;
    double v = 0;
    if (!core::parse_double(*t, v) || v < 1 || v > 256 || v != static_cast<int>(v))
        throw core::UsageError("--threads '" + *t + "': not a whole number from 1 to 256");
    return static_cast<unsigned>(v);
}

int run_kde(const store::Workspace& ws, const Args& args, Io& io) {
    const std::filesystem::path out = args.require("out");
    const auto ext = core::to_lower(out.extension().string());
    if (ext != ".tif" && ext != ".tiff")
        throw core::UsageError("--out '" + out.string() +
                               "': a density surface is a GeoTIFF "
                               "(.tif)");
    for (const char* other : {"band", "shape", "zones", "on", "field"})
        if (args.get(other))
            throw core::UsageError(std::string("--") + other + " is for --method gistar");
    analysis::KdeParams params;
    params.radius_m = positive_metres(args, "radius");
    params.cell_m = positive_metres(args, "cell");
    params.threads = thread_option(args);
    if (const auto k = args.get("kernel")) {
        const auto kernel = analysis::parse_kernel(*k);
        if (!kernel)
            throw core::UsageError("--kernel '" + *k +
                                   "': not one of quartic, triangular, "
                                   "uniform, triweight, epanechnikov");
        params.kernel = *kernel;
    }
    const auto output = args.get("output").value_or("raw");
    if (output != "raw" && output != "density")
        throw core::UsageError("--output '" + output + "': not raw or density");
    params.output = output == "raw" ? analysis::KdeOutput::Raw : analysis::KdeOutput::Density;

    const auto ev = select_events(ws, args);
    const auto surface = analysis::kernel_density(ev.selection.points, params);
    const auto& g = surface.grid;
    const std::string units = params.output == analysis::KdeOutput::Density
                                  ? "events per square kilometre"
                                  : "sum of kernel values (weights)";
    io::RasterSpec spec;
    spec.west = g.min_x;
    spec.north = g.max_y();
    spec.cell = g.cell_m;
    spec.cols = g.cols;
    spec.rows = g.rows;
    spec.nodata = -9999.0;
    spec.description = std::string(analysis::to_string(params.kernel)) +
                       " kernel density, radius " + number(params.radius_m) + " m, " + units;
    spec.metadata = {{"REDLINE_METHOD", "kde"},
                     {"REDLINE_KERNEL", analysis::to_string(params.kernel)},
                     {"REDLINE_RADIUS_M", number(params.radius_m)},
                     {"REDLINE_CELL_M", number(params.cell_m)},
                     {"REDLINE_OUTPUT", analysis::to_string(params.output)},
                     {"REDLINE_UNITS", units},
                     {"REDLINE_SOURCE", ev.source},
                     {"REDLINE_FILTER", ev.filter_json.dump()},
                     {"REDLINE_POINTS", std::to_string(surface.points_used)},
                     {"TIFFTAG_SOFTWARE", std::string("Redline ") + core::k_version + " (" +
                                              core::k_source_commit + ")"}};
    io::write_geotiff(out, spec, surface.values);

    const double max = surface.max();
    const double total = surface.sum();
    if (args.flag("json")) {
        io.out << nlohmann::json{{"method", "kde"},
                                 {"kernel", analysis::to_string(params.kernel)},
                                 {"output", analysis::to_string(params.output)},
                                 {"radius_m", params.radius_m},
                                 {"cell_m", params.cell_m},
                                 {"cols", g.cols},
                                 {"rows", g.rows},
                                 {"cells", g.size()},
                                 {"extent", {g.min_x, g.min_y, g.max_x(), g.max_y()}},
                                 {"source", ev.source},
                                 {"filter", ev.filter_json},
                                 {"points_considered", ev.selection.considered},
                                 {"points_filtered_out", ev.selection.filtered_out},
                                 {"points_unusable", ev.selection.unusable},
                                 {"points_used", surface.points_used},
                                 {"max", max},
                                 {"sum", total},
                                 {"out", out.string()}}
                      .dump(2)
               << "\n";
        return 0;
    }
    io.out << "kernel density (" << analysis::to_string(params.kernel) << ", radius "
           << number(params.radius_m) << " m, " << analysis::to_string(params.output) << ") of "
           << surface.points_used << " points from " << ev.source << "\n"
           << "  grid " << g.cols << " x " << g.rows << " = " << g.size() << " cells of "
           << number(params.cell_m) << " m, extent " << number(g.min_x) << "," << number(g.min_y)
           << " " << number(g.max_x()) << "," << number(g.max_y()) << " (EPSG:27700)\n"
           << "  max " << number(max) << " (" << units << ")\n"
           << "  written " << out.string() << "\n";
    return 0;
}

int run_gistar(const store::Workspace& ws, const Args& args, Io& io) {
    const std::filesystem::path out = args.require("out");
    for (const char* other : {"radius", "kernel", "output"})
        if (args.get(other))
            throw core::UsageError(std::string("--") + other + " is for --method kde");
    analysis::GiStarParams params;
    params.band_m = positive_metres(args, "band");
    params.fdr = args.flag("fdr");
    const int modes = !!args.get("cell") + !!args.get("zones") + !!args.get("on");
    if (modes != 1)
        throw core::UsageError(
            "give exactly one of --cell M, --zones LAYER or --on LAYER --field F");

    analysis::HotspotSites sites;
    std::string source, aggregation;
    std::size_t considered = 0;
    if (const auto on = args.get("on")) {
        if (args.get("layer") || args.get("weight") || args.get("from") || args.get("to") ||
            !args.all("category").empty() || !args.all("status").empty())
            throw core::UsageError("--on uses the layer's own values; point filters do not apply");
        sites = analysis::sites_from_field(ws.read_layer(*on), args.require("field"));
        source = "layer " + *on;
        aggregation = "features, field " + args.require("field");
    } else {
        if (args.get("field"))
            throw core::UsageError("--field goes with --on LAYER");
        const auto ev = select_events(ws, args);
        source = ev.source;
        considered = ev.selection.considered;
        if (const auto zones = args.get("zones")) {
            sites = analysis::aggregate_to_zones(ev.selection.points, ws.read_layer(*zones));
            aggregation = "zones " + *zones;
        } else {
            const auto shape_text = args.get("shape").value_or("square");
            if (shape_text != "square" && shape_text != "hex")
                throw core::UsageError("--shape '" + shape_text + "': not square or hex");
            const auto shape =
                shape_text == "hex" ? analysis::CellShape::Hex : analysis::CellShape::Square;
            const double cell = positive_metres(args, "cell");
            sites = analysis::aggregate_to_cells(ev.selection.points, shape, cell);
            aggregation = shape_text + " cells of " + number(cell) + " m";
        }
    }
    if (sites.size() < 2)
        throw core::UsageError("Gi* needs at least 2 cells or zones; got " +
                               std::to_string(sites.size()));
    const auto results = analysis::getis_ord_gistar(sites.centres, sites.values, params);
    auto layer = analysis::gistar_layer(sites, results, "gistar");
    io::write_vector(out, layer);

    int by_class[7] = {};
    double zmax = 0, zmin = 0;
    for (const auto& r : results) {
        ++by_class[r.confidence_class + 3];
        zmax = std::max(zmax, r.z);
        zmin = std::min(zmin, r.z);
    }
    const int hot = by_class[4] + by_class[5] + by_class[6];
    const int cold = by_class[0] + by_class[1] + by_class[2];
    if (args.flag("json")) {
        io.out << nlohmann::json{{"method", "gistar"},
                                 {"band_m", params.band_m},
                                 {"fdr", params.fdr},
                                 {"aggregation", aggregation},
                                 {"source", source},
                                 {"sites", sites.size()},
                                 {"points_considered", considered},
                                 {"points_used", sites.points_used},
                                 {"points_outside_zones", sites.points_outside},
                                 {"features_skipped", sites.features_skipped},
                                 {"hot", hot},
                                 {"cold", cold},
                                 {"classes",
                                  {{"-3", by_class[0]},
                                   {"-2", by_class[1]},
                                   {"-1", by_class[2]},
                                   {"0", by_class[3]},
                                   {"1", by_class[4]},
                                   {"2", by_class[5]},
                                   {"3", by_class[6]}}},
                                 {"z_max", zmax},
                                 {"z_min", zmin},
                                 {"out", out.string()}}
                      .dump(2)
               << "\n";
        return 0;
    }
    io.out << "Getis-Ord Gi* on " << sites.size() << " " << aggregation << " from " << source
           << ", band " << number(params.band_m) << " m" << (params.fdr ? ", FDR-adjusted" : "")
           << "\n";
    if (sites.points_used)
        io.out << "  points used " << sites.points_used
               << (sites.points_outside
                       ? ", outside every zone " + std::to_string(sites.points_outside)
                       : "")
               << "\n";
    io.out << "  hot spots " << hot << " (99%: " << by_class[6] << ", 95%: " << by_class[5]
           << ", 90%: " << by_class[4] << "); cold spots " << cold << " (99%: " << by_class[0]
           << ", 95%: " << by_class[1] << ", 90%: " << by_class[2] << ")\n"
           << "  z from " << number(zmin) << " to " << number(zmax) << "\n"
           << "  written " << out.string() << "\n";
    return 0;
}

int run_hotspot(const Args& args, Io& io) {
    const auto& path = args.positional(0, "workspace file (WS)");
    if (args.positional_count() > 1)
        throw core::UsageError("unexpected argument '" + args.m_positional[1] + "'");
    const auto method = args.require("method");
    if (method != "kde" && method != "gistar")
        throw core::UsageError("--method '" + method + "': not kde or gistar");
    // Reading only: nothing here writes to the workspace or its audit log.
    const auto ws = store::Workspace::open(path, current_user());
    return method == "kde" ? run_kde(ws, args, io) : run_gistar(ws, args, io);
}

const Registrar k_registrar{
    {"hotspot",
     "WS --method kde --radius M --cell M [--kernel K] [--output raw|density] --out FILE.tif | "
     "WS --method gistar --band M (--cell M [--shape square|hex] | --zones LAYER | --on LAYER "
     "--field F) [--fdr] --out FILE.gpkg; points: complaints [--from DATE] [--to DATE] "
     "[--category C]... [--status S]... or --layer L [--weight FIELD]; [--threads N] [--json]",
     "Hotspots: a kernel density GeoTIFF, or Getis-Ord Gi* hot and cold spots on square or "
     "hexagonal cells, zones or a layer's values (EPSG:27700). Reads the workspace only.",
     {"method", "radius", "cell", "kernel", "output", "from", "to", "category", "status", "layer",
      "weight", "out", "band", "shape", "zones", "on", "field", "threads"},
     {"fdr", "json"},
     &run_hotspot}};

} // namespace
} // namespace redline::cli
