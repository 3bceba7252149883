#pragma once
// Drawing a calibrated plan over the printed map through its plan -> grid transform.

#include "print/evidence_pack.hpp"
#include "print/map_frame.hpp"
#include "print/painter.hpp"

namespace redline::print {

/// Paint `plan` into `frame` (clipped to it by the caller) so that each plan pixel lands where
/// its calibration puts it on the grid. An affine transform (Helmert, affine, stated scale) is
/// one exact image paint; a projective one is drawn as a mesh of small triangles, each an affine
/// piece of it (see the .cpp). The plan is multiplied onto the map:
/// its ink shows, its paper does not hide the layers.
void paint_plan(Painter& p, const PackPlan& plan, const MapFrame& frame);

} // namespace redline::print
