#include "scene/scale_text.hpp"

#include <cmath>
#include <cstdio>

namespace redline::scene {

ScaleBarLength choose_scale_bar_length(double max_m) {
    const double step = std::pow(10.0, std::floor(std::log10(max_m)));
    ScaleBarLength out;
    out.length_m = step;
    // A bar reads best at a round length: the largest of 5, 2, 1 x 10^k that fits.
    for (double f : {5.0, 2.0, 1.0}) {
        if (f * step <= max_m) {
            out.length_m = f * step;
            break;
        }
    }
    char buf[32];
    if (out.length_m >= 1000)
        std::snprintf(buf, sizeof buf, "%g km", out.length_m / 1000);
    else
        std::snprintf(buf, sizeof buf, "%g m", out.length_m);
    out.label = buf;
    return out;
}

std::string format_scale(double denominator) {
    const std::string digits = std::to_string(std::llround(denominator));
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return "1:" + out;
}

} // namespace redline::scene
