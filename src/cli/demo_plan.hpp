#pragma once

#include "store/workspace.hpp"

#include <ostream>

namespace redline::cli::demo {

/// Add the demo's approved plan (issue #5): the site plan of DEMO/25/0101 (plot 26, a 3.0 m rear
/// extension) drawn by this generator as an A4 PDF at 1:200, rasterised at 150 dpi, calibrated
/// with five control points (affine) and measured once (the approved depth, saved to
/// ENF/26/0009). Deterministic apart from the store's own timestamps. Prints what it added.
void add_demo_plan(store::Workspace& ws, std::ostream& out);

} // namespace redline::cli::demo
