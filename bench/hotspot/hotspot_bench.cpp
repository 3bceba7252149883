// Times Redline's hotspot analysis on a points CSV (x,y in the last two columns, EPSG:27700):
// kernel density at 1 and at all hardware threads, the GeoTIFF write, and Gi* on ~100,000 cells.
// Not a test: bench/hotspot/run.sh builds and runs it next to QGIS.
#include "analysis/gistar.hpp"
#include "analysis/hotspot_sites.hpp"
#include "analysis/kde.hpp"
#include "io/raster_writer.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

using namespace redline;

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::vector<analysis::WeightedPoint> read_points(const char* path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line); // header
    std::vector<analysis::WeightedPoint> pts;
    while (std::getline(in, line)) {
        const auto b = line.rfind(',');
        const auto a = line.rfind(',', b - 1);
        pts.push_back({{std::strtod(line.c_str() + a + 1, nullptr),
                        std::strtod(line.c_str() + b + 1, nullptr)},
                       1.0});
    }
    return pts;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: hotspot_bench POINTS.csv OUT.tif [radius cell]\n";
        return 2;
    }
    const double radius = argc > 3 ? std::atof(argv[3]) : 300.0;
    const double cell = argc > 4 ? std::atof(argv[4]) : 25.0;
    auto t0 = std::chrono::steady_clock::now();
    const auto pts = read_points(argv[1]);
    const double t_read = seconds_since(t0);

    analysis::KdeParams p{radius, cell, analysis::Kernel::Quartic, analysis::KdeOutput::Raw, 1};
    t0 = std::chrono::steady_clock::now();
    const auto one = analysis::kernel_density(pts, p);
    const double t_kde1 = seconds_since(t0);
    p.threads = 0;
    t0 = std::chrono::steady_clock::now();
    const auto all = analysis::kernel_density(pts, p);
    const double t_kde = seconds_since(t0);
    const bool identical = one.values == all.values;

    io::RasterSpec spec;
    spec.west = all.grid.min_x;
    spec.north = all.grid.max_y();
    spec.cell = cell;
    spec.cols = all.grid.cols;
    spec.rows = all.grid.rows;
    spec.nodata = -9999.0;
    t0 = std::chrono::steady_clock::now();
    io::write_geotiff(argv[2], spec, all.values);
    const double t_write = seconds_since(t0);

    // Gi*: cells sized so the 50 x 40 km extent holds about 100,000 of them; band 2.2 cells.
    const double gcell = 141.0;
    t0 = std::chrono::steady_clock::now();
    const auto sites = analysis::aggregate_to_cells(pts, analysis::CellShape::Square, gcell);
    const double t_agg = seconds_since(t0);
    t0 = std::chrono::steady_clock::now();
    const auto gi = analysis::getis_ord_gistar(sites.centres, sites.values, {2.2 * gcell, true});
    const double t_gi = seconds_since(t0);
    int hot = 0, cold = 0;
    for (const auto& r : gi)
        (r.confidence_class > 0   ? hot
         : r.confidence_class < 0 ? cold
                                  : hot) += r.confidence_class != 0;

    std::printf("points %zu\nthreads %u\nread_csv_s %.3f\n", pts.size(),
                std::thread::hardware_concurrency(), t_read);
    std::printf("kde_grid %zux%zu\nkde_1thread_s %.3f\nkde_s %.3f\nkde_identical %s\n",
                all.grid.cols, all.grid.rows, t_kde1, t_kde, identical ? "yes" : "NO");
    std::printf("kde_sum %.6f\nkde_max %.6f\ngeotiff_write_s %.3f\n", all.sum(), all.max(),
                t_write);
    std::printf("gistar_cells %zu\ngistar_aggregate_s %.3f\ngistar_s %.3f\ngistar_hot %d\n"
                "gistar_cold %d\n",
                sites.size(), t_agg, t_gi, hot, cold);
    return 0;
}
