#include "scene/path_list.hpp"

namespace redline::scene {

void PathList::add(const core::Path& path, bool close) {
    if (m_start.empty()) {
        m_start.push_back(0);
        if (!path.empty())
            m_origin = path.front();
    }
    auto push = [&](const core::Coord& c) {
        m_xy.push_back(static_cast<float>(c.x - m_origin.x));
        m_xy.push_back(static_cast<float>(c.y - m_origin.y));
    };
    for (const core::Coord& c : path)
        push(c);
    if (close && path.size() > 1 && !(path.front() == path.back()))
        push(path.front());
    m_start.push_back(static_cast<std::uint32_t>(m_xy.size() / 2));
}

core::Path PathList::path(std::size_t i) const {
    core::Path out;
    out.reserve(length(i));
    for (std::size_t k = 0; k < length(i); ++k)
        out.push_back(at(i, k));
    return out;
}

} // namespace redline::scene
