#include "analysis/case_intake.hpp"

#include "core/date.hpp"
#include "geom/measure.hpp"
#include "geom/shape.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace redline::analysis {

std::vector<DuplicatePair> find_duplicate_complaints(const std::vector<core::Complaint>& complaints,
                                                     const std::vector<Curtilage>& curtilages,
                                                     int max_days, double max_distance_m) {
    struct Entry {
        const core::Complaint* c;
        long day;
        std::string uprn; ///< curtilage it falls in, "" outside all
    };
    std::vector<geom::Shape> shapes;
    shapes.reserve(curtilages.size());
    for (const auto& cur : curtilages)
        shapes.push_back(geom::Shape::from(cur.area));

    std::vector<Entry> entries;
    for (const auto& c : complaints) {
        if (c.status == "merged")
            continue;
        const auto d = core::Date::parse(c.received_date);
        if (!d)
            continue;
        Entry e{&c, d->days_since_epoch(), ""};
        for (std::size_t i = 0; i < shapes.size(); ++i)
            if (!curtilages[i].uprn.empty() && geom::covers_point(shapes[i], c.location)) {
                e.uprn = curtilages[i].uprn;
                break;
            }
        entries.push_back(std::move(e));
    }
    // Earlier first, so that `keep` is always the first report of the site.
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return a.day != b.day ? a.day < b.day : a.c->reference < b.c->reference;
    });

    std::vector<DuplicatePair> out;
    for (std::size_t j = 0; j < entries.size(); ++j)
        for (std::size_t i = 0; i < j; ++i) {
            const Entry& a = entries[i];
            const Entry& b = entries[j];
            const long apart = b.day - a.day;
            if (apart > max_days)
                continue;
            const double dist =
                std::hypot(a.c->location.x - b.c->location.x, a.c->location.y - b.c->location.y);
            DuplicatePair p{a.c->reference, b.c->reference, apart, dist, ""};
            if (!a.uprn.empty() || !b.uprn.empty()) {
                // A curtilage decides: two points on either side of a party wall are different
                // sites however close they are.
                if (a.uprn != b.uprn)
                    continue;
                p.same_site = "same curtilage (UPRN " + a.uprn + ")";
            } else {
                if (dist > max_distance_m)
                    continue;
                char buf[64];
                std::snprintf(buf, sizeof buf, "%.1f m apart (limit %.1f m)", dist, max_distance_m);
                p.same_site = buf;
            }
            out.push_back(std::move(p));
        }
    return out;
}

} // namespace redline::analysis
