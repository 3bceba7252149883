#include "workflow/case_opening.hpp"

#include "core/case_reference.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace redline::workflow {

CaseToOpen check_new_case(const store::Workspace& ws, const CaseInput& in) {
    CaseToOpen out;
    core::EnforcementCase& c = out.record;
    c.reference = core::trim(in.reference);
    if (c.reference.empty())
        throw core::UsageError("case reference: a new case needs a reference");
    for (const auto& existing : ws.cases())
        if (existing.reference == c.reference)
            // The store refuses it too (inside its transaction, for a case opened meanwhile);
            // this says which field to change, and what holds the reference.
            throw core::StoreError("case reference '" + c.reference + "' is already taken (case '" +
                                   c.reference + "' already exists, opened " +
                                   existing.opened_date + ")");
    c.application_reference = core::trim(in.application);
    c.uprn = core::trim(in.uprn);
    if (in.site) {
        // The British National Grid's extent: swapped or degree-valued input is caught here.
        const core::Coord p = *in.site;
        if (!(p.x >= 0 && p.x <= 700000 && p.y >= 0 && p.y <= 1300000))
            throw core::UsageError("site: not a British National Grid easting,northing in metres");
        c.site = p;
    }
    c.officer = core::trim(in.officer);
    c.alleged_breach = core::trim(in.alleged_breach);
    c.breach_start_date = core::trim(in.breach_start);
    c.opened_date = core::trim(in.opened);
    if (!in.breach_type.empty() || !in.nation.empty()) {
        store::CaseProfile profile;
        if (!in.breach_type.empty())
            profile.breach_type = in.breach_type;
        if (!in.nation.empty())
            profile.nation = in.nation;
        out.profile = profile;
    }
    return out;
}

core::EnforcementCase open_case(store::Workspace& ws, const CaseInput& input) {
    const CaseToOpen c = check_new_case(ws, input);
    if (c.profile)
        ws.add_case(c.record, *c.profile);
    else
        ws.add_case(c.record);
    for (auto& stored : ws.cases())
        if (stored.reference == c.record.reference)
            return stored;
    throw core::StoreError("case '" + c.record.reference + "' was not stored");
}

std::string next_case_reference(const store::Workspace& ws, const core::Date& day) {
    std::vector<std::string> refs;
    for (const auto& c : ws.cases())
        refs.push_back(c.reference);
    return core::next_case_reference(refs, day.year);
}

} // namespace redline::workflow
