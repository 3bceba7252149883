#include "workflow/workload_export.hpp"

#include "analysis/working_days.hpp"
#include "core/error.hpp"
#include "core/sha256.hpp"
#include "workflow/case_files.hpp"

#include <nlohmann/json.hpp>

#include <fstream>

namespace redline::workflow {
namespace {

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

} // namespace

std::string workload_csv(const std::vector<analysis::WorkloadItem>& items) {
    std::string out = "rank,case,priority,stage,officer,due_date,days_left,overdue,what_is_due,"
                      "why,priority_because\n";
    int rank = 0;
    for (const auto& it : items) {
        std::string reasons;
        for (const auto& r : it.priority_reasons)
            reasons += (reasons.empty() ? "" : "; ") + r;
        const std::vector<std::string> row = {std::to_string(++rank),
                                              it.reference,
                                              analysis::to_string(it.priority),
                                              analysis::to_string(it.stage),
                                              it.officer,
                                              it.next ? it.next->date.to_string() : "",
                                              it.next ? std::to_string(it.days_left) : "",
                                              it.overdue ? "yes" : "no",
                                              it.next ? it.due : "nothing pending",
                                              it.next ? it.why : "",
                                              reasons};
        for (std::size_t i = 0; i < row.size(); ++i)
            out += (i ? "," : "") + csv_field(row[i]);
        out += "\n";
    }
    return out;
}

WorkloadExport export_workload_csv(store::Workspace& ws, const std::filesystem::path& out,
                                   const core::Date& as_of,
                                   const std::optional<std::string>& officer) {
    const auto items = analysis::build_workload(
        load_case_files(ws), as_of, analysis::BankHolidays::load_default(), {}, officer);
    const std::string text = workload_csv(items);
    {
        std::ofstream f(out, std::ios::binary | std::ios::trunc);
        f << text;
        f.close();
        if (!f)
            throw core::IoError("cannot write the workload CSV", {out.string()});
    }
    WorkloadExport e;
    e.cases = items.size();
    e.sha256 = core::sha256_hex(text);
    ws.append_audit("workload-export", nlohmann::json{{"file", out.filename().string()},
                                                      {"as_of", as_of.to_string()},
                                                      {"officer", officer.value_or("")},
                                                      {"cases", e.cases},
                                                      {"sha256", e.sha256}}
                                           .dump());
    return e;
}

} // namespace redline::workflow
