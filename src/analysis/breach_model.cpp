// Loading each role's live features into indexed GEOS shapes, and the thread pool.
#include "analysis/breach_model.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "geom/overlay.hpp"
#include "geom/validity.hpp"

#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

namespace redline::analysis::detail {

std::string Layer::text(std::size_t item, std::string_view field) const {
    if (!data)
        return {};
    const auto idx = data->field_index(std::string(field));
    if (!idx)
        return {};
    const auto& values = data->features[feature[item]].values;
    return *idx < values.size() ? core::trim(core::to_text(values[*idx])) : std::string();
}

std::optional<double> Layer::number(std::size_t item, std::string_view field) const {
    if (!data)
        return std::nullopt;
    const auto idx = data->field_index(std::string(field));
    if (!idx)
        return std::nullopt;
    const auto& values = data->features[feature[item]].values;
    if (*idx >= values.size())
        return std::nullopt;
    const auto& v = values[*idx];
    if (const auto* d = std::get_if<double>(&v))
        return *d;
    if (const auto* i = std::get_if<std::int64_t>(&v))
        return static_cast<double>(*i);
    double out = 0;
    if (const auto* s = std::get_if<std::string>(&v); s && core::parse_double(core::trim(*s), out))
        return out;
    return std::nullopt;
}

std::vector<std::size_t> Layer::near(const core::Envelope& e, double margin) const {
    if (e.empty() || shape.empty())
        return {};
    return tree.query({e.min_x - margin, e.min_y - margin, e.max_x + margin, e.max_y + margin});
}

Layer make_layer(const BreachInput& input, core::Role role, unsigned threads) {
    Layer layer;
    layer.data = input.get(role);
    if (!layer.data)
        return layer;
    const auto& features = layer.data->features;
    const auto end_idx = layer.data->field_index("end_date");
    for (std::size_t i = 0; i < features.size(); ++i) {
        if (features[i].geometry.empty())
            continue;
        if (end_idx && *end_idx < features[i].values.size()) {
            // data-model.md: a feature with an end_date before the analysis date no longer
            // applies (a revoked direction, a felled tree, a superseded permission).
            const auto end = core::Date::parse(core::to_text(features[i].values[*end_idx]));
            if (end && *end < input.as_of)
                continue;
        }
        layer.feature.push_back(i);
    }
    const bool polygons = core::expected_geometry(role) == core::GeometryKind::Polygon;
    layer.shape.resize(layer.feature.size());
    layer.env.resize(layer.feature.size());
    layer.area_m2.resize(layer.feature.size());
    parallel_for(layer.feature.size(), threads, [&](std::size_t i) {
        const auto& g = features[layer.feature[i]].geometry;
        geom::Shape s = geom::Shape::from(g);
        // Imports repair invalid polygons already; a layer built another way might not be.
        if (polygons && !geom::is_valid(s))
            s = geom::Shape::from(geom::make_valid(g, core::GeometryKind::Polygon));
        layer.env[i] = s.envelope();
        layer.area_m2[i] = s.area();
        layer.shape[i] = std::move(s);
    });
    for (std::size_t i = 0; i < layer.size(); ++i)
        layer.tree.insert(layer.env[i], i);
    layer.tree.finish();
    return layer;
}

void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& f) {
    if (n == 0)
        return;
    const unsigned count = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(n)));
    if (count == 1) {
        for (std::size_t i = 0; i < n; ++i)
            f(i);
        return;
    }
    std::atomic<std::size_t> next{0};
    std::exception_ptr error;
    std::mutex error_mutex;
    auto work = [&] {
        for (;;) {
            const std::size_t i = next.fetch_add(1);
            if (i >= n)
                return;
            try {
                f(i);
            } catch (...) {
                std::lock_guard lock(error_mutex);
                if (!error)
                    error = std::current_exception();
                next = n; // stop the others
                return;
            }
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < count; ++t)
        pool.emplace_back(work);
    work();
    for (auto& t : pool)
        t.join();
    if (error)
        std::rethrow_exception(error);
}

std::string uprn_of(const Model& m, std::optional<std::size_t> curtilage) {
    return curtilage ? m.curtilages.text(*curtilage, "uprn") : std::string();
}

} // namespace redline::analysis::detail
