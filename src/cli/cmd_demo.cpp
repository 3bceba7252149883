// `redline-cli demo WS`: build the demo workspace from the real Southwark layers in data/ and the
// synthetic Demo Road made by demo_*.cpp. Deterministic: the same inputs give the same content.
#include "cli/command.hpp"
#include "cli/demo_plan.hpp"
#include "cli/demo_street.hpp"
#include "core/error.hpp"
#include "core/sha256.hpp"
#include "core/version.hpp"
#include "core/wkb.hpp"
#include "io/importer.hpp"
#include "store/workspace.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace redline::cli {
namespace {

namespace fs = std::filesystem;

struct RealSource {
    const char* path; ///< under data/southwark
    const char* name;
    const char* role;
    const char* source_layer = "";
    const char* pd_rights = ""; ///< for Article 4 files, which lack the field
};

// Classes restricted by each Southwark Article 4 direction, read from its name and the council's
// description (data/southwark/constraints/article-4-direction/*.csv). GPDO 2015 Schedule 2 part and
// class codes; the demo's reading, to be checked against the direction itself.
const RealSource k_real[] = {
    {"constraints/conservation-area/Southwark Conservation Areas.gpkg", "conservation_areas",
     "conservation-area"},
    {"constraints/article-4-direction/Article 4 - Class MA - Change of use from Class E to "
     "residential.gpkg",
     "a4_class_ma", "article-4-direction-area", "", "3MA"},
    {"constraints/article-4-direction/Article 4 _ Class ZA _ Demolition of commercial.gpkg",
     "a4_class_za", "article-4-direction-area", "", "20ZA"},
    {"constraints/article-4-direction/Article 4 _ offices in the Central Activities Zone.gpkg",
     "a4_caz_offices", "article-4-direction-area", "", "3O"},
    {"constraints/article-4-direction/Article 4 _ Public Houses.gpkg", "a4_public_houses",
     "article-4-direction-area", "", "3AA;11B"},
    {"constraints/article-4-direction/Article 4 _ Railway Arches.gpkg", "a4_railway_arches",
     "article-4-direction-area", "", "3MA;3Q"},
    {"constraints/article-4-direction/Article 4 _ Sunray Estate.gpkg", "a4_sunray_estate",
     "article-4-direction-area", "", "1A;1B;1C;1D;1E;1F;2A"},
    {"constraints/article-4-direction/Article 4 _ HMO Bywater Place.gpkg", "a4_hmo_bywater_place",
     "article-4-direction-area", "", "3L"},
    {"constraints/article-4-direction/Article 4 _ HMO Henshaw Street.gpkg", "a4_hmo_henshaw_street",
     "article-4-direction-area", "", "3L"},
    {"constraints/article-4-direction/Article 4 _ Demolition of the Stables and the Forge on "
     "Catlin Street.gpkg",
     "a4_catlin_street", "article-4-direction-area", "", "11B"},
    {"constraints/listed-building/Grade I.zip", "listed_grade_i", "listed-building-outline"},
    {"constraints/listed-building/Grade I Star.zip", "listed_grade_ii_star",
     "listed-building-outline"},
    {"constraints/listed-building/Grade II.zip", "listed_grade_ii", "listed-building-outline"},
    {"constraints/tree-preservation-order/TPO zones - Area type.zip", "tpo_area",
     "tree-preservation-zone"},
    {"constraints/tree-preservation-order/TPO zones - Group type.zip", "tpo_group",
     "tree-preservation-zone"},
    {"constraints/tree-preservation-order/TPO zones - Individual type.zip", "tpo_individual",
     "tree-preservation-zone"},
    {"constraints/tree-preservation-order/TPO zones - Woodland type.zip", "tpo_woodland",
     "tree-preservation-zone"},
    {"osm/southwark-osm-extracts-27700.gpkg", "osm_buildings", "building", "buildings"},
    {"osm/southwark-osm-extracts-27700.gpkg", "osm_roads", "highway", "roads"},
};

fs::path default_data_dir() {
    if (const char* env = std::getenv("REDLINE_DATA_DIR"); env && *env)
        return env;
    return core::k_source_data_dir;
}

/// Provenance of a generated layer: its "file" is the generator, its hash the hash of its content
/// (every feature's WKB and values), so a changed generator shows up as a changed hash.
core::ImportReport synthetic_report(const demo::SyntheticLayer& l) {
    core::Sha256 h;
    for (const auto& f : l.data.features) {
        const auto wkb = core::to_wkb(f.geometry);
        h.update(std::span(wkb.data(), wkb.size()));
        for (const auto& v : f.values)
            h.update(core::to_text(v) + "\x1f");
    }
    core::ImportReport r;
    r.source_path =
        std::string("synthetic: redline demo generator ") + core::k_version + " - " + l.description;
    r.layer_name = l.data.name;
    r.role = l.role;
    r.source_crs = "EPSG:27700";
    r.transformation = "none (generated in EPSG:27700)";
    r.source_sha256 = h.hex_digest();
    r.features_read = r.features_imported = l.data.features.size();
    return r;
}

int run_demo(const Args& args, Io& io) {
    const fs::path ws_path = args.positional(0, "WS (the workspace file to create)");
    const fs::path data = args.get("data").value_or(default_data_dir().string());
    const fs::path southwark = data / "southwark";
    if (!fs::exists(southwark))
        throw core::IoError("the demo's source data is missing (expected data/southwark)",
                            {.path = southwark.string()});
    // Build next to the target and rename at the end, so an interrupted build never leaves a
    // half-made demo that `make run` would then open.
    const fs::path partial = ws_path.string() + ".partial";
    fs::remove(partial);
    for (const char* suffix : {"-wal", "-shm"})
        fs::remove(partial.string() + suffix);
    {
        auto ws = store::Workspace::create(partial, "redline-demo");
        core::LayerData osm_buildings;
        for (const RealSource& s : k_real) {
            io::ImportOptions opt;
            opt.role = core::parse_role(s.role);
            opt.name = s.name;
            opt.source_layer = s.source_layer;
            if (*s.pd_rights)
                opt.set_fields.emplace_back("permitted_development_rights", s.pd_rights);
            auto layer = io::read_for_import(southwark / s.path, opt);
            io.out << "  " << layer.data.name << " (" << s.role
                   << "): " << layer.data.features.size() << " features\n";
            ws.import_layer(layer.data, layer.role, layer.report);
            if (std::string(s.name) == "osm_buildings")
                osm_buildings = std::move(layer.data);
        }
        auto street = demo::build_demo_street();
        for (auto& l : street.layers) {
            if (l.data.name == "demo_baseline_buildings") {
                // The earlier survey also saw today's OpenStreetMap buildings, so that they are
                // not mistaken for new development.
                for (const auto& f : osm_buildings.features) {
                    core::Feature copy;
                    copy.source_fid = static_cast<std::int64_t>(l.data.features.size()) + 1;
                    copy.geometry = f.geometry;
                    copy.values = {"osm-" + std::to_string(f.source_fid),
                                   std::string("2015-06-01")};
                    l.data.features.push_back(std::move(copy));
                }
            }
            const auto report = synthetic_report(l);
            ws.import_layer(l.data, *core::parse_role(l.role), report);
            io.out << "  " << l.data.name << " (" << l.role
                   << ", synthetic): " << l.data.features.size() << " features\n";
        }
        for (const auto& c : street.cases)
            ws.add_case(c); // links c.complaint_references too
        demo::record_case_histories(ws);
        io.out << "  " << street.cases.size() << " enforcement cases\n";
        demo::add_demo_plan(ws, io.out); // issue #5: an approved plan, calibrated and measured
    }
    for (const char* suffix : {"-wal", "-shm"})
        fs::remove(partial.string() + suffix);
    fs::rename(partial, ws_path);
    io.out << "demo workspace written: " << ws_path.string() << " (findings intended as of "
           << demo::k_demo_as_of << ", see docs/demo.md)\n";
    return 0;
}

const Registrar k_reg{
    {"demo",
     "WS [--data DIR]",
     "Build the demo workspace: the real Southwark layers plus the synthetic Demo Road.",
     {"data"},
     {},
     &run_demo}};

} // namespace
} // namespace redline::cli
