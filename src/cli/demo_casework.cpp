// The demo street's paperwork: planning applications with red lines and approved footprints,
// complaints (with invented, clearly fake complainants) and enforcement cases.
#include "cli/demo_frame.hpp"
#include "cli/demo_street.hpp"
#include "store/workspace.hpp"

namespace redline::cli::demo {

using namespace detail;
using core::FieldType;

namespace {

struct Application {
    const char* reference;
    int plot; ///< 0: the open-land site south of the street
    const char* decision;
    const char* decision_date;
    const char* description;
    std::optional<Rect> red_line; ///< default: the whole curtilage
    std::vector<Rect> approved;   ///< approved footprint parts
};

std::vector<Application> applications() {
    const Rect house{7, 17, 10, 19};
    return {
        {"DEMO/25/0101",
         26,
         "approved",
         "2025-03-01",
         "Single storey rear extension (3.0 m)",
         {},
         {house, {9, 15, 19, 22}}},
        {"DEMO/25/0102",
         27,
         "approved",
         "2025-03-15",
         "Single storey rear extension (3.0 m)",
         {},
         {house, {9, 15, 19, 22}}},
        {"DEMO/25/0103",
         28,
         "approved",
         "2025-04-01",
         "Rear extension and garden works",
         Rect{0, 24, 5, 21},
         {}},
        {"DEMO/25/0104",
         29,
         "approved",
         "2025-04-20",
         "Rear extension and garden works",
         Rect{0, 24, 5, 22.9},
         {}},
        {"DEMO/24/0105", 30, "refused", "2024-05-01", "Two storey rear extension (4.5 m)", {}, {}},
        {"DEMO/25/0106",
         0,
         "approved",
         "2025-06-01",
         "Detached workshop on open land",
         k_permitted_red_line,
         {k_permitted}},
        {"DEMO/22/0107", 31, "granted", "2022-06-01", "Erection of a detached house", {}, {}},
        {"DEMO/24/0108", 32, "approved", "2024-09-01", "Erection of a detached house", {}, {}},
    };
}

struct ComplaintSpec {
    const char* reference;
    int plot;
    double a, d; ///< where the complainant pinned it, in the plot's frame
    const char* received;
    const char* category;
    const char* status;
    const char* description;
};

std::vector<ComplaintSpec> complaint_specs() {
    return {
        {"CMP/26/0001", 1, 4, 30, "2026-09-02", "extension", "open",
         "Large rear extension going up next door"},
        {"CMP/26/0002", 5, 4, 7, "2026-09-10", "extension", "open", "Porch built onto the front"},
        {"CMP/26/0003", 9, 20, 15, "2026-08-21", "extension", "open",
         "Side extension to the boundary"},
        {"CMP/26/0004", 11, 6, 25, "2026-07-30", "outbuilding", "open",
         "Garden building covering the whole garden"},
        {"CMP/26/0005", 13, 4, 25, "2026-10-05", "extension", "open", "Rear extension"},
        {"CMP/26/0006", 15, 4, 22, "2026-10-12", "listed-building", "open",
         "Works to the back of a listed house"},
        {"CMP/26/0007", 17, 12, 31, "2026-06-18", "tree", "open", "Shed built under the big tree"},
        {"CMP/26/0008", 21, 21, 14, "2026-05-07", "building-works", "closed",
         "Garage knocked down"},
        {"CMP/26/0009", 26, 12, 24, "2026-09-25", "extension", "open",
         "Extension bigger than the plans"},
        {"CMP/26/0010", 28, 12, 25, "2026-10-01", "extension", "open",
         "Extension into the garden beyond the site"},
        {"CMP/26/0011", 6, 4, 14, "2026-10-20", "change-of-use", "open",
         "House being used as a car repair business"},
        {"CMP/26/0012", 0, 294, 20, "2026-08-08", "building-works", "open",
         "New building on the open land"},
        {"CMP/26/0013", 1, 4, 12, "2026-09-20", "extension", "open",
         "Rear extension, same house as before"},
    };
}

} // namespace

void add_casework(DemoStreet& out, const std::vector<Plot>& ps) {
    auto apps = layer("demo_applications", {{"reference", FieldType::Text},
                                            {"planning_decision", FieldType::Text},
                                            {"decision_date", FieldType::Text},
                                            {"description", FieldType::Text},
                                            {"address_text", FieldType::Text},
                                            {"uprn", FieldType::Text},
                                            {"development_type", FieldType::Text}});
    auto footprints = layer("demo_approved_footprints", {{"planning_application", FieldType::Text},
                                                         {"height_m", FieldType::Real}});
    for (const Application& a : applications()) {
        const Plot* p = a.plot ? &find(ps, a.plot) : nullptr;
        const double start = p ? p->start : 0.0;
        const int side = p ? p->side : -1;
        const Rect red = a.red_line ? *a.red_line : Rect{0, p->width, 5, p->rear};
        add(apps, poly(red, start, side),
            {std::string(a.reference), std::string(a.decision), std::string(a.decision_date),
             std::string(a.description),
             p ? address(a.plot) : std::string("Open land south of Demo Road (synthetic)"),
             p ? core::FieldValue{uprn(a.plot)} : core::FieldValue{}, std::string("householder")});
        for (const Rect& r : a.approved)
            add(footprints, poly(r, start, side), {std::string(a.reference), 4.0});
    }
    out.layers.push_back(
        {std::move(apps), "planning-application", "synthetic planning applications (red lines)"});
    out.layers.push_back(
        {std::move(footprints), "approved-footprint", "synthetic approved footprints"});

    auto complaints = layer("demo_complaints", {{"reference", FieldType::Text},
                                                {"received_date", FieldType::Text},
                                                {"category", FieldType::Text},
                                                {"description", FieldType::Text},
                                                {"status", FieldType::Text},
                                                {"complainant_name", FieldType::Text},
                                                {"complainant_contact", FieldType::Text}});
    int n = 0;
    for (const ComplaintSpec& c : complaint_specs()) {
        const Plot* p = c.plot ? &find(ps, c.plot) : nullptr;
        const double start = p ? p->start : 0.0;
        const int side = p ? p->side : -1;
        ++n;
        // Invented people: the names exist only to prove they never leak.
        add(complaints, core::Geometry::point(at(start + c.a, c.d, side)),
            {std::string(c.reference), std::string(c.received), std::string(c.category),
             std::string(c.description), std::string(c.status),
             "Demo Complainant " + std::to_string(n),
             "complainant" + std::to_string(n) + "@example.invalid"});
    }
    out.layers.push_back(
        {std::move(complaints), "complaint", "synthetic complaints (complainants are invented)"});

    struct CaseSpec {
        const char* reference;
        int plot;
        const char* officer;
        const char* breach;
        const char* breach_start;
        const char* opened;
        std::vector<std::string> complaints;
    };
    const std::vector<CaseSpec> specs = {
        {"ENF/26/0001",
         1,
         "J. Bloggs",
         "Rear extension beyond PD depth",
         "2026-08-01",
         "2026-09-03",
         {"CMP/26/0001", "CMP/26/0013"}},
        {"ENF/26/0002", 5, "J. Bloggs", "Front porch", "2026-07-15", "2026-09-11", {"CMP/26/0002"}},
        {"ENF/26/0003",
         9,
         "A. Khan",
         "Side extension",
         "2022-12-01",
         "2026-08-22",
         {"CMP/26/0003"}},
        {"ENF/26/0004",
         11,
         "A. Khan",
         "Outbuilding over half the garden",
         "2025-05-01",
         "2026-07-31",
         {"CMP/26/0004"}},
        {"ENF/26/0005",
         13,
         "S. Patel",
         "Extension under Article 4 direction",
         "2026-09-01",
         "2026-10-06",
         {"CMP/26/0005"}},
        {"ENF/26/0006",
         15,
         "S. Patel",
         "Works to a listed building",
         "2026-10-01",
         "2026-10-13",
         {"CMP/26/0006"}},
        {"ENF/26/0007",
         17,
         "J. Bloggs",
         "Building in a tree's root protection area",
         "2026-06-01",
         "2026-06-19",
         {"CMP/26/0007"}},
        {"ENF/26/0008",
         21,
         "A. Khan",
         "Demolition in a conservation area",
         "2026-04-20",
         "2026-05-08",
         {"CMP/26/0008"}},
        {"ENF/26/0009",
         26,
         "S. Patel",
         "Not built as approved (DEMO/25/0101)",
         "2026-03-01",
         "2026-09-26",
         {"CMP/26/0009"}},
        {"ENF/26/0010",
         28,
         "J. Bloggs",
         "Works outside the red line (DEMO/25/0103)",
         "2025-11-01",
         "2026-10-02",
         {"CMP/26/0010"}},
        {"ENF/26/0011",
         6,
         "A. Khan",
         "Material change of use to car repairs",
         "2016-01-10",
         "2026-10-21",
         {"CMP/26/0011"}},
        {"ENF/26/0012",
         0,
         "S. Patel",
         "New building without permission",
         "2021-03-01",
         "2026-08-09",
         {"CMP/26/0012"}},
    };
    for (const CaseSpec& s : specs) {
        core::EnforcementCase c;
        c.reference = s.reference;
        if (s.plot) {
            c.uprn = uprn(s.plot);
        } else {
            const core::Coord site = at(k_unpermitted.a0 + 4, 13, -1);
            c.site = site;
        }
        c.officer = s.officer;
        c.alleged_breach = s.breach;
        c.breach_start_date = s.breach_start;
        c.opened_date = s.opened;
        c.complaint_references = s.complaints;
        out.cases.push_back(std::move(c));
    }
}

namespace {

struct StageSpec {
    const char* stage;
    const char* date;
    const char* served = "";
    const char* effective = "";
    int compliance_days = 0;
    const char* notice = "";
    const char* outcome = "";
};

struct HistorySpec {
    const char* reference;
    const char* breach_type;
    std::vector<StageSpec> stages;
};

/// Stage histories chosen so that `redline-cli workload --as-of 2026-11-01` shows every kind of
/// entry (docs/casework.md lists the intended order): immune cases, overdue first visits, a PCN
/// reply, an appeal timetable, a temporary stop notice and an enforcement notice's compliance.
std::vector<HistorySpec> history_specs() {
    return {
        {"ENF/26/0001",
         "operational",
         {{"acknowledged", "2026-09-04"},
          {"site-visit", "2026-09-10"},
          {"investigation", "2026-10-20", "2026-10-20"}}},
        {"ENF/26/0002",
         "operational",
         {{"acknowledged", "2026-09-14"},
          {"site-visit", "2026-09-21"},
          {"negotiation", "2026-10-01"}}},
        {"ENF/26/0003",
         "operational",
         {{"acknowledged", "2026-08-24"},
          {"site-visit", "2026-08-26"},
          {"negotiation", "2026-09-15"}}},
        {"ENF/26/0004",
         "operational",
         {{"acknowledged", "2026-08-03"},
          {"site-visit", "2026-08-10"},
          {"notice-issued", "2026-09-15", "2026-09-17", "2026-10-22", 56, "enforcement-notice"}}},
        {"ENF/26/0005", "operational", {{"acknowledged", "2026-10-07"}}},
        {"ENF/26/0006",
         "operational",
         {{"acknowledged", "2026-10-13"},
          {"site-visit", "2026-10-14"},
          {"notice-issued", "2026-10-16", "2026-10-16", "", 0, "temporary-stop-notice"}}},
        {"ENF/26/0007",
         "operational",
         {{"acknowledged", "2026-06-19"},
          {"site-visit", "2026-06-22"},
          {"notice-issued", "2026-08-03", "2026-08-05", "2026-09-09", 28, "enforcement-notice"},
          {"appeal", "2026-10-26"}}},
        {"ENF/26/0008",
         "operational",
         {{"acknowledged", "2026-05-08"},
          {"site-visit", "2026-05-11"},
          {"closed", "2026-07-20", "", "", 0, "", "regularised"}}},
        {"ENF/26/0009",
         "operational",
         {{"acknowledged", "2026-09-28"},
          {"site-visit", "2026-10-05"},
          {"negotiation", "2026-10-12"}}},
        {"ENF/26/0010", "operational", {{"acknowledged", "2026-10-12"}}},
        {"ENF/26/0011", "other", {{"acknowledged", "2026-10-21"}}},
        {"ENF/26/0012",
         "operational",
         {{"acknowledged", "2026-08-10"},
          {"site-visit", "2026-08-12"},
          {"investigation", "2026-08-20", "2026-08-20"}}},
    };
}

} // namespace

void record_case_histories(store::Workspace& ws) {
    for (const HistorySpec& h : history_specs()) {
        ws.set_case_profile(h.reference, {h.breach_type, "england"});
        for (const StageSpec& s : h.stages) {
            store::CaseStageRecord r;
            r.stage = s.stage;
            r.date = s.date;
            r.served_date = s.served;
            r.effective_date = s.effective;
            if (s.compliance_days > 0)
                r.compliance_days = s.compliance_days;
            r.notice_kind = s.notice;
            r.outcome = s.outcome;
            ws.add_case_stage(h.reference, r);
        }
    }
}

} // namespace redline::cli::demo
