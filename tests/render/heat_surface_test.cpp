// The GPU heat layer against the CPU kernel density (analysis::kernel_density, Raw): the same
// grid, kernel and radius must agree within 1% of the peak at every cell.

#include "analysis/kde.hpp"
#include "render/gl_context.hpp"
#include "render/heat_surface.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace redline;

namespace {

void expect_match(analysis::Kernel kernel, render::HeatKernel gpu_kernel, double radius) {
    std::mt19937 rng(42);
    std::normal_distribution<double> cluster(0, 120);
    std::uniform_real_distribution<double> spread(-900, 900);
    std::vector<analysis::WeightedPoint> pts;
    for (int i = 0; i < 3000; ++i)
        pts.push_back({{533000 + (i % 3 ? cluster(rng) : spread(rng)),
                        179000 + (i % 3 ? cluster(rng) : spread(rng))},
                       i % 7 == 0 ? 2.0 : 1.0});
    // One heavy point off-centre: a surface flipped or shifted by a cell would miss it.
    pts.push_back({{533610, 178705}, 40.0});
    analysis::KdeParams params;
    params.radius_m = radius;
    params.cell_m = 10;
    params.kernel = kernel;
    const analysis::DensityRaster cpu = analysis::kernel_density(pts, params);
    std::vector<render::HeatPoint> hp;
    for (const auto& p : pts)
        hp.push_back({p.at, float(p.weight)});
    const render::HeatGrid grid{cpu.grid.min_x, cpu.grid.min_y, cpu.grid.cell_m, int(cpu.grid.cols),
                                int(cpu.grid.rows)};
    const std::vector<float> gpu = render::compute_heat_surface(hp, grid, radius, gpu_kernel);
    ASSERT_EQ(gpu.size(), cpu.values.size());
    const double peak = cpu.max();
    ASSERT_GT(peak, 0);
    double worst = 0;
    for (std::size_t i = 0; i < gpu.size(); ++i)
        worst = std::max(worst, std::abs(double(gpu[i]) - cpu.values[i]));
    EXPECT_LT(worst, 0.01 * peak) << "worst cell differs by " << worst << ", peak " << peak;
}

} // namespace

TEST(HeatSurface, QuarticMatchesTheCpuGridWithinOnePercentOfThePeak) {
    REQUIRE_GL();
    expect_match(analysis::Kernel::Quartic, render::HeatKernel::Quartic, 150);
}

TEST(HeatSurface, OtherKernelsMatchToo) {
    REQUIRE_GL();
    expect_match(analysis::Kernel::Triangular, render::HeatKernel::Triangular, 200);
    expect_match(analysis::Kernel::Epanechnikov, render::HeatKernel::Epanechnikov, 100);
    expect_match(analysis::Kernel::Uniform, render::HeatKernel::Uniform, 120);
}
