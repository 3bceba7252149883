#pragma once
// How a CSV file carries its geometry, decided from its header before GDAL opens it (GDAL's CSV
// driver needs to be told which columns hold coordinates; it never guesses x/y itself either).

#include <filesystem>
#include <string>
#include <vector>

namespace redline::io {

/// Where a CSV's geometry is.
enum class CsvGeometry {
    None,            ///< no recognised geometry column
    Wkt,             ///< one WKT column: geometry, wkt or point
    LonLat,          ///< longitude/latitude (lon/lat, long/lat, lng/lat) columns, WGS84 degrees
    EastingNorthing, ///< easting/northing columns, British National Grid metres
};

/// The geometry columns of a CSV, named exactly as in its header.
struct CsvLayout {
    CsvGeometry kind = CsvGeometry::None;
    std::string wkt_column; ///< for Wkt
    std::string x_column;   ///< for LonLat / EastingNorthing
    std::string y_column;
    /// CRS the columns imply by convention: EPSG:4326 for lon/lat, EPSG:27700 for
    /// easting/northing; empty for WKT (a plain WKT CSV states no CRS).
    std::string implied_crs;
    /// True when the header looks like a planning.data.gov.uk download (an `entity` or `dataset`
    /// column): its WKT is WGS84 (EPSG:4326) by that service's convention.
    bool planning_data = false;
};

/// Decide the layout from header names (matched case-insensitively, '-' == '_'). A WKT column
/// wins over coordinate pairs; among WKT columns `geometry` beats `wkt` beats `point`. Columns
/// called x/y are deliberately not guessed: they could be in any CRS.
CsvLayout detect_csv_layout(const std::vector<std::string>& header);

/// Split the first line of a CSV into column names (separator ',', ';' or tab, whichever occurs
/// most; double quotes honoured; a UTF-8 byte-order mark dropped).
std::vector<std::string> parse_csv_header(const std::string& first_line);

/// Read and parse the header line of a CSV file. Throws IoError naming the file when it cannot be
/// read or is empty.
std::vector<std::string> read_csv_header(const std::filesystem::path& path);

} // namespace redline::io
