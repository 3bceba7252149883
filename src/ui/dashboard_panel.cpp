#include "ui/panels.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <numeric>

namespace redline::ui {
namespace {

/// Categorical colours for the stacked bars (Okabe-Ito, distinguishable with colour blindness),
/// repeated when there are more categories.
ImU32 category_colour(std::size_t i) {
    static const ImU32 colours[] = {IM_COL32(0, 114, 178, 255),  IM_COL32(230, 159, 0, 255),
                                    IM_COL32(0, 158, 115, 255),  IM_COL32(204, 121, 167, 255),
                                    IM_COL32(86, 180, 233, 255), IM_COL32(213, 94, 0, 255),
                                    IM_COL32(240, 228, 66, 255), IM_COL32(90, 90, 90, 255)};
    return colours[i % IM_ARRAYSIZE(colours)];
}

/// Complaints per month, one bar per month stacked by category, with the y axis's top value and
/// every few months' label.
void monthly_chart(const DashboardView& d, WidgetRects* rects) {
    int peak = 0;
    for (const auto& row : d.per_month)
        peak = std::max(peak, std::accumulate(row.begin(), row.end(), 0));
    const float width = std::max(120.0f, ImGui::GetContentRegionAvail().x);
    const float height = 150, axis_w = 24, label_h = 16;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::Dummy({width, height + label_h});
    if (rects)
        record_item(*rects, "dashboard.chart");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float x0 = origin.x + axis_w, y1 = origin.y + height;
    const float plot_w = width - axis_w;
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text), grid = IM_COL32(0, 0, 0, 40);
    dl->AddLine({x0, origin.y}, {x0, y1}, ink);
    dl->AddLine({x0, y1}, {x0 + plot_w, y1}, ink);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d", peak);
    dl->AddText({origin.x, origin.y}, ink, buf);
    dl->AddText({origin.x, y1 - ImGui::GetFontSize()}, ink, "0");
    dl->AddLine({x0, origin.y + 6}, {x0 + plot_w, origin.y + 6}, grid);
    if (d.months.empty() || peak == 0)
        return;
    const float slot = plot_w / float(d.months.size());
    const float bar = std::max(1.0f, slot * 0.75f);
    const float per_unit = (height - 6) / float(peak);
    // A label every few months so that labels never overlap ("2026-01" is ~50 px wide).
    const std::size_t every = std::max<std::size_t>(1, std::size_t(56.0f / slot) + 1);
    for (std::size_t m = 0; m < d.months.size(); ++m) {
        const float bx = x0 + slot * float(m) + (slot - bar) / 2;
        float top = y1;
        for (std::size_t c = 0; c < d.categories.size() && c < d.per_month[m].size(); ++c) {
            const float h = float(d.per_month[m][c]) * per_unit;
            if (h <= 0)
                continue;
            dl->AddRectFilled({bx, top - h}, {bx + bar, top}, category_colour(c));
            top -= h;
        }
        if (m % every == 0)
            dl->AddText({x0 + slot * float(m), y1 + 2}, ink, d.months[m].c_str());
    }
}

void category_key(const DashboardView& d) {
    for (std::size_t c = 0; c < d.categories.size(); ++c) {
        int total = 0;
        for (const auto& row : d.per_month)
            total += c < row.size() ? row[c] : 0;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled({p.x, p.y + 2}, {p.x + 12, p.y + 14},
                                                  category_colour(c));
        ImGui::Dummy({14, 14});
        ImGui::SameLine();
        ImGui::Text("%s (%d)", d.categories[c].c_str(), total);
    }
}

/// Open cases per age band as horizontal bars with their counts.
void age_bars(const DashboardView& d, WidgetRects* rects) {
    const int peak =
        d.open_by_age.empty() ? 0 : *std::max_element(d.open_by_age.begin(), d.open_by_age.end());
    const float width = std::max(120.0f, ImGui::GetContentRegionAvail().x);
    const float label_w = 92, bar_h = 14;
    for (std::size_t b = 0; b < d.age_bands.size() && b < d.open_by_age.size(); ++b) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float start_x = ImGui::GetCursorPosX(); // SameLine counts from the window's edge
        ImGui::TextUnformatted(d.age_bands[b].c_str());
        const float w =
            peak > 0 ? (width - label_w - 40) * float(d.open_by_age[b]) / float(peak) : 0;
        // Older bands darker: they are the ones a manager chases.
        const int shade = 200 - int(b) * 35;
        ImGui::GetWindowDrawList()->AddRectFilled({p.x + label_w, p.y + 1},
                                                  {p.x + label_w + w, p.y + bar_h},
                                                  IM_COL32(shade, 60, 40, 255));
        ImGui::SameLine(start_x + label_w + w + 6);
        ImGui::Text("%d", d.open_by_age[b]);
        if (rects)
            record_item(*rects, "dashboard.age." + std::to_string(b));
    }
}

} // namespace

void draw_dashboard_panel(const ViewState& state, UiMemory& memory, Actions& out,
                          WidgetRects* rects) {
    if (!state.dashboard) {
        ImGui::TextDisabled(state.scene || state.progress ? "Computing..." : "No workspace open.");
        return;
    }
    const DashboardView& d = *state.dashboard;
    // The date the ages are counted to: typed, then Enter recomputes on a worker.
    if (!ImGui::IsAnyItemActive())
        std::snprintf(memory.dashboard_as_of, sizeof memory.dashboard_as_of, "%s", d.as_of.c_str());
    ImGui::TextUnformatted("Dashboard as of");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110);
    if (ImGui::InputTextWithHint("##as_of", "YYYY-MM-DD", memory.dashboard_as_of,
                                 sizeof memory.dashboard_as_of,
                                 ImGuiInputTextFlags_EnterReturnsTrue))
        if (const auto date = core::Date::parse(memory.dashboard_as_of))
            out.push_back(SetDashboardDate{*date});
    if (rects)
        record_item(*rects, "dashboard.as_of");
    ImGui::Separator();
    ImGui::TextUnformatted("Complaints received per month, by category");
    monthly_chart(d, rects);
    category_key(d);
    if (d.complaints_undated)
        ImGui::TextDisabled("%zu complaints without a readable date not shown",
                            d.complaints_undated);
    ImGui::Separator();
    ImGui::Text("Open cases by age (%zu open)", d.open_cases);
    age_bars(d, rects);
    if (d.open_undated)
        ImGui::TextDisabled("%zu open cases without an opened date", d.open_undated);
    ImGui::Separator();
    ImGui::TextUnformatted("Complaint to first site visit");
    if (d.median_days_to_visit)
        ImGui::Text("median %.1f days (%zu cases visited)", *d.median_days_to_visit,
                    d.visits_measured);
    else
        ImGui::TextDisabled("no case has a site visit recorded");
    if (rects)
        record_item(*rects, "dashboard.median");
}

} // namespace redline::ui
