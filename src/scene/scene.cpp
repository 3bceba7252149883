#include "scene/scene.hpp"

#include <algorithm>
#include <cmath>

namespace redline::scene {

int default_draw_rank(core::Role role) {
    using core::Role;
    switch (role) {
    case Role::Basemap:
        return 0;
    case Role::ConservationArea:
        return 10;
    case Role::Article4DirectionArea:
        return 11;
    case Role::TreePreservationZone:
        return 12;
    case Role::Curtilage:
        return 20;
    case Role::BaselineBuilding:
        return 30;
    case Role::Building:
        return 31;
    case Role::ListedBuildingOutline:
        return 32;
    case Role::Highway:
        return 40;
    case Role::PlanningApplication:
        return 50;
    case Role::ApprovedFootprint:
        return 51;
    case Role::Tree:
        return 60;
    case Role::Complaint:
        return 70;
    }
    return 0;
}

void Scene::add_layer(MapLayer layer) {
    std::erase_if(m_layers, [&](const MapLayer& l) { return l.name() == layer.name(); });
    set_origin_from(layer.data().envelope());
    const int rank = default_draw_rank(layer.role());
    auto pos = std::find_if(m_layers.begin(), m_layers.end(),
                            [&](const MapLayer& l) { return default_draw_rank(l.role()) > rank; });
    m_layers.insert(pos, std::move(layer));
}

void Scene::set_origin_from(const core::Envelope& e) {
    if (m_has_origin || e.empty())
        return;
    const core::Coord c = e.centre();
    m_origin = {std::round(c.x / 1000.0) * 1000.0, std::round(c.y / 1000.0) * 1000.0};
    m_has_origin = true;
}

void Scene::add_basemap(Basemap basemap) {
    std::erase_if(m_basemaps, [&](const Basemap& b) { return b.path() == basemap.path(); });
    set_origin_from(basemap.extent());
    m_basemaps.push_back(std::move(basemap));
}

Basemap* Scene::find_basemap(const std::string& path) {
    for (auto& b : m_basemaps)
        if (b.path() == path)
            return &b;
    return nullptr;
}

MapLayer* Scene::find(const std::string& name) {
    for (auto& l : m_layers)
        if (l.name() == name)
            return &l;
    return nullptr;
}

const MapLayer* Scene::find(const std::string& name) const {
    return const_cast<Scene*>(this)->find(name);
}

void Scene::move_layer(std::size_t from, std::size_t to) {
    if (from >= m_layers.size() || to >= m_layers.size() || from == to)
        return;
    MapLayer l = std::move(m_layers[from]);
    m_layers.erase(m_layers.begin() + static_cast<long>(from));
    m_layers.insert(m_layers.begin() + static_cast<long>(to), std::move(l));
}

void Scene::build(const core::ProgressFn& progress) {
    std::size_t total = 0, done = 0;
    for (const auto& l : m_layers)
        total += l.data().features.size() + 1;
    for (auto& l : m_layers) {
        core::report_progress(progress, total ? double(done) / double(total) : 0.0,
                              "triangulating");
        l.build(reference_date);
        done += l.data().features.size() + 1;
    }
    core::report_progress(progress, 1.0, "triangulating");
}

core::Envelope Scene::extent() const {
    core::Envelope e;
    for (const auto& l : m_layers)
        e.expand(l.built() ? l.draw_list().extent : l.data().envelope());
    if (e.empty())
        for (const auto& b : m_basemaps)
            e.expand(b.extent());
    return e;
}

void Scene::select(std::optional<FeatureRef> ref) {
    m_selection = std::move(ref);
    ++m_selection_revision;
}

void Scene::highlight_finding(std::optional<Finding> f) {
    m_finding = std::move(f);
    ++m_finding_revision;
}

DrawList Scene::selection_draw_list() const {
    if (!m_selection)
        return {};
    const MapLayer* layer = find(m_selection->layer);
    if (!layer || m_selection->feature >= layer->data().features.size())
        return {};
    core::LayerData one;
    one.name = layer->name();
    one.fields = layer->data().fields;
    one.features.push_back(layer->data().features[m_selection->feature]);
    DrawList d = build_draw_list(one, layer->role(), reference_date);
    const SymbolStyle highlight = selection_style().symbol;
    for (auto& p : d.points)
        p.style = highlight;
    return d;
}

} // namespace redline::scene
