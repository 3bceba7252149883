// redline-cli complaint duplicates / merge: complaints about the same site received close
// together, offered for merging so that one breach is one case (issue #8, intake).
#include "analysis/case_intake.hpp"
#include "cli/command.hpp"
#include "cli/text_table.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "store/workspace.hpp"
#include "workflow/complaint_intake.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <ostream>

namespace redline::cli {
namespace {

double number_option(const Args& args, const char* name, double fallback, double max) {
    const auto v = args.get(name);
    if (!v)
        return fallback;
    double n = 0;
    if (!core::parse_double(*v, n) || !(n >= 0) || n > max)
        throw core::UsageError(std::string("--") + name + " '" + *v +
                               "': expected a number from 0 to " + std::to_string(int(max)));
    return n;
}

int run_duplicates(const Args& args, Io& io) {
    const auto& path = args.positional(0, "workspace file (WS)");
    if (args.positional_count() > 1)
        throw core::UsageError("unexpected argument '" + args.m_positional[1] + "'");
    const int days = static_cast<int>(number_option(args, "days", 30, 3660));
    const double metres = number_option(args, "metres", 25, 10000);
    const auto ws = store::Workspace::open(path, current_user());
    const auto cur = workflow::read_curtilages(ws);
    const auto pairs = analysis::find_duplicate_complaints(ws.complaints(), cur, days, metres);
    if (args.flag("json")) {
        auto out = nlohmann::json::array();
        for (const auto& p : pairs)
            out.push_back({{"keep", p.keep},
                           {"duplicate", p.duplicate},
                           {"days_apart", p.days_apart},
                           {"distance_m", p.distance_m},
                           {"same_site", p.same_site}});
        io.out << out.dump(2) << "\n";
        return 0;
    }
    io.out << pairs.size() << " possible duplicate(s): same site, received within " << days
           << " days" << (cur.empty() ? " (no curtilage layer: by distance)" : "") << "\n";
    TextTable t({"keep", "duplicate", "days apart", "distance", "same site", "to merge"});
    for (const auto& p : pairs) {
        char dist[32];
        std::snprintf(dist, sizeof dist, "%.1f m", p.distance_m);
        t.add({p.keep, p.duplicate, std::to_string(p.days_apart), dist, p.same_site,
               "redline-cli complaint merge WS " + p.keep + " " + p.duplicate});
    }
    if (t.size() > 0)
        t.print(io.out);
    return 0;
}

int run_merge(const Args& args, Io& io) {
    const auto& path = args.positional(0, "workspace file (WS)");
    const auto& keep = args.positional(1, "complaint to keep (KEEP_REF)");
    const auto& dup = args.positional(2, "duplicate complaint (DUP_REF)");
    if (args.positional_count() > 3)
        throw core::UsageError("unexpected argument '" + args.m_positional[3] + "'");
    auto ws = store::Workspace::open(path, current_user());
    ws.merge_complaint(keep, dup);
    io.out << "complaint '" << dup << "' merged into '" << keep << "' (kept, marked merged)\n";
    return 0;
}

const Registrar k_duplicates{
    {"complaint duplicates",
     "WS [--days 30] [--metres 25] [--json]",
     "Complaints at the same site (same curtilage, else within --metres) received within --days "
     "of each other, offered for merging.",
     {"days", "metres"},
     {"json"},
     &run_duplicates}};

const Registrar k_merge{{"complaint merge",
                         "WS KEEP_REF DUP_REF",
                         "Mark a duplicate complaint as merged into another (audited; nothing is "
                         "deleted).",
                         {},
                         {},
                         &run_merge}};

} // namespace
} // namespace redline::cli
