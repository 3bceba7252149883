#pragma once

#include "core/geometry.hpp"

#include <memory>
#include <string>

namespace redline::crs {
class Transformer;
}

namespace redline::app {

/// Status-bar texts for a position: BNG, OS grid reference, WGS84 lat/lon (through OSTN15).
struct CoordinateTexts {
    std::string bng;
    std::string gridref;
    std::string latlon;
};

/// Formats cursor positions; owns one PROJ transformer (UI thread only). When OSTN15 is missing
/// lat/lon reads "lat/lon unavailable" with the reason, instead of a silently shifted value.
class CoordinateReadout {
public:
    CoordinateReadout();
    ~CoordinateReadout();
    CoordinateTexts format(core::Coord bng) const;

private:
    std::unique_ptr<crs::Transformer> m_to_wgs84;
    std::string m_problem;
};

} // namespace redline::app
