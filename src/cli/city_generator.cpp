// `redline-cli city WS --plots N [--seed S]`: write the breach engine's generated test town
// (analysis/test_city.hpp) into a new workspace, for the benchmark (bench/breach) and for trying
// the breach check at scale. Every layer is labelled as generated.
#include "analysis/test_city.hpp"
#include "cli/command.hpp"
#include "core/error.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"
#include "core/version.hpp"
#include "core/wkb.hpp"
#include "store/workspace.hpp"

#include <nlohmann/json.hpp>

#include <ostream>

namespace redline::cli {
namespace {

/// Provenance of a generated layer: the generator and seed, and a hash of the content.
core::ImportReport generated_report(const core::LayerData& l, core::Role role,
                                    const analysis::CityOptions& options) {
    core::Sha256 h;
    for (const auto& f : l.features) {
        const auto wkb = core::to_wkb(f.geometry);
        h.update(std::span(wkb.data(), wkb.size()));
        for (const auto& v : f.values)
            h.update(core::to_text(v) + "\x1f");
    }
    core::ImportReport r;
    r.source_path = std::string("generated: redline test city ") + core::k_version + ", seed " +
                    std::to_string(options.seed) + ", " + std::to_string(options.plots) + " plots";
    r.layer_name = l.name;
    r.role = core::to_string(role);
    r.source_crs = "EPSG:27700";
    r.transformation = "none (generated in EPSG:27700)";
    r.source_sha256 = h.hex_digest();
    r.features_read = r.features_imported = l.features.size();
    return r;
}

std::size_t whole_number(const std::string& text, const char* what) {
    double v = 0;
    if (!core::parse_double(text, v) || v < 1 || v > 1e7 ||
        v != static_cast<double>(static_cast<std::size_t>(v)))
        throw core::UsageError(std::string(what) + " '" + text + "': expected a whole number");
    return static_cast<std::size_t>(v);
}

int run_city(const Args& args, Io& io) {
    const auto& path = args.positional(0, "WS (the workspace file to create)");
    analysis::CityOptions options;
    options.plots = whole_number(args.get("plots").value_or("300"), "--plots");
    options.seed = whole_number(args.get("seed").value_or("1"), "--seed");
    const auto city = analysis::make_test_city(options);
    auto ws = store::Workspace::create(path, current_user());
    for (const auto& [role, data] : city.layers)
        ws.import_layer(data, role, generated_report(data, role, options));
    if (args.flag("json")) {
        nlohmann::json j = {{"workspace", path},
                            {"plots", city.plot_count},
                            {"buildings", city.building_count},
                            {"expected_findings", city.expected.size()},
                            {"as_of", city.as_of.to_string()}};
        io.out << j.dump(2) << "\n";
        return 0;
    }
    io.out << "generated town written to '" << path << "': " << city.plot_count << " plots, "
           << city.building_count << " current buildings, " << city.expected.size()
           << " findings by design as of " << city.as_of.to_string() << "\n";
    return 0;
}

const Registrar k_registrar{{"city",
                             "WS [--plots N] [--seed S] [--json]",
                             "Write a generated test town with known breaches (for benchmarks and "
                             "trying the breach check) into a new workspace.",
                             {"plots", "seed"},
                             {"json"},
                             &run_city}};

} // namespace
} // namespace redline::cli
