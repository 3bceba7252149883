#pragma once
// The pieces the casework forms share (ui/casework_forms.cpp, ui/complaint_form.cpp): private to
// the ui module.

#include "ui/panels.hpp"

#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

namespace redline::ui::detail {

/// Copy `text` into a fixed-size field buffer, cut to fit.
template <std::size_t N> void set(char (&buf)[N], const std::string& text) {
    std::snprintf(buf, N, "%s", text.c_str());
}

/// A combo over `names`; each option's rectangle is recorded as "<id>.<name>" so that tests can
/// pick one like a user. True when the officer picked another.
bool combo(const char* label, const char* id, int& index, const std::vector<std::string>& names,
           WidgetRects* rects);

/// A one-line text field; its rectangle is recorded as `id`.
void text_field(const char* label, const char* id, char* buf, std::size_t size, WidgetRects* rects,
                const char* hint = "");

/// The Add complaint form (ui/complaint_form.cpp): the complaint's fields, then either "Link to the
/// open case at this site" or "Open a new case" with the new case's fields; emits AddComplaint.
void complaint_form(const ViewState& state, const CaseworkView& cw, CaseworkForms& f, Actions& out,
                    WidgetRects* rects);

} // namespace redline::ui::detail
