// Workspace layer names become SQLite table names, so they are kept to a plain identifier
// alphabet: quoting rules then never matter, in Redline or in QGIS.
#include "io/importer.hpp"

namespace redline::io {

std::string sanitise_layer_name(const std::string& text) {
    constexpr std::size_t k_max_length = 60;
    std::string out;
    for (unsigned char c : text) {
        char lower =
            (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
        const bool keep = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9');
        if (keep)
            out += lower;
        else if (!out.empty() && out.back() != '_')
            out += '_'; // any run of other bytes (spaces, punctuation, UTF-8) becomes one '_'
    }
    while (!out.empty() && out.back() == '_')
        out.pop_back();
    if (out.empty())
        out = "layer";
    if (out.front() >= '0' && out.front() <= '9')
        out = "layer_" + out;
    if (out.size() > k_max_length) {
        out.resize(k_max_length);
        while (out.back() == '_')
            out.pop_back();
    }
    return out;
}

} // namespace redline::io
