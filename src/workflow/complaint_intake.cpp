#include "workflow/complaint_intake.hpp"

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "geom/measure.hpp"
#include "geom/shape.hpp"
#include "io/importer.hpp"

#include <algorithm>

namespace redline::workflow {
namespace {

std::string field_text(const core::LayerData& data, const core::Feature& f, const char* name) {
    const auto idx = data.field_index(name);
    if (!idx || *idx >= f.values.size())
        return {};
    return core::trim(core::to_text(f.values[*idx]));
}

bool is_polygon(const core::Feature& f) {
    return core::kind_of(f.geometry.type) == core::GeometryKind::Polygon;
}

} // namespace

core::Complaint validate_complaint(const ComplaintInput& in) {
    core::Complaint c;
    c.reference = core::trim(in.reference);
    if (c.reference.empty())
        throw core::UsageError("a complaint needs a reference");
    const std::string received = core::trim(in.received);
    const auto d = core::Date::parse(received);
    if (!d || d->to_string() != received)
        throw core::UsageError("received date '" + in.received + "': not a real date (YYYY-MM-DD)");
    c.received_date = received;
    c.category = core::trim(in.category);
    const auto& categories = core::complaint_categories();
    if (!c.category.empty() &&
        std::find(categories.begin(), categories.end(), c.category) == categories.end()) {
        std::string known;
        for (const auto& k : categories)
            known += (known.empty() ? "" : ", ") + k;
        throw core::UsageError("category '" + c.category + "': not one of " + known);
    }
    // The British National Grid's extent (EPSG:27700 area of use): swapped or degree-valued
    // input is caught here rather than mapped somewhere in the sea.
    const core::Coord p = in.location;
    if (!(p.x >= 0 && p.x <= 700000 && p.y >= 0 && p.y <= 1300000))
        throw core::UsageError("location: not a British National Grid easting,northing in metres");
    c.location = p;
    c.description = in.description;
    c.complainant_name = core::trim(in.complainant_name);
    c.complainant_contact = core::trim(in.complainant_contact);
    return c;
}

std::string ComplaintSite::describe() const {
    std::string out;
    if (!uprn.empty())
        out = "UPRN " + uprn + (address.empty() ? "" : " (" + address + ")");
    for (const auto& a : applications)
        out += (out.empty() ? "" : "; ") + std::string("application ") + a;
    return out.empty() ? "no curtilage or red line here" : out;
}

std::vector<analysis::Curtilage> read_curtilages(const store::Workspace& ws) {
    std::vector<analysis::Curtilage> out;
    for (const auto& info : ws.layers()) {
        if (info.role != core::Role::Curtilage)
            continue;
        const auto layer = ws.read_layer(info.name);
        if (!layer.field_index("uprn"))
            continue;
        for (const auto& f : layer.features)
            if (is_polygon(f))
                out.push_back({field_text(layer, f, "uprn"), f.geometry});
    }
    return out;
}

ComplaintSite find_complaint_site(const store::Workspace& ws, core::Coord location) {
    ComplaintSite site;
    for (const auto& info : ws.layers()) {
        const bool curtilage = info.role == core::Role::Curtilage;
        if (!curtilage && info.role != core::Role::PlanningApplication)
            continue;
        // Only features whose envelope holds the point, through the spatial index.
        core::Envelope at;
        at.expand(core::Coord{location.x - 0.01, location.y - 0.01});
        at.expand(core::Coord{location.x + 0.01, location.y + 0.01});
        if (info.extent.empty() || !info.extent.intersects(at))
            continue;
        const core::LayerData data = ws.read_layer(info.name, at);
        for (const auto& f : data.features) {
            if (!is_polygon(f) || !geom::covers_point(geom::Shape::from(f.geometry), location))
                continue;
            if (curtilage && site.uprn.empty()) {
                site.uprn = field_text(data, f, "uprn");
                site.address = field_text(data, f, "address_text");
            } else if (!curtilage) {
                const std::string ref = field_text(data, f, "reference");
                if (!ref.empty() && std::find(site.applications.begin(), site.applications.end(),
                                              ref) == site.applications.end())
                    site.applications.push_back(ref);
            }
        }
    }
    for (const auto& c : ws.cases()) {
        if (c.status == "closed")
            continue;
        const bool same_uprn = !site.uprn.empty() && c.uprn == site.uprn;
        const bool same_app = !c.application_reference.empty() &&
                              std::find(site.applications.begin(), site.applications.end(),
                                        c.application_reference) != site.applications.end();
        if (same_uprn || same_app)
            site.open_cases.push_back(c.reference);
    }
    return site;
}

std::vector<analysis::DuplicatePair> duplicates_involving(const store::Workspace& ws,
                                                          const std::vector<std::string>& refs,
                                                          int days, double metres) {
    std::vector<analysis::DuplicatePair> out;
    for (auto& p :
         analysis::find_duplicate_complaints(ws.complaints(), read_curtilages(ws), days, metres)) {
        const auto named = [&](const std::string& r) {
            return std::find(refs.begin(), refs.end(), r) != refs.end();
        };
        if (named(p.keep) || named(p.duplicate))
            out.push_back(std::move(p));
    }
    return out;
}

IntakePlan plan_intake(const store::Workspace& ws, const ComplaintInput& input,
                       const IntakeOptions& options) {
    if (options.join_case_at_site && options.open_case)
        throw core::UsageError("join the open case at the site or open a new case, not both");
    IntakePlan plan;
    plan.complaint = validate_complaint(input);
    plan.site = find_complaint_site(ws, plan.complaint.location);
    if (options.join_case_at_site && !plan.site.open_cases.empty())
        plan.join_case = plan.site.open_cases.front();
    if (!options.open_case)
        return plan;

    // A second open case at one site splits its history and clocks between two files; the
    // officer joins the open one (or closes it first).
    if (!plan.site.open_cases.empty())
        throw core::UsageError("open a new case: case " + plan.site.open_cases.front() +
                               " is already open at this site; link the complaint to it instead");
    CaseInput in = *options.open_case;
    const auto received = *core::Date::parse(plan.complaint.received_date);
    if (core::trim(in.reference).empty())
        in.reference = next_case_reference(ws, received);
    if (core::trim(in.uprn).empty() && core::trim(in.application).empty() && !in.site) {
        in.uprn = plan.site.uprn;
        // Overlapping red lines (an application and its later amendment) leave the choice to
        // the officer; the UPRN and the point still place the case.
        if (plan.site.applications.size() == 1)
            in.application = plan.site.applications.front();
        in.site = plan.complaint.location;
    }
    if (core::trim(in.opened).empty()) {
        const auto today = core::Date::today();
        in.opened = (today < received ? received : today).to_string();
    }
    const auto opened = core::Date::parse(core::trim(in.opened));
    if (opened && opened->to_string() == core::trim(in.opened) && *opened < received)
        throw core::UsageError("opened date '" + in.opened +
                               "': before the complaint was received (" +
                               plan.complaint.received_date + ")");
    plan.new_case = check_new_case(ws, in);
    return plan;
}

IntakeResult commit_intake(store::Workspace& ws, const IntakePlan& plan) {
    IntakeResult r;
    r.complaint = plan.complaint;
    r.site = plan.site;
    if (plan.new_case) {
        ws.add_complaint(plan.complaint, store::IntakeCase{.open = plan.new_case->record,
                                                           .profile = plan.new_case->profile});
        r.linked_case = plan.new_case->record.reference;
        r.case_opened = true;
    } else if (!plan.join_case.empty()) {
        ws.add_complaint(plan.complaint, store::IntakeCase{.existing = plan.join_case});
        r.linked_case = plan.join_case;
    } else {
        ws.add_complaint(plan.complaint);
    }
    r.duplicates = duplicates_involving(ws, {r.complaint.reference});
    return r;
}

IntakeResult take_complaint(store::Workspace& ws, const ComplaintInput& input,
                            const IntakeOptions& options) {
    return commit_intake(ws, plan_intake(ws, input, options));
}

} // namespace redline::workflow
