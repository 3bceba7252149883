// Viewer benchmark (issue #3 item 6): load, triangulation, memory and frame time of a buildings
// layer of N polygons, next to GDAL's bare read of the same GeoPackage. Not part of `make test`.
//
//   viewer_bench generate OUT.gpkg N      N building polygons (EPSG:27700), deterministic
//   viewer_bench gdal-read FILE           GDAL alone: every feature's WKB and fields
//   viewer_bench viewer WS LAYER FRAMES   read from the workspace, triangulate, draw FRAMES
//                                         frames panning and zooming (EGL, off-screen 1200x800)
//   viewer_bench synthetic N FRAMES       the same without a workspace (generated in memory)
//   viewer_bench heat N REDRAWS           the heat layer (issue #6) over N complaint points in a
//                                         county-sized extent: time of a bandwidth change, a
//                                         filter change and a pan (EGL, off-screen 1200x800)
#include "render/headless_context.hpp"
#include "render/heat_layer.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "scene/complaint_layer.hpp"
#include "scene/scene.hpp"
#include "store/workspace.hpp"

#define GL_GLEXT_PROTOTYPES
#include <GL/glcorearb.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

using namespace redline;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

double peak_rss_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024.0;
}

double current_rss_mb() {
    std::ifstream f("/proc/self/statm");
    long pages = 0, resident = 0;
    f >> pages >> resident;
    return resident * 4096.0 / 1048576.0;
}

/// Building i of N: 20 m plots in a square block south-west of (530000, 180000); a rectangle, an
/// L (rear extension) or, one in fifty, a courtyard block with a hole.
core::Polygon building(long i, long n) {
    const long side = static_cast<long>(std::ceil(std::sqrt(double(n))));
    const double x = 520000 + 20.0 * double(i % side), y = 170000 + 20.0 * double(i / side);
    const double w = 8 + double(i % 7), d = 9 + double(i % 5);
    core::Polygon p;
    if (i % 50 == 0) {
        p.rings.push_back(
            {{x + 2, y + 2}, {x + 18, y + 2}, {x + 18, y + 18}, {x + 2, y + 18}, {x + 2, y + 2}});
        p.rings.push_back(
            {{x + 7, y + 7}, {x + 7, y + 13}, {x + 13, y + 13}, {x + 13, y + 7}, {x + 7, y + 7}});
    } else if (i % 3 == 0) {
        p.rings.push_back({{x + 3, y + 3},
                           {x + 3 + w, y + 3},
                           {x + 3 + w, y + 3 + d},
                           {x + 3, y + 3 + d},
                           {x + 3, y + 3}});
    } else {
        p.rings.push_back({{x + 3, y + 3},
                           {x + 3 + w / 2, y + 3},
                           {x + 3 + w / 2, y + 1},
                           {x + 3 + w, y + 1},
                           {x + 3 + w, y + 3 + d},
                           {x + 3, y + 3 + d},
                           {x + 3, y + 3}});
    }
    return p;
}

int generate(const char* path, long n) {
    GDALAllRegister();
    GDALDriverH drv = GDALGetDriverByName("GPKG");
    GDALDatasetH ds = GDALCreate(drv, path, 0, 0, 0, GDT_Unknown, nullptr);
    if (!ds)
        return std::fprintf(stderr, "cannot create %s\n", path), 1;
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 27700);
    OGRLayerH layer = GDALDatasetCreateLayer(ds, "buildings", srs, wkbPolygon, nullptr);
    OSRDestroySpatialReference(srs);
    OGRFieldDefnH ref = OGR_Fld_Create("reference", OFTString);
    OGR_L_CreateField(layer, ref, TRUE);
    OGR_Fld_Destroy(ref);
    OGRFieldDefnH h = OGR_Fld_Create("height_m", OFTReal);
    OGR_L_CreateField(layer, h, TRUE);
    OGR_Fld_Destroy(h);
    GDALDatasetStartTransaction(ds, FALSE);
    for (long i = 0; i < n; ++i) {
        const core::Polygon p = building(i, n);
        OGRGeometryH poly = OGR_G_CreateGeometry(wkbPolygon);
        for (const auto& r : p.rings) {
            OGRGeometryH ring = OGR_G_CreateGeometry(wkbLinearRing);
            for (const auto& c : r)
                OGR_G_AddPoint_2D(ring, c.x, c.y);
            OGR_G_AddGeometryDirectly(poly, ring);
        }
        OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        OGR_F_SetFieldString(f, 0, ("B" + std::to_string(i)).c_str());
        OGR_F_SetFieldDouble(f, 1, 5 + double(i % 9));
        OGR_F_SetGeometryDirectly(f, poly);
        const OGRErr err = OGR_L_CreateFeature(layer, f);
        OGR_F_Destroy(f);
        if (err != OGRERR_NONE) {
            std::fprintf(stderr, "cannot write building %zu to %s\n", std::size_t(i), path);
            GDALClose(ds);
            return 1;
        }
    }
    GDALDatasetCommitTransaction(ds);
    GDALClose(ds);
    return 0;
}

