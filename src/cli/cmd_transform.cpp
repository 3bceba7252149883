// redline-cli transform: coordinates on stdin -> coordinates on stdout, OSTN15 enforced for BNG.
//
// Input: one position per line, "x y" separated by blanks and/or one comma (x = easting or
// longitude, never latitude first). Blank lines and lines starting with '#' are copied to the
// output unchanged, so output line N always answers input line N. With --from gridref each line is
// an OS grid reference ("TQ 31234 79456"), taken at the south-west corner of the square it names
// (the OS convention: a reference names the square whose south-west corner it gives; for a 10-digit
// reference that is within 1 m). --to gridref writes 10-digit references (--precision = digits).
//
// Output is all or nothing: it is buffered and written only when every line has succeeded, so a
// malformed line (reported with its number and text, exit 1) never leaves half a file behind.
#include "cli/command.hpp"
#include "core/error.hpp"
#include "crs/grid_ref.hpp"
#include "crs/transformer.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <optional>
#include <sstream>

namespace redline::cli {
namespace {

constexpr const char* k_gridref = "gridref";
constexpr const char* k_bng = "EPSG:27700";

bool is_gridref(const std::string& crs) {
    return crs == k_gridref;
}

std::optional<double> parse_number(const std::string& s) {
    double v = 0;
    const auto* end = s.data() + s.size();
    const auto [ptr, ec] = std::from_chars(s.data(), end, v);
    if (ec != std::errc{} || ptr != end || !std::isfinite(v))
        return std::nullopt;
    return v;
}

// "x y", "x,y", "x, y": exactly two numbers.
std::optional<core::Coord> parse_xy(const std::string& line) {
    std::string fields[3];
    int n = 0;
    bool comma_seen = false;
    std::string current;
    auto flush = [&] {
        if (current.empty())
            return true;
        if (n == 2)
            return false;
        fields[n++] = current;
        current.clear();
        return true;
    };
    for (const char ch : line) {
        if (ch == ' ' || ch == '\t' || ch == '\r') {
            if (!flush())
                return std::nullopt;
        } else if (ch == ',') {
            if (comma_seen || (current.empty() && n == 0) || !flush())
                return std::nullopt;
            comma_seen = true;
        } else {
            current += ch;
        }
    }
    if (!flush() || n != 2)
        return std::nullopt;
    const auto x = parse_number(fields[0]);
    const auto y = parse_number(fields[1]);
    if (!x || !y)
        return std::nullopt;
    return core::Coord{*x, *y};
}

bool passes_through(const std::string& line) {
    const auto first = line.find_first_not_of(" \t\r");
    return first == std::string::npos || line[first] == '#';
}

std::string where(std::size_t line_no, const std::string& line) {
    return "stdin line " + std::to_string(line_no) + " '" + line + "'";
}

int run_transform(const Args& args, Io& io) {
    const std::string from = args.require("from");
    const std::string to = args.require("to");
    std::optional<int> precision;
    if (const auto p = args.get("precision")) {
        int v = -1;
        const auto [ptr, ec] = std::from_chars(p->data(), p->data() + p->size(), v);
        if (ec != std::errc{} || ptr != p->data() + p->size() || v < 0 || v > 15)
            throw core::UsageError("--precision must be a whole number from 0 to 15, got '" + *p +
                                   "'");
        precision = v;
    }
    if (is_gridref(to) && precision && (*precision % 2 != 0 || *precision > 10))
        throw core::UsageError("with --to gridref, --precision is the number of digits: 0, 2, "
                               "4, 6, 8 or 10");

    // Grid references are EPSG:27700 positions; the transformer runs between the real CRSs.
    const std::string src = is_gridref(from) ? k_bng : from;
    const std::string dst = is_gridref(to) ? k_bng : to;
    std::optional<crs::Transformer> transformer;
    if (src != dst)
        transformer.emplace(src, dst);
    if (transformer && args.flag("verbose"))
        io.err << "operation: " << transformer->operation() << "\n";
    const bool degrees =
        transformer ? transformer->target_is_geographic() : crs::is_geographic(dst);
    const int decimals = precision.value_or(degrees ? 9 : 3);

    std::ostringstream out;
    std::string line;
    std::size_t line_no = 0;
    while (std::getline(io.in, line)) {
        ++line_no;
        if (passes_through(line)) {
            out << line << "\n";
            continue;
        }
        core::Coord c;
        if (is_gridref(from)) {
            try {
                c = crs::parse_grid_ref(line).south_west;
            } catch (const core::UsageError& e) {
                throw core::IoError(where(line_no, line) + ": " + e.message());
            }
        } else if (const auto xy = parse_xy(line)) {
            c = *xy;
        } else {
            throw core::IoError(where(line_no, line) +
                                ": expected two numbers 'x y' (x = easting or longitude), "
                                "separated by blanks or a comma");
        }
        try {
            if (transformer)
                c = transformer->transform(c);
            if (is_gridref(to)) {
                out << crs::format_grid_ref(c, precision.value_or(10)) << "\n";
                continue;
            }
        } catch (const core::Error& e) {
            throw core::CrsError(where(line_no, line) + ": " + e.message());
        }
        char buf[128];
        std::snprintf(buf, sizeof buf, "%.*f %.*f", decimals, c.x, decimals, c.y);
        out << buf << "\n";
    }
    io.out << out.str();
    return 0;
}

const Registrar k_register{{
    "transform",
    "--from CRS --to CRS [--precision N] [--verbose] < points",
    "Transform 'x y' lines on stdin (x = easting/longitude) between CRSs; 'gridref' reads or "
    "writes "
    "OS grid references; EPSG:27700 always uses OSTN15 or fails.",
    {"from", "to", "precision"},
    {"verbose"},
    &run_transform,
}};

} // namespace
} // namespace redline::cli
