#include "core/error.hpp"
#include "store/workspace.hpp"
#include "unit/store/store_test_util.hpp"

#include <gtest/gtest.h>

namespace redline::store {
namespace {

using test::buildings;
using test::dump;
using test::report_for;
using test::run_command;
using test::ScratchDir;

TEST(LayerTable, ImportThenReadBackRoundTripsFieldsAndGeometry) {
    ScratchDir dir;
    auto ws = Workspace::create(dir / "ws.redline", "alice");
    auto data = buildings("houses", 250);
    data.features[7].values[1] = std::monostate{};
    ws.import_layer(data, core::Role::Building, report_for("houses", "houses.gpkg"));

    const auto back = ws.read_layer("houses");
    ASSERT_EQ(back.fields.size(), 3u);
    EXPECT_EQ(back.fields[0].name, "reference");
    EXPECT_EQ(back.fields[0].type, core::FieldType::Text);
    EXPECT_EQ(back.fields[1].type, core::FieldType::Real);
    EXPECT_EQ(back.fields[2].type, core::FieldType::Integer);
    ASSERT_EQ(back.features.size(), 250u);
    const auto& f = back.features[42];
    EXPECT_EQ(f.source_fid, 43);
    EXPECT_EQ(std::get<std::string>(f.values[0]), "B43");
    EXPECT_EQ(std::get<double>(f.values[1]), 3.5);
    EXPECT_EQ(std::get<std::int64_t>(f.values[2]), 430);
    EXPECT_TRUE(core::is_null(back.features[7].values[1]));
    // Polygon roles are stored as MULTIPOLYGON; the coordinates survive exactly.
    EXPECT_EQ(f.geometry.type, core::GeometryType::MultiPolygon);
    ASSERT_EQ(f.geometry.polygons.size(), 1u);
    EXPECT_EQ(f.geometry.polygons[0].rings, data.features[42].geometry.polygons[0].rings);

    const auto info = ws.layer("houses");
    ASSERT_TRUE(info);
    EXPECT_EQ(info->role, core::Role::Building);
    EXPECT_EQ(info->geometry_type, "MULTIPOLYGON");
    EXPECT_EQ(info->source_file, "houses.gpkg");
    EXPECT_EQ(info->source_sha256, std::string(64, 'a'));
    EXPECT_EQ(info->source_crs, "EPSG:27700");
    EXPECT_EQ(info->feature_count, 250u);
    EXPECT_EQ(info->issues_json,
              R"([{"feature":3,"action":"repaired","message":"self-intersection fixed"}])");
    EXPECT_EQ(info->imported_at.size(), 20u);
    EXPECT_DOUBLE_EQ(info->extent.min_x, 500000);
    EXPECT_DOUBLE_EQ(info->extent.min_y, 180000);
    EXPECT_DOUBLE_EQ(info->extent.max_x, 500995);
    EXPECT_DOUBLE_EQ(info->extent.max_y, 180025);
    EXPECT_EQ(ws.layers().size(), 1u);
    EXPECT_FALSE(ws.layer("nope"));
    EXPECT_THROW(ws.read_layer("nope"), core::StoreError);
}

TEST(LayerTable, BboxReadUsesTheIndexAndIgnoresNullGeometries) {
    ScratchDir dir;
    auto ws = Workspace::create(dir / "ws.redline", "alice");
    auto data = buildings("houses", 1000);
    data.features[0].geometry = {}; // an empty geometry is stored as NULL
    ws.import_layer(data, core::Role::Building, report_for("houses", "h.gpkg"));
    // Squares at x = 500000 + 10i, 5 m wide, rows 10 m apart: the box meets columns 0-3 (touching
    // 500030 counts) of rows 0 and 1; feature 1 (column 0, row 0) has no geometry.
    const core::Envelope box{500000, 180001, 500030, 180012};
    const auto hit = ws.read_layer("houses", box);
    std::vector<std::int64_t> fids;
    for (const auto& f : hit.features)
        fids.push_back(f.source_fid);
    EXPECT_EQ(fids, (std::vector<std::int64_t>{2, 3, 4, 101, 102, 103, 104}));
    const auto none = ws.read_layer("houses", core::Envelope{0, 0, 10, 10});
    EXPECT_TRUE(none.features.empty());
    EXPECT_EQ(ws.read_layer("houses").features.size(), 1000u);
}

TEST(LayerTable, OgrinfoSeesTheLayerByNameWithCountAndBritishNationalGrid) {
    ScratchDir dir;
    const auto path = dir / "ws.redline";
    {
        auto ws = Workspace::create(path, "alice");
        ws.import_layer(buildings("houses", 37), core::Role::Building, report_for("houses", "h"));
    }
    int status = 0;
    const auto out = run_command("ogrinfo -ro -so " + test::quoted(path) + " houses", status);
    ASSERT_EQ(status, 0) << out;
    EXPECT_NE(out.find("Layer name: houses"), std::string::npos) << out;
    EXPECT_NE(out.find("Geometry: Multi Polygon"), std::string::npos) << out;
    EXPECT_NE(out.find("Feature Count: 37"), std::string::npos) << out;
    EXPECT_NE(out.find("ID[\"EPSG\",27700]"), std::string::npos) << out;
    EXPECT_NE(out.find("FID Column = fid"), std::string::npos) << out;
    EXPECT_NE(out.find("reference: String"), std::string::npos) << out;
}

TEST(LayerTable, DuplicateNameIsRefusedAndTheFileIsUnchanged) {
    ScratchDir dir;
    const auto path = dir / "ws.redline";
    auto ws = Workspace::create(path, "alice");
    ws.import_layer(buildings("houses", 10), core::Role::Building, report_for("houses", "a"));
    const auto before = dump(path);
    try {
        ws.import_layer(buildings("houses", 5), core::Role::Curtilage, report_for("houses", "b"));
        FAIL();
    } catch (const core::StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("layer 'houses' already exists"), std::string::npos);
    }
    EXPECT_EQ(dump(path), before);
}

TEST(LayerTable, ReservedAndInvalidNamesAreRefused) {
    ScratchDir dir;
    const auto path = dir / "ws.redline";
    auto ws = Workspace::create(path, "alice");
    const auto before = dump(path);
    for (const char* name :
         {"audit_log", "complaints", "geometry_columns", "spatial_ref_sys", "sqlite_stat1",
          "idx_houses_geom", "Houses", "1st", "a-b", "", "x\"; DROP TABLE audit_log; --"}) {
        EXPECT_THROW(
            ws.import_layer(buildings(name, 2), core::Role::Building, report_for(name, "f")),
            core::StoreError)
            << name;
    }
    EXPECT_EQ(dump(path), before);
}

TEST(LayerTable, CancellingMidImportRollsBackEverything) {
    ScratchDir dir;
    const auto path = dir / "ws.redline";
    auto ws = Workspace::create(path, "alice");
    ws.import_layer(buildings("first", 3), core::Role::Building, report_for("first", "a"));
    const auto before = dump(path);
    int calls = 0;
    double last = -1;
    const core::ProgressFn cancel_at_third = [&](double fraction, std::string_view stage) {
        EXPECT_EQ(stage, "writing");
        EXPECT_GT(fraction, last);
        last = fraction;
        return ++calls < 3;
    };
    EXPECT_THROW(ws.import_layer(buildings("second", 5000), core::Role::Building,
                                 report_for("second", "b"), cancel_at_third),
                 core::Cancelled);
    EXPECT_EQ(calls, 3);
    EXPECT_EQ(dump(path), before);
    EXPECT_FALSE(ws.layer("second"));
    // The workspace is still usable after the rollback.
    ws.import_layer(buildings("second", 5), core::Role::Building, report_for("second", "b"));
    EXPECT_EQ(ws.read_layer("second").features.size(), 5u);
}

TEST(LayerTable, RolesDecideTheGeometryColumnAndSinglesArePromoted) {
    ScratchDir dir;
    auto ws = Workspace::create(dir / "ws.redline", "alice");
    core::LayerData roads;
    roads.name = "roads";
    roads.fields = {{"name", core::FieldType::Text}};
    core::Feature r;
    r.source_fid = 1;
    r.geometry.type = core::GeometryType::LineString;
    r.geometry.lines = {{{0, 0}, {10, 0}}};
    r.values = {std::string("High Street")};
    roads.features.push_back(r);
    ws.import_layer(roads, core::Role::Highway, report_for("roads", "r"));
    EXPECT_EQ(ws.layer("roads")->geometry_type, "MULTILINESTRING");
    EXPECT_EQ(ws.read_layer("roads").features[0].geometry.type,
              core::GeometryType::MultiLineString);

    core::LayerData trees;
    trees.name = "trees";
    core::Feature t;
    t.source_fid = 1;
    t.geometry = core::Geometry::point({1, 2});
    trees.features.push_back(t);
    ws.import_layer(trees, core::Role::Tree, report_for("trees", "t"));
    EXPECT_EQ(ws.layer("trees")->geometry_type, "POINT");
    EXPECT_EQ(ws.read_layer("trees").features[0].geometry.points[0], (core::Coord{1, 2}));

    // A line in a polygon role is refused, naming the feature.
    roads.name = "not_polygons";
    try {
        ws.import_layer(roads, core::Role::Building, report_for("not_polygons", "x"));
        FAIL();
    } catch (const core::StoreError& e) {
        EXPECT_EQ(e.context().feature, 1);
        EXPECT_EQ(e.context().layer, "not_polygons");
    }
    EXPECT_FALSE(ws.layer("not_polygons"));
}

TEST(LayerTable, DuplicateSourceIdsAreRenumbered) {
    ScratchDir dir;
    auto ws = Workspace::create(dir / "ws.redline", "alice");
    auto data = buildings("houses", 3);
    for (auto& f : data.features)
        f.source_fid = 0;
    ws.import_layer(data, core::Role::Building, report_for("houses", "h"));
    const auto back = ws.read_layer("houses");
    ASSERT_EQ(back.features.size(), 3u);
    EXPECT_EQ(back.features[2].source_fid, 3);
}

TEST(LayerTable, HundredThousandPolygonsImportWhole) {
    ScratchDir dir;
    const auto path = dir / "ws.redline";
    auto ws = Workspace::create(path, "alice");
    int progress_calls = 0;
    ws.import_layer(buildings("big", 100000), core::Role::Building, report_for("big", "big.gpkg"),
                    [&](double, std::string_view) { return ++progress_calls > 0; });
    EXPECT_GE(progress_calls, 100);
    EXPECT_EQ(ws.layer("big")->feature_count, 100000u);
    EXPECT_EQ(ws.read_layer("big", core::Envelope{500000, 180000, 500004, 180004}).features.size(),
              1u);
    int status = 0;
    EXPECT_EQ(run_command("sqlite3 " + test::quoted(path) + " 'SELECT count(*) FROM idx_big_geom'",
                          status),
              "100000\n");
}

// The breach check reads every layer on two connections at once: the same layers, in the order
// asked, as one read_layer() at a time; an unknown name fails as it does there.
TEST(LayerTable, ReadingSeveralLayersAtOnceMatchesOneByOne) {
    ScratchDir dir;
    auto ws = store::Workspace::create(dir / "ws.sqlite", "tester");
    const std::vector<std::string> names = {"a", "b", "c", "d", "e"};
    for (std::size_t i = 0; i < names.size(); ++i)
        ws.import_layer(buildings(names[i], 40 + 30 * i), core::Role::Building,
                        report_for(names[i], names[i] + ".gpkg"));
    const std::vector<std::string> order = {"d", "a", "e", "c", "b", "a"};
    const auto together = ws.read_layers(order);
    ASSERT_EQ(together.size(), order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        const auto alone = ws.read_layer(order[i]);
        EXPECT_EQ(together[i].name, order[i]);
        ASSERT_EQ(together[i].features.size(), alone.features.size()) << order[i];
        for (std::size_t f = 0; f < alone.features.size(); ++f) {
            EXPECT_EQ(together[i].features[f].source_fid, alone.features[f].source_fid);
            EXPECT_EQ(together[i].features[f].geometry.envelope().min_x,
                      alone.features[f].geometry.envelope().min_x);
        }
    }
    EXPECT_THROW(ws.read_layers({"a", "b", "no_such_layer", "c"}), core::StoreError);
}

} // namespace
} // namespace redline::store
