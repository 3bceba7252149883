// The findings table and the saved measurements: what was measured, against which limit, under
// which provision.
#include "print/pack_page.hpp"

namespace redline::print::detail {

void write_findings_pages(TextFlow& flow, const EvidencePack& pack) {
    flow.heading("Findings of the breach check");
    for (const auto& line : pack.findings_section.lines)
        flow.paragraph(line);
    if (!pack.findings.empty()) {
        std::vector<std::vector<std::string>> rows;
        int n = 0;
        for (const auto& f : pack.findings)
            rows.push_back({"F" + std::to_string(++n), f.code, f.severity, f.value, f.limit,
                            f.provision, f.explanation});
        flow.table({0.5, 2.0, 1.0, 1.1, 1.1, 2.0, 4.2},
                   {"#", "Code", "Severity", "Measured", "Limit", "Provision", "Explanation"},
                   rows);
    }
    flow.space(3);
    flow.heading("Saved measurements");
    if (pack.measurements.empty()) {
        flow.paragraph("No measurement has been saved to this case.");
        return;
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& m : pack.measurements)
        rows.push_back({m.label, m.value, m.uncertainty, m.method});
    flow.table({1.5, 2.0, 1.2, 4.0}, {"Measurement", "Value", "Uncertainty", "Method"}, rows);
}

void write_chronology_pages(TextFlow& flow, const EvidencePack& pack) {
    flow.heading("Case chronology");
    for (const auto& line : pack.chronology_section.lines)
        flow.paragraph(line);
    if (pack.chronology.empty())
        return;
    std::vector<std::vector<std::string>> rows;
    for (const auto& e : pack.chronology)
        rows.push_back({e.date, e.event, e.note});
    flow.table({1.2, 2.5, 5.0}, {"Date", "Event", "Note"}, rows, 8);
}

} // namespace redline::print::detail
