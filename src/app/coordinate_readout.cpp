#include "app/coordinate_readout.hpp"

#include "crs/grid_ref.hpp"
#include "crs/transformer.hpp"

#include <cmath>
#include <cstdio>

namespace redline::app {

CoordinateReadout::CoordinateReadout() {
    try {
        m_to_wgs84 = std::make_unique<crs::Transformer>("EPSG:27700", "EPSG:4326");
    } catch (const std::exception& e) {
        m_problem = e.what();
    }
}

CoordinateReadout::~CoordinateReadout() = default;

CoordinateTexts CoordinateReadout::format(core::Coord bng) const {
    CoordinateTexts t;
    char buf[96];
    std::snprintf(buf, sizeof buf, "E %.1f  N %.1f", bng.x, bng.y);
    t.bng = buf;
    try {
        t.gridref = crs::format_grid_ref(bng, 10);
    } catch (const std::exception&) {
        t.gridref = "outside the National Grid";
    }
    if (!m_to_wgs84) {
        t.latlon = "lat/lon unavailable";
        return t;
    }
    try {
        const core::Coord ll = m_to_wgs84->transform(bng); // x = longitude, y = latitude
        std::snprintf(buf, sizeof buf, "%.6f %c, %.6f %c", std::abs(ll.y), ll.y >= 0 ? 'N' : 'S',
                      std::abs(ll.x), ll.x >= 0 ? 'E' : 'W');
        t.latlon = buf;
    } catch (const std::exception&) {
        t.latlon = "outside OSTN15";
    }
    return t;
}

} // namespace redline::app
