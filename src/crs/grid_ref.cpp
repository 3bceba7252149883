// OS National Grid references. The lettering is computed, not tabulated: the 25 letters A-Z without
// I are laid out in a 5 x 5 block, row by row from the top left (A B C D E / F G H J K / ... /
// V W X Y Z). The first letter picks a 500 km square of a block whose letter S has its south-west
// corner at the false origin (0, 0); the second picks a 100 km square of that 500 km square in the
// same layout. So SV is (0, 0), TQ (500 km, 100 km) and HP (400 km, 1200 km).
#include "crs/grid_ref.hpp"

#include "core/error.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <vector>

namespace redline::crs {
namespace {

// The National Grid covers 0-700 km east and 0-1300 km north of the false origin.
constexpr double k_max_easting_m = 700000.0;
constexpr double k_max_northing_m = 1300000.0;

// Column and row-from-top (0..4) of a letter in the 5 x 5 block; false for 'I' or a non-letter.
bool letter_cell(char letter, int& column, int& row) {
    if (letter < 'A' || letter > 'Z' || letter == 'I')
        return false;
    const int index = letter - 'A' - (letter > 'I' ? 1 : 0);
    column = index % 5;
    row = index / 5;
    return true;
}

char cell_letter(int column, int row) {
    const int index = row * 5 + column;
    return static_cast<char>('A' + index + (index >= 8 ? 1 : 0)); // skip 'I'
}

[[noreturn]] void bad(const std::string& text, const std::string& why) {
    throw core::UsageError("grid reference '" + text + "': " + why);
}

} // namespace

GridRef parse_grid_ref(const std::string& text) {
    // Split into non-blank tokens; the letters may be glued to the digits ("TQ3123479456").
    std::vector<std::string> tokens;
    std::string current;
    for (const char ch : text) {
        if (std::isspace(static_cast<unsigned char>(ch))) {
            if (!current.empty())
                tokens.push_back(current), current.clear();
        } else {
            current += ch;
        }
    }
    if (!current.empty())
        tokens.push_back(current);
    if (tokens.empty())
        bad(text, "empty");
    std::string& first = tokens.front();
    if (first.size() < 2 || !std::isalpha(static_cast<unsigned char>(first[0])) ||
        !std::isalpha(static_cast<unsigned char>(first[1])))
        bad(text, "must start with two letters naming a 100 km square, e.g. 'TQ'");
    const char l1 = static_cast<char>(std::toupper(static_cast<unsigned char>(first[0])));
    const char l2 = static_cast<char>(std::toupper(static_cast<unsigned char>(first[1])));
    tokens.front() = first.substr(2);
    if (tokens.front().empty())
        tokens.erase(tokens.begin());

    std::string east_digits, north_digits;
    for (const auto& t : tokens)
        for (const char ch : t)
            if (!std::isdigit(static_cast<unsigned char>(ch)))
                bad(text, std::string("unexpected character '") + ch + "' after the letters");
    if (tokens.size() == 1) {
        if (tokens[0].size() % 2 != 0)
            bad(text, "odd number of digits (" + std::to_string(tokens[0].size()) +
                          "); eastings and northings need the same number");
        east_digits = tokens[0].substr(0, tokens[0].size() / 2);
        north_digits = tokens[0].substr(tokens[0].size() / 2);
    } else if (tokens.size() == 2) {
        if (tokens[0].size() != tokens[1].size())
            bad(text, "easting and northing have different numbers of digits");
        east_digits = tokens[0];
        north_digits = tokens[1];
    } else if (tokens.size() > 2) {
        bad(text, "too many groups of digits");
    }
    if (east_digits.size() > 5)
        bad(text, "more than 10 digits (1 m is the finest the National Grid names)");

    int c1 = 0, r1 = 0, c2 = 0, r2 = 0;
    if (!letter_cell(l1, c1, r1) || !letter_cell(l2, c2, r2))
        bad(text, "the letter I is not used in grid references");
    // 500 km square: S (column 2, row 3) is at the origin; rows count downwards.
    const double e500 = (c1 - 2) * 500000.0, n500 = (3 - r1) * 500000.0;
    const double e100 = e500 + c2 * 100000.0, n100 = n500 + (4 - r2) * 100000.0;
    if (e100 < 0 || n100 < 0 || e100 >= k_max_easting_m || n100 >= k_max_northing_m)
        bad(text, std::string("square ") + l1 + l2 + " is outside the National Grid");

    GridRef ref;
    const int digits = static_cast<int>(east_digits.size());
    ref.size_m = std::pow(10.0, 5 - digits);
    const double e = east_digits.empty() ? 0.0 : std::stod(east_digits);
    const double n = north_digits.empty() ? 0.0 : std::stod(north_digits);
    ref.south_west = {e100 + e * ref.size_m, n100 + n * ref.size_m};
    return ref;
}

std::string format_grid_ref(core::Coord en, int digits) {
    if (digits < 0 || digits > 10 || digits % 2 != 0)
        throw core::UsageError("grid reference digits must be even, 0 to 10 (got " +
                               std::to_string(digits) + ")");
    if (!(en.x >= 0 && en.y >= 0 && en.x < k_max_easting_m && en.y < k_max_northing_m))
        throw core::UsageError("position (" + std::to_string(en.x) + ", " + std::to_string(en.y) +
                               ") is outside the National Grid (0-700 km E, 0-1300 km N)");
    const int e100k = static_cast<int>(std::floor(en.x / 100000.0));
    const int n100k = static_cast<int>(std::floor(en.y / 100000.0));
    // Inverse of parse: 500 km square relative to S, then 100 km square within it.
    const int c1 = e100k / 5 + 2, r1 = 3 - n100k / 5;
    const int c2 = e100k % 5, r2 = 4 - n100k % 5;
    std::string out{cell_letter(c1, r1), cell_letter(c2, r2)};
    const int half = digits / 2;
    if (half == 0)
        return out;
    // Truncate, never round: a reference names the square the point lies in.
    const double unit = std::pow(10.0, 5 - half);
    const long e = static_cast<long>(std::floor((en.x - e100k * 100000.0) / unit));
    const long n = static_cast<long>(std::floor((en.y - n100k * 100000.0) / unit));
    char buf[32];
    std::snprintf(buf, sizeof buf, " %0*ld %0*ld", half, e, half, n);
    return out + buf;
}

} // namespace redline::crs
