#pragma once

#include "core/feature.hpp"
#include "core/records.hpp"

#include <vector>

namespace redline::scene {

/// The complaints as a point layer (EPSG:27700) with fields reference, received_date, category,
/// description, status, complainant_name, complainant_contact. The complainant fields are carried
/// so that an officer can reveal them on purpose; the inspector hides them by default.
core::LayerData complaint_layer(const std::vector<core::Complaint>& complaints,
                                const std::string& name = "complaints");

} // namespace redline::scene
