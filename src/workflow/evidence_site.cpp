// The case's site and the map's layers, read from the workspace for an evidence pack.
#include "core/error.hpp"
#include "core/text.hpp"
#include "workflow/evidence_gather.hpp"

#include <cctype>
#include <cstdio>

namespace redline::workflow {
namespace {

std::string field_text(const core::LayerData& data, const core::Feature& f, const char* name) {
    const auto idx = data.field_index(name);
    if (!idx || *idx >= f.values.size())
        return {};
    return core::to_text(f.values[*idx]);
}

void add_part(std::string& out, const std::string& part) {
    out += (out.empty() ? "" : "; ") + part;
}

} // namespace

CaseSite find_case_site(const store::Workspace& ws, const core::EnforcementCase& c) {
    CaseSite site;
    if (!c.uprn.empty())
        add_part(site.description, "UPRN " + c.uprn);
    if (!c.application_reference.empty())
        add_part(site.description, "application " + c.application_reference);
    for (const auto& info : ws.layers()) {
        const bool curtilage = info.role == core::Role::Curtilage && !c.uprn.empty();
        const bool red_line =
            info.role == core::Role::PlanningApplication && !c.application_reference.empty();
        if (!curtilage && !red_line)
            continue;
        const core::LayerData data = ws.read_layer(info.name);
        for (const auto& f : data.features) {
            const bool match = curtilage
                                   ? field_text(data, f, "uprn") == c.uprn
                                   : field_text(data, f, "reference") == c.application_reference;
            if (!match)
                continue;
            site.envelope.expand(f.geometry.envelope());
            if (site.address.empty())
                site.address = field_text(data, f, "address_text");
        }
    }
    if (c.site) {
        // A case located by a point alone: a 30 m box around it, about a house and its garden.
        site.envelope.expand(core::Coord{c.site->x - 15, c.site->y - 15});
        site.envelope.expand(core::Coord{c.site->x + 15, c.site->y + 15});
        char buf[64];
        std::snprintf(buf, sizeof buf, "E,N %.2f,%.2f", c.site->x, c.site->y);
        add_part(site.description, buf);
    }
    for (const auto& complaint : ws.complaints())
        for (const auto& ref : c.complaint_references)
            if (complaint.reference == ref)
                site.envelope.expand(complaint.location);
    if (site.address.empty())
        site.address = "not recorded";
    if (site.description.empty())
        site.description = "linked complaints only";
    return site;
}

std::string default_exhibit(const std::string& officer) {
    std::string initials;
    bool start = true;
    for (char ch : officer) {
        const auto u = static_cast<unsigned char>(ch);
        if (std::isalpha(u) && start)
            initials += static_cast<char>(std::toupper(u));
        start = !std::isalpha(u);
    }
    return (initials.empty() ? "EX" : initials) + "/1";
}

} // namespace redline::workflow