int gdal_read(const char* path) {
    const auto t0 = Clock::now();
    GDALAllRegister();
    GDALDatasetH ds =
        GDALOpenEx(path, GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    if (!ds)
        return std::fprintf(stderr, "cannot open %s\n", path), 1;
    long features = 0, bytes = 0;
    std::vector<unsigned char> wkb;
    for (int l = 0; l < GDALDatasetGetLayerCount(ds); ++l) {
        OGRLayerH layer = GDALDatasetGetLayer(ds, l);
        OGR_L_ResetReading(layer);
        while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
            if (OGRGeometryH g = OGR_F_GetGeometryRef(f)) {
                wkb.resize(OGR_G_WkbSize(g));
                OGR_G_ExportToWkb(g, wkbNDR, wkb.data());
                bytes += long(wkb.size());
            }
            for (int i = 0; i < OGR_F_GetFieldCount(f); ++i)
                bytes += long(std::string(OGR_F_GetFieldAsString(f, i)).size());
            OGR_F_Destroy(f);
            ++features;
        }
    }
    GDALClose(ds);
    std::printf("gdal_read features=%ld bytes=%ld seconds=%.3f peak_rss_mb=%.0f\n", features, bytes,
                seconds_since(t0), peak_rss_mb());
    return 0;
}

struct FrameStats {
    double mean_ms = 0, p95_ms = 0;
};

FrameStats stats(std::vector<double> ms) {
    FrameStats s;
    if (ms.empty())
        return s;
    for (double m : ms)
        s.mean_ms += m / double(ms.size());
    std::sort(ms.begin(), ms.end());
    s.p95_ms = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
    return s;
}

/// Draw `frames` frames: half panning at 1:2500 across the block, half zooming in and out between
/// the whole layer and 1:1250. glFinish per frame, so the time is the GPU's as well as the CPU's.
void frames(const scene::Scene& s, int count) {
    render::HeadlessContext ctx;
    render::OffscreenTarget target(1200, 800);
    render::MapRenderer renderer;
    const core::Envelope e = s.extent();
    scene::Viewport view(e.centre(), 1, 1200, 800);
    // The first frame uploads the buffers: timed apart.
    auto t0 = Clock::now();
    target.bind();
    renderer.draw(s, view);
    glFinish();
    const double upload_s = seconds_since(t0);
    std::printf("first_frame_upload_s=%.3f rss_after_upload_mb=%.0f peak_rss_mb=%.0f\n", upload_s,
                current_rss_mb(), peak_rss_mb());
    std::vector<double> pan, zoom;
    view.set_scale_denominator(2500);
    for (int i = 0; i < count / 2; ++i) {
        view.pan_px(-37, 11);
        t0 = Clock::now();
        target.bind();
        renderer.draw(s, view);
        glFinish();
        pan.push_back(seconds_since(t0) * 1000);
    }
    view.fit(e, 20);
    const double whole = view.metres_per_px();
    for (int i = 0; i < count / 2; ++i) {
        // 12 steps of 1.5x from the whole layer down towards 1:1250 and back.
        const int k = i % 24, step = k < 12 ? k : 24 - k;
        view.set_centre(e.centre());
        view.set_metres_per_px(std::max(whole / std::pow(1.5, step), 0.33));
        t0 = Clock::now();
        target.bind();
        renderer.draw(s, view);
        glFinish();
        zoom.push_back(seconds_since(t0) * 1000);
    }
    const FrameStats p = stats(pan), z = stats(zoom);
    std::printf("renderer=%s\n", reinterpret_cast<const char*>(glGetString(GL_RENDERER)));
    std::printf("pan_frames=%zu pan_mean_ms=%.2f pan_p95_ms=%.2f\n", pan.size(), p.mean_ms,
                p.p95_ms);
    std::printf("zoom_frames=%zu zoom_mean_ms=%.2f zoom_p95_ms=%.2f\n", zoom.size(), z.mean_ms,
                z.p95_ms);
}

void build_and_draw(core::LayerData data, int count) {
    const auto t0 = Clock::now();
    scene::Scene s;
    s.add_layer({std::move(data), core::Role::Building});
    s.build();
    std::printf("triangulate_s=%.3f rss_after_triangulate_mb=%.0f peak_rss_mb=%.0f\n",
                seconds_since(t0), current_rss_mb(), peak_rss_mb());
    frames(s, count);
    std::printf("final_peak_rss_mb=%.0f\n", peak_rss_mb());
}

