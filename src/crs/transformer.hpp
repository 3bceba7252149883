#pragma once

#include "core/geometry.hpp"

#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace redline::crs {

/// The OSTN15 grid file Redline ships and requires for EPSG:27700.
inline constexpr const char* k_ostn15_grid = "uk_os_OSTN15_NTv2_OSGBtoETRS.tif";

/// Folder holding the OSTN15 grid that Redline puts on PROJ's search path. Looked up in order:
/// $REDLINE_DATA_DIR/ostn15, <exe>/../share/redline/ostn15, the source tree's data/ostn15, the
/// install prefix. Returns the first that contains the grid, or an empty path.
/// REDLINE_NO_DEFAULT_GRID_PATHS=1 (for tests and locked-down deployments) leaves only
/// $REDLINE_DATA_DIR/ostn15, so the program cannot silently pick up a grid from elsewhere.
std::filesystem::path grid_directory();

/// Every folder grid_directory() looks in, in order, whether or not it exists (for messages).
std::vector<std::filesystem::path> grid_search_directories();

/// A coordinate operation from one CRS to another, with axis order normalised so that x is
/// easting/longitude and y northing/latitude (degrees for geographic CRSs).
///
/// Any operation to or from EPSG:27700 (from EPSG:4326, 4258, 3857 or any other CRS on a different
/// datum) uses OSTN15 or the constructor throws CrsError naming the missing grid: never a Helmert
/// or ballpark fallback. Not thread-safe: one Transformer per thread (each owns its PJ_CONTEXT).
class Transformer {
public:
    /// `from`/`to`: anything PROJ accepts ("EPSG:27700", "OGC:CRS84", WKT, PROJJSON).
    /// Throws CrsError for an unknown CRS or an unusable operation.
    Transformer(const std::string& from, const std::string& to);
    ~Transformer();
    Transformer(Transformer&&) noexcept;
    Transformer& operator=(Transformer&&) noexcept;

    /// Transform one coordinate. Throws CrsError when the point cannot be transformed (e.g. it lies
    /// outside the OSTN15 grid).
    core::Coord transform(core::Coord c) const;
    /// Transform every vertex in place; throws CrsError on the first failure.
    void transform(core::Geometry& g) const;
    void transform(std::span<core::Coord> coords) const;

    /// Description of the operation used ("Inverse of British National Grid + OSGB36 to ETRS89 (2)
    /// [OSTN15]..."), for provenance records.
    const std::string& operation() const;
    /// True when the operation applies the OSTN15 grid.
    bool uses_ostn15() const;
    /// True when the target CRS is geographic (degrees).
    bool target_is_geographic() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// Canonical "AUTH:CODE" for a CRS definition when PROJ can identify it, else the input unchanged.
/// Throws CrsError when PROJ cannot parse it at all.
std::string identify_crs(const std::string& definition);
/// True for a geographic (degrees) CRS. Throws CrsError for an unknown CRS.
bool is_geographic(const std::string& definition);

} // namespace redline::crs
