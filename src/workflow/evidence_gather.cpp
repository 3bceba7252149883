// The evidence pack's model from the workspace. Everything here is read, nothing written; the
// same workspace and options give the same model (no clock: every date comes from the data or
// the options), which is what makes the PDF reproducible.
#include "workflow/evidence_gather.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "core/version.hpp"
#include "scene/complaint_layer.hpp"
#include "workflow/evidence_sections.hpp"

#include <algorithm>
#include <cstdio>

namespace redline::workflow {
namespace {

const core::EnforcementCase& find_case(const std::vector<core::EnforcementCase>& cases,
                                       const std::string& ref) {
    for (const auto& c : cases)
        if (c.reference == ref)
            return c;
    throw core::UsageError("unknown case '" + ref + "' (redline-cli case list shows them)");
}

bool is_synthetic(const store::LayerInfo& l) {
    return l.source_file.rfind("synthetic", 0) == 0;
}

bool is_osm(const store::LayerInfo& l) {
    const std::string s = core::to_lower(l.source_file + " " + l.name);
    return s.find("osm") != std::string::npos || s.find("openstreetmap") != std::string::npos;
}

/// Attributions the licences of the drawn layers require (data/README.md lists them).
std::vector<std::string> attributions_for(const std::vector<store::LayerInfo>& drawn) {
    bool osm = false, ogl = false, synthetic = false, ostn15 = false;
    std::vector<std::string> other;
    for (const auto& l : drawn) {
        if (l.transformation.find("OSTN15") != std::string::npos)
            ostn15 = true;
        if (is_synthetic(l))
            synthetic = true;
        else if (is_osm(l))
            osm = true;
        else if (core::is_designation(l.role) || l.role == core::Role::PlanningApplication ||
                 l.role == core::Role::Tree)
            ogl = true;
        else
            other.push_back("Source: " + l.source_file + " (" + l.name + ").");
    }
    std::vector<std::string> out;
    if (ogl)
        out.push_back("Contains public sector information licensed under the Open Government "
                      "Licence v3.0; contains Ordnance Survey data (c) Crown copyright and "
                      "database right.");
    if (osm)
        out.push_back("(c) OpenStreetMap contributors, Open Database Licence 1.0.");
    if (ostn15)
        out.push_back("OSTN15 (c) Ordnance Survey, BSD licence.");
    if (synthetic)
        out.push_back("Layers named demo_* are synthetic demonstration data, not a real place.");
    out.insert(out.end(), other.begin(), other.end());
    return out;
}

/// The pack's date: the option, else the latest check run's time, else the case's latest dated
/// event (opened, breach start, key dates). Returns the ISO date-time for the PDF metadata.
std::string pack_date_time(const store::Workspace& ws, const core::EnforcementCase& c,
                           const std::string& option, std::string& basis) {
    if (!option.empty()) {
        const auto d = core::Date::parse(option);
        if (!d || d->to_string() != option)
            throw core::UsageError("--date '" + option + "': not a real date (YYYY-MM-DD)");
        basis = "as given";
        return option + "T00:00:00Z";
    }
    if (const auto run = ws.latest_check_run()) {
        basis = "time of the latest breach check run";
        return run->run_at;
    }
    std::string latest = c.opened_date;
    latest = std::max(latest, c.breach_start_date);
    for (const auto& k : ws.case_key_dates(c.reference))
        latest = std::max(latest, k.date);
    if (latest.empty())
        throw core::UsageError("case '" + c.reference +
                               "' has no dated event to date the pack by: give --date");
    basis = "the case's latest recorded event";
    return latest + "T00:00:00Z";
}

} // namespace

print::EvidencePack gather_evidence_pack(const store::Workspace& ws, const EvidenceOptions& o,
                                         std::vector<std::string>& warnings) {
    const auto cases = ws.cases();
    const core::EnforcementCase& c = find_case(cases, o.case_reference);
    print::EvidencePack pack;
    pack.case_reference = c.reference;
    pack.alleged_breach = c.alleged_breach;
    pack.case_status = c.status;
    pack.officer = o.officer.empty() ? c.officer : o.officer;
    pack.exhibit = o.exhibit.empty() ? default_exhibit(pack.officer) : o.exhibit;
    pack.date_time = pack_date_time(ws, c, o.date, pack.date_basis);
    pack.date = pack.date_time.substr(0, 10);
    pack.software_version = core::k_version;
    pack.source_commit = core::k_source_commit;

    const CaseSite site = find_case_site(ws, c);
    if (site.envelope.empty())
        throw core::UsageError("case '" + c.reference +
                               "' has no site: no curtilage with its UPRN, no red line of its "
                               "application, no point and no linked complaint");
    pack.site = site.envelope;
    pack.site_address = site.address;
    pack.site_description = site.description;

    // Scale and frame.
    pack.paper = o.paper;
    pack.orientation = o.orientation;
    const print::RectMm rect = print::map_frame_rect(o.paper, o.orientation);
    const print::ScaleChoice fit = print::choose_scale(site.envelope, rect);
    pack.scale = o.scale ? *o.scale : fit.denominator;
    const double usable_w = (rect.w - 2 * 10) * pack.scale / 1000.0;
    const double usable_h = (rect.h - 2 * 10) * pack.scale / 1000.0;
    pack.scale_fits = site.envelope.width() <= usable_w && site.envelope.height() <= usable_h;
    if (!pack.scale_fits)
        warnings.push_back("the site (" + std::to_string(int(site.envelope.width())) + " x " +
                           std::to_string(int(site.envelope.height())) +
                           " m) does not fit the map frame at " +
                           print::format_scale_text(pack.scale) + "; the map is centred on it");
    const print::MapFrame frame(rect, site.envelope.centre(), pack.scale);
    const core::Envelope view = frame.ground_bounds();

    // The map's layers: every layer with something in the frame, as the viewer styles it.
    // Complaints are not read from their layers: only the case's own complaints are drawn, from
    // records stripped of the complainant fields.
    const core::Date today = *core::Date::parse(pack.date);
    pack.map.reference_date = today;
    const auto layers = ws.layers();
    std::vector<store::LayerInfo> drawn;
    for (const auto& info : layers) {
        if (info.role == core::Role::Complaint || info.extent.empty() ||
            !info.extent.intersects(view))
            continue;
        core::LayerData data = ws.read_layer(info.name, view);
        if (data.features.empty())
            continue;
        pack.map.add_layer(scene::MapLayer(std::move(data), info.role));
        drawn.push_back(info);
    }
    std::vector<core::Complaint> linked;
    for (auto complaint : ws.complaints()) {
        if (std::find(c.complaint_references.begin(), c.complaint_references.end(),
                      complaint.reference) == c.complaint_references.end())
            continue;
        complaint.complainant_name.clear();
        complaint.complainant_contact.clear();
        complaint.description.clear(); // free text may name people: reference + category only
        pack.complaints.push_back(
            {complaint.reference, complaint.category, complaint.received_date, complaint.location});
        linked.push_back(std::move(complaint));
    }
    if (!linked.empty())
        pack.map.add_layer(scene::MapLayer(scene::complaint_layer(linked, "case complaints"),
                                           core::Role::Complaint));
    pack.map.build();
    pack.attributions = attributions_for(drawn);

    // Provenance of every layer.
    for (const auto& info : layers) {
        print::PackInput in;
        in.name = info.name;
        in.kind = core::to_string(info.role);
        in.source_file = info.source_file;
        in.sha256 = info.source_sha256;
        in.imported_at = info.imported_at;
        in.source_crs = info.source_crs;
        in.transformation = info.transformation;
        in.feature_count = info.feature_count;
        in.on_map = std::any_of(drawn.begin(), drawn.end(),
                                [&](const store::LayerInfo& d) { return d.name == info.name; });
        pack.inputs.push_back(std::move(in));
    }

    add_basemaps(o.basemaps, frame, pack);
    add_findings(ws, c, pack);
    add_plans_and_measurements(ws, c, frame, pack);
    add_chronology(ws, c, pack);
    return pack;
}

} // namespace redline::workflow
