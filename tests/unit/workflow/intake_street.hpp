#pragma once

// The street the complaint-intake tests take complaints on: two neighbouring curtilages
// (x 533000..533020 and 533020..533040, y 179000..179040, UPRNs 100000000001 and
// 100000000002) and one open case at the first.

#include "store/workspace.hpp"
#include "unit/store/store_test_util.hpp"
#include "workflow/complaint_intake.hpp"

#include <filesystem>
#include <string>

namespace redline::test {

inline core::Feature intake_plot(std::int64_t fid, double x, const std::string& uprn) {
    core::Polygon p;
    p.rings.push_back({{x, 179000}, {x + 20, 179000}, {x + 20, 179040}, {x, 179040}, {x, 179000}});
    core::Feature f;
    f.source_fid = fid;
    f.geometry = core::Geometry::polygon(p);
    f.values = {uprn, "Plot " + uprn};
    return f;
}

/// Create the street's workspace at `path` with case `case_reference` open at the first plot.
inline void make_intake_street(const std::filesystem::path& path,
                               const std::string& case_reference) {
    auto ws = store::Workspace::create(path, "officer1");
    core::LayerData cur;
    cur.name = "curtilages";
    cur.fields = {{"uprn", core::FieldType::Text}, {"address_text", core::FieldType::Text}};
    cur.features = {intake_plot(1, 533000, "100000000001"), intake_plot(2, 533020, "100000000002")};
    ws.import_layer(cur, core::Role::Curtilage, store::test::report_for("curtilages", "c.gpkg"));
    core::EnforcementCase k;
    k.reference = case_reference;
    k.opened_date = "2026-09-01";
    k.uprn = "100000000001";
    ws.add_case(k);
}

/// A complaint about an extension at `p`, received on `day`, from a named complainant.
inline workflow::ComplaintInput intake_complaint(const std::string& ref, const std::string& day,
                                                 core::Coord p) {
    workflow::ComplaintInput in;
    in.reference = ref;
    in.received = day;
    in.category = "extension";
    in.complainant_name = "Ada Secretname";
    in.location = p;
    return in;
}

} // namespace redline::test
