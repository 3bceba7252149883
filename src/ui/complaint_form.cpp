// The Add complaint form. A complaint either joins the open case at its site or opens a new one;
// the app writes either with the complaint in one transaction on a worker
// (app/casework_requests.cpp).
#include "ui/casework_form_parts.hpp"

#include "core/case_reference.hpp"
#include "core/date.hpp"
#include "core/records.hpp"

#include <imgui.h>

#include <algorithm>

namespace redline::ui::detail {

namespace {

/// Offer the next free reference of the received date's year in the workspace's numbering
/// until the officer types their own (an emptied field is left empty: the worker then takes the
/// next free one against the workspace as it is at that moment).
void suggest_case_reference(const ViewState& state, CaseworkForms& f) {
    if (!f.suggested_case_reference.empty() && f.suggested_case_reference != f.case_reference)
        return;
    const auto received = core::Date::parse(f.received);
    std::vector<std::string> refs;
    for (const core::EnforcementCase& c : state.cases)
        refs.push_back(c.reference);
    f.suggested_case_reference =
        core::next_case_reference(refs, (received ? *received : core::Date::today()).year);
    set(f.case_reference, f.suggested_case_reference);
}

void new_case_fields(const ViewState& state, const CaseworkView& cw, CaseworkForms& f,
                     WidgetRects* rects) {
    suggest_case_reference(state, f);
    ImGui::Indent();
    text_field("case reference", "complaint.case_reference", f.case_reference,
               sizeof f.case_reference, rects, "next free reference");
    text_field("officer", "complaint.case_officer", f.case_officer, sizeof f.case_officer, rects,
               "unassigned");
    text_field("opened", "complaint.case_opened", f.case_opened, sizeof f.case_opened, rects,
               "today");
    text_field("alleged breach", "complaint.alleged_breach", f.alleged_breach,
               sizeof f.alleged_breach, rects);
    if (f.breach_type < 0) {
        const auto other =
            std::find(cw.breach_type_names.begin(), cw.breach_type_names.end(), "other");
        f.breach_type = int(other - cw.breach_type_names.begin());
    }
    combo("breach type", "complaint.breach_type", f.breach_type, cw.breach_type_names, rects);
    ImGui::TextDisabled("Opened with this complaint linked, in the same transaction.");
    ImGui::Unindent();
}

} // namespace

void complaint_form(const ViewState& state, const CaseworkView& cw, CaseworkForms& f, Actions& out,
                    WidgetRects* rects) {
    std::vector<std::string> categories{"(none)"};
    for (const auto& c : core::complaint_categories())
        categories.push_back(c);
    const core::Coord at = cw.complaint_at.value_or(core::Coord{});
    ImGui::Text("New complaint at E %.1f N %.1f", at.x, at.y);
    text_field("reference", "complaint.reference", f.reference, sizeof f.reference, rects,
               "CMP/26/0014");
    text_field("received", "complaint.received", f.received, sizeof f.received, rects,
               "YYYY-MM-DD");
    combo("category", "complaint.category", f.category, categories, rects);
    ImGui::InputTextMultiline("description", f.description, sizeof f.description, {0, 50});
    ImGui::Separator();
    ImGui::TextDisabled("Complainant (confidential: never drawn, printed or logged)");
    text_field("name", "complaint.name", f.complainant_name, sizeof f.complainant_name, rects);
    text_field("contact", "complaint.contact", f.complainant_contact, sizeof f.complainant_contact,
               rects);
    ImGui::Separator();
    // One or the other: a site with an open case joins it; a site without one may get a new one.
    if (ImGui::Checkbox("Link to the open case at this site", &f.join_case) && f.join_case)
        f.open_case = false;
    if (rects)
        record_item(*rects, "complaint.join_case");
    if (ImGui::Checkbox("Open a new case", &f.open_case) && f.open_case)
        f.join_case = false;
    if (rects)
        record_item(*rects, "complaint.open_case");
    if (f.open_case)
        new_case_fields(state, cw, f, rects);
    ImGui::BeginDisabled(cw.busy || !cw.complaint_at);
    if (ImGui::Button(f.open_case ? "Add complaint and open case###add" : "Add complaint###add")) {
        AddComplaint a{f.reference,
                       f.received,
                       f.category > 0 ? categories[std::size_t(f.category)] : "",
                       f.description,
                       f.complainant_name,
                       f.complainant_contact,
                       at,
                       f.join_case};
        if (f.open_case) {
            a.join_case = false;
            a.open_case = true;
            a.case_reference = f.case_reference;
            a.case_officer = f.case_officer;
            a.case_opened = f.case_opened;
            a.alleged_breach = f.alleged_breach;
            if (f.breach_type >= 0 && f.breach_type < int(cw.breach_type_names.size()))
                a.breach_type = cw.breach_type_names[std::size_t(f.breach_type)];
        }
        out.push_back(std::move(a));
    }
    ImGui::EndDisabled();
    if (rects)
        record_item(*rects, "complaint.add");
}

} // namespace redline::ui::detail
