#include "core/records.hpp"

namespace redline::core {

const std::vector<std::string>& complaint_categories() {
    static const std::vector<std::string> k_categories = {
        "building-works", "extension",       "outbuilding", "change-of-use",
        "condition",      "listed-building", "tree",        "advertisement",
        "untidy-land",    "fence-wall",      "other"};
    return k_categories;
}

} // namespace redline::core
