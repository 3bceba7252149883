#include "io/geometry_checks.hpp"

#include "geom/validity.hpp"

#include <cmath>
#include <cstdio>

namespace redline::io {
namespace {

const char* kind_name(core::GeometryKind k) {
    switch (k) {
    case core::GeometryKind::Point:
        return "point";
    case core::GeometryKind::Line:
        return "line";
    case core::GeometryKind::Polygon:
        return "polygon";
    default:
        return "no";
    }
}

std::string at_location(const core::Coord& c) {
    char buf[96];
    std::snprintf(buf, sizeof buf, " at %.3f %.3f", c.x, c.y);
    return buf;
}

} // namespace

void check_geometry_kinds(const core::LayerData& layer, core::Role role,
                          const core::ErrorContext& where) {
    const auto expected = core::expected_geometry(role);
    if (expected == core::GeometryKind::None)
        return;
    for (const auto& f : layer.features) {
        if (f.geometry.empty())
            continue;
        if (core::kind_of(f.geometry.type) != expected) {
            core::ErrorContext c = where;
            c.feature = f.source_fid;
            throw core::IoError(std::string("geometry is ") + core::to_string(f.geometry.type) +
                                    " but a " + core::to_string(role) + " layer needs " +
                                    kind_name(expected) + " features",
                                c);
        }
    }
}

bool all_finite(const core::Geometry& g) {
    bool ok = true;
    g.for_each_coord([&](const core::Coord& c) {
        if (!std::isfinite(c.x) || !std::isfinite(c.y))
            ok = false;
    });
    return ok;
}

void drop_unusable_geometries(core::LayerData& layer, OnInvalid on_invalid,
                              core::ImportReport& report, const core::ErrorContext& where) {
    using Action = core::ImportIssue::Action;
    std::vector<core::Feature> usable;
    usable.reserve(layer.features.size());
    for (auto& f : layer.features) {
        if (f.geometry.empty()) {
            report.issues.push_back({f.source_fid, "", Action::Skipped, "skipped: empty geometry"});
        } else if (!all_finite(f.geometry)) {
            if (on_invalid == OnInvalid::Fail) {
                core::ErrorContext c = where;
                c.feature = f.source_fid;
                throw core::GeometryError("geometry has a non-finite coordinate (NaN or infinity)",
                                          c);
            }
            report.issues.push_back(
                {f.source_fid, "", Action::Skipped, "skipped: non-finite coordinate"});
        } else {
            usable.push_back(std::move(f));
        }
    }
    layer.features = std::move(usable);
}

void check_geometries(core::LayerData& layer, core::Role role, OnInvalid on_invalid,
                      core::ImportReport& report, const core::ErrorContext& where,
                      const core::ProgressFn& progress) {
    using Action = core::ImportIssue::Action;
    const auto expected = core::expected_geometry(role);
    std::vector<core::Feature> kept;
    kept.reserve(layer.features.size());
    const std::size_t total = layer.features.size();
    std::size_t done = 0;
    core::report_progress(progress, 0.0, "checking");
    for (auto& f : layer.features) {
        if (++done % 1000 == 0)
            core::report_progress(progress, double(done) / double(total), "checking");
        core::ErrorContext c = where;
        c.feature = f.source_fid;
        const auto validity = geom::check_validity(f.geometry);
        if (validity.valid) {
            kept.push_back(std::move(f));
            continue;
        }
        const std::string what = validity.reason + at_location(validity.location);
        if (on_invalid == OnInvalid::Fail)
            throw core::GeometryError("invalid geometry: " + what, c);
        if (on_invalid == OnInvalid::Skip) {
            report.issues.push_back({f.source_fid, "", Action::Skipped, "skipped: " + what});
            continue;
        }
        const auto keep =
            expected == core::GeometryKind::None ? core::kind_of(f.geometry.type) : expected;
        auto repaired = geom::make_valid(f.geometry, keep);
        if (repaired.empty()) {
            report.issues.push_back({f.source_fid, "", Action::Skipped,
                                     "skipped: " + what + " (nothing of " + kind_name(keep) +
                                         " kind left after repair)"});
            continue;
        }
        f.geometry = std::move(repaired);
        report.issues.push_back({f.source_fid, "", Action::Repaired, "repaired: " + what});
        kept.push_back(std::move(f));
    }
    layer.features = std::move(kept);
    core::report_progress(progress, 1.0, "checking");
}

} // namespace redline::io
