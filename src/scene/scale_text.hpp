#pragma once
// Scale wording and scale-bar lengths shared by the screen (render) and the printed page (print),
// so that a map reads the same in the viewer and in an evidence pack.

#include <string>

namespace redline::scene {

/// A scale bar's ground length, 1, 2 or 5 x 10^k metres, and its label ("50 m", "2 km").
struct ScaleBarLength {
    double length_m = 0;
    std::string label;
};

/// The longest 1/2/5 x 10^k metre length not longer than `max_m` ground metres (> 0).
ScaleBarLength choose_scale_bar_length(double max_m);

/// "1:1,250" for a scale denominator, rounded to a whole number.
std::string format_scale(double denominator);

} // namespace redline::scene
