#pragma once

// A small synthetic plan for the plan-overlay tests: 400 x 300 px, white, a black border, grey
// grid lines every 50 px and a blue square over (150..250, 100..200), so a test can say what
// colour any plan point should show.

#include "scene/plan_overlay.hpp"

#include <memory>

namespace redline::test {

inline std::shared_ptr<const scene::PlanImage> test_plan_image() {
    auto img = std::make_shared<scene::PlanImage>();
    img->width_px = 400;
    img->height_px = 300;
    img->rgba.assign(std::size_t(400) * 300 * 4, 255);
    auto set = [&](int x, int y, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
        std::uint8_t* p = &img->rgba[(std::size_t(y) * 400 + std::size_t(x)) * 4];
        p[0] = r;
        p[1] = g;
        p[2] = b;
    };
    for (int y = 0; y < 300; ++y)
        for (int x = 0; x < 400; ++x) {
            if (x < 3 || y < 3 || x >= 397 || y >= 297)
                set(x, y, 0, 0, 0);
            else if (x >= 150 && x < 250 && y >= 100 && y < 200)
                set(x, y, 20, 60, 230);
            else if (x % 50 == 0 || y % 50 == 0)
                set(x, y, 120, 120, 120);
        }
    return img;
}

} // namespace redline::test
