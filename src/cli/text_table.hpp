#pragma once
// A plain-text table for command output: columns padded to their widest cell, two spaces apart.

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

namespace redline::cli {

/// Rows of cells printed under a header; widths count bytes (UTF-8 text may align loosely).
class TextTable {
public:
    explicit TextTable(std::vector<std::string> header) { m_rows.push_back(std::move(header)); }
    void add(std::vector<std::string> row) { m_rows.push_back(std::move(row)); }
    std::size_t size() const { return m_rows.size() - 1; }

    void print(std::ostream& out) const {
        std::vector<std::size_t> width;
        for (const auto& row : m_rows) {
            width.resize(std::max(width.size(), row.size()));
            for (std::size_t i = 0; i < row.size(); ++i)
                width[i] = std::max(width[i], row[i].size());
        }
        for (const auto& row : m_rows) {
            std::string line;
            for (std::size_t i = 0; i < row.size(); ++i) {
                line += row[i];
                if (i + 1 < row.size())
                    line += std::string(width[i] - row[i].size() + 2, ' ');
            }
            out << line << "\n";
        }
    }

private:
    std::vector<std::vector<std::string>> m_rows;
};

} // namespace redline::cli
