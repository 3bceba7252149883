#include "scene/map_layer.hpp"

#include <atomic>

namespace redline::scene {
namespace {

std::uint64_t next_revision() {
    static std::atomic<std::uint64_t> counter{0};
    return ++counter;
}

std::string text_field(const core::LayerData& data, const core::Feature& f, const char* name) {
    auto idx = data.field_index(name);
    if (!idx || *idx >= f.values.size())
        return {};
    return core::to_text(f.values[*idx]);
}

} // namespace

DrawList build_draw_list(const core::LayerData& data, core::Role role, core::Date today) {
    DrawList out;
    std::vector<float> sizes;
    sizes.reserve(data.features.size());
    const Style style = default_style(role);
    for (std::size_t fi = 0; fi < data.features.size(); ++fi) {
        const core::Geometry& g = data.features[fi].geometry;
        const core::Envelope fe = g.envelope();
        out.extent.expand(fe);
        if (!fe.empty())
            sizes.push_back(static_cast<float>(std::max(fe.width(), fe.height())));
        for (const core::Polygon& p : g.polygons) {
            const std::size_t before = out.fill.triangle_count();
            triangulate(p, out.fill);
            out.feature_of_triangle.resize(out.fill.triangle_count(),
                                           static_cast<std::uint32_t>(fi));
            (void)before;
            for (const core::Path& ring : p.rings) {
                if (ring.size() < 2)
                    continue;
                out.lines.add(ring, true);
                out.line_feature.push_back(static_cast<std::uint32_t>(fi));
            }
        }
        for (const core::Path& line : g.lines) {
            if (line.size() < 2)
                continue;
            out.lines.add(line, false);
            out.line_feature.push_back(static_cast<std::uint32_t>(fi));
        }
        for (const core::Coord& c : g.points) {
            SymbolStyle sym = style.symbol;
            if (role == core::Role::Complaint) {
                const auto received =
                    core::Date::parse(text_field(data, data.features[fi], "received_date"));
                const long age =
                    received ? today.days_since_epoch() - received->days_since_epoch() : 0;
                sym =
                    complaint_symbol(text_field(data, data.features[fi], "status"), age_band(age));
            }
            out.points.push_back({c, fi, sym});
        }
    }
    if (!sizes.empty()) {
        std::nth_element(sizes.begin(), sizes.begin() + long(sizes.size() / 2), sizes.end());
        out.typical_feature_m = sizes[sizes.size() / 2];
    }
    return out;
}

MapLayer::MapLayer(core::LayerData data, core::Role role)
    : style(default_style(role)), m_data(std::move(data)), m_role(role) {}

void MapLayer::build(core::Date today) {
    if (m_built)
        return;
    m_draw_list = build_draw_list(m_data, m_role, today);
    m_built = true;
    m_revision = next_revision();
}

void MapLayer::set_data(core::LayerData data) {
    m_data = std::move(data);
    m_draw_list = {};
    m_built = false;
}

} // namespace redline::scene