/// N complaints over 60 x 40 km (a county): half in 200 Gaussian-ish town clusters, half spread
/// evenly; categories and statuses cycle so that a filter keeps about half. Deterministic.
scene::Scene heat_scene(long n) {
    std::vector<core::Complaint> complaints(static_cast<std::size_t>(n));
    std::uint64_t seed = 42;
    auto next = [&seed] {
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        return double(seed >> 11) / double(1ull << 53);
    };
    for (long i = 0; i < n; ++i) {
        core::Complaint& c = complaints[std::size_t(i)];
        if (i % 2) {
            const long town = i % 200;
            const double tx = 500000 + 60000 * double((town * 37) % 200) / 200.0;
            const double ty = 150000 + 40000 * double((town * 91) % 200) / 200.0;
            c.location = {tx + 800 * (next() + next() - 1), ty + 800 * (next() + next() - 1)};
        } else {
            c.location = {500000 + 60000 * next(), 150000 + 40000 * next()};
        }
        c.category = i % 3 ? "extension" : "change-of-use";
        c.status = i % 2 ? "open" : "closed";
        c.received_date = "2026-01-01";
    }
    scene::Scene s;
    s.add_layer({scene::complaint_layer(complaints), core::Role::Complaint});
    return s;
}

/// Time the heat layer's redraws: `count` bandwidth changes (300 m and 310 m alternately, so each
/// recomputes), filter changes (a category on and off: re-select and re-upload) and pans (the
/// ramp only). glFinish per redraw, so the GPU's time is included.
int heat(long n, int count) {
    scene::Scene s = heat_scene(n);
    render::HeadlessContext ctx;
    render::OffscreenTarget target(1200, 800);
    render::HeatLayer layer;
    scene::Viewport view(s.extent().centre(), 1, 1200, 800);
    view.fit(s.extent(), 20);
    s.heat.enabled = true;
    s.heat.radius_m = 300;
    auto timed = [&] {
        const auto t0 = Clock::now();
        target.bind();
        layer.draw(s, view);
        glFinish();
        return seconds_since(t0) * 1000;
    };
    const double first = timed();
    std::vector<double> bandwidth, filter, pan;
    for (int i = 0; i < count; ++i) {
        s.heat.radius_m = i % 2 ? 300 : 310;
        bandwidth.push_back(timed());
    }
    for (int i = 0; i < count; ++i) {
        s.heat.filter.categories =
            i % 2 ? std::vector<std::string>{} : std::vector<std::string>{"extension"};
        filter.push_back(timed());
    }
    for (int i = 0; i < count; ++i) {
        view.pan_px(-37, 11);
        pan.push_back(timed());
    }
    const FrameStats b = stats(bandwidth), f = stats(filter), p = stats(pan);
    std::printf("renderer=%s\n", reinterpret_cast<const char*>(glGetString(GL_RENDERER)));
    std::printf("heat_points=%ld first_draw_ms=%.1f uploads=%zu computes=%zu\n", n, first,
                layer.upload_count(), layer.compute_count());
    std::printf("bandwidth_redraw_mean_ms=%.2f p95_ms=%.2f\n", b.mean_ms, b.p95_ms);
    std::printf("filter_redraw_mean_ms=%.2f p95_ms=%.2f\n", f.mean_ms, f.p95_ms);
    std::printf("pan_redraw_mean_ms=%.2f p95_ms=%.2f\n", p.mean_ms, p.p95_ms);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    const std::string cmd = argc > 1 ? argv[1] : "";
    try {
        if (cmd == "generate" && argc == 4)
            return generate(argv[2], std::atol(argv[3]));
        if (cmd == "gdal-read" && argc == 3)
            return gdal_read(argv[2]);
        if (cmd == "viewer" && argc == 5) {
            const auto t0 = Clock::now();
            const store::Workspace ws = store::Workspace::open(argv[2], "bench");
            core::LayerData data = ws.read_layer(argv[3]);
            std::printf("load_s=%.3f features=%zu rss_after_load_mb=%.0f\n", seconds_since(t0),
                        data.features.size(), current_rss_mb());
            build_and_draw(std::move(data), std::atoi(argv[4]));
            return 0;
        }
        if (cmd == "synthetic" && argc == 4) {
            const long n = std::atol(argv[2]);
            core::LayerData data;
            data.name = "buildings";
            for (long i = 0; i < n; ++i) {
                core::Feature f;
                f.geometry = core::Geometry::polygon(building(i, n));
                data.features.push_back(std::move(f));
            }
            build_and_draw(std::move(data), std::atoi(argv[3]));
            return 0;
        }
        if (cmd == "heat" && argc == 4)
            return heat(std::atol(argv[2]), std::atoi(argv[3]));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "viewer_bench: %s\n", e.what());
        return 1;
    }
    std::fprintf(stderr, "usage: viewer_bench generate OUT.gpkg N | gdal-read FILE | viewer WS "
                         "LAYER FRAMES | synthetic N FRAMES | heat N REDRAWS\n");
    return 2;
}
