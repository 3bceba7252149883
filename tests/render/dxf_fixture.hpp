#pragma once

// A small DXF plan written as text (the ASCII DXF group-code pairs), for the tests of DXF plans in
// the viewer and in evidence packs: an L-shaped extension outline in millimetres at full size,
// 12 m x 8 m with the notch at the top right, so that a flipped or mirrored drawing shows.

#include "core/geometry.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace redline::test {

/// The L outline in drawing units (mm, y up), closed.
inline std::vector<core::Coord> dxf_l_outline() {
    return {{0, 0}, {12000, 0}, {12000, 4000}, {5000, 4000}, {5000, 8000}, {0, 8000}, {0, 0}};
}

/// A DXF with $INSUNITS `insunits` (4 = mm) and each path as an open LWPOLYLINE.
inline std::string dxf_text(const std::vector<std::vector<core::Coord>>& paths, int insunits = 4) {
    std::ostringstream o;
    o.precision(12);
    o << "0\nSECTION\n2\nHEADER\n9\n$INSUNITS\n70\n" << insunits << "\n0\nENDSEC\n";
    o << "0\nSECTION\n2\nENTITIES\n";
    for (const auto& p : paths) {
        o << "0\nLWPOLYLINE\n8\nWALLS\n90\n" << p.size() << "\n70\n0\n";
        for (const auto& c : p)
            o << "10\n" << c.x << "\n20\n" << c.y << "\n";
    }
    o << "0\nENDSEC\n0\nEOF\n";
    return o.str();
}

inline void write_dxf(const std::filesystem::path& path,
                      const std::vector<std::vector<core::Coord>>& paths, int insunits = 4) {
    std::ofstream(path, std::ios::binary) << dxf_text(paths, insunits);
}

} // namespace redline::test
