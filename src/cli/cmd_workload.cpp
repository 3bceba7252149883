// redline-cli workload: the officer's open cases ordered by urgency with what is due and why, and
// the manager's summary (issue #8).
#include "analysis/case_workload.hpp"
#include "cli/case_output.hpp"
#include "cli/command.hpp"
#include "cli/text_table.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "workflow/case_files.hpp"
#include "workflow/workload_export.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <ostream>

namespace redline::cli {

core::Date as_of_date(const std::optional<std::string>& text, const char* option) {
    if (!text)
        return core::Date::today();
    const auto d = core::Date::parse(*text);
    if (!d || d->to_string() != *text)
        throw core::UsageError(std::string(option) + " '" + *text +
                               "': not a real date (YYYY-MM-DD)");
    return *d;
}

nlohmann::json clock_json(const analysis::Clock& c, const core::Date& as_of) {
    return {{"name", c.name},
            {"date", c.date.to_string()},
            {"days_left", c.days_left(as_of)},
            {"state", analysis::to_string(c.state)},
            {"kind", c.kind == analysis::ClockKind::Action ? "action" : "event"},
            {"statutory", c.statutory},
            {"action", c.action},
            {"basis", c.basis},
            {"met_on", c.met_on ? nlohmann::json(c.met_on->to_string()) : nlohmann::json()},
            {"note", c.note}};
}

namespace {

std::string days_text(long d) {
    if (d < 0)
        return std::to_string(-d) + " overdue";
    return std::to_string(d) + " left";
}

std::string percent_text(const analysis::Performance& p) {
    const auto pc = p.percent();
    if (!pc)
        return "n/a (no cases yet)";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.0f%% (%d of %d)", *pc, p.met, p.total);
    return buf;
}

int print_summary(const analysis::WorkloadSummary& s, bool json, Io& io) {
    if (json) {
        nlohmann::json j;
        j["as_of"] = s.as_of.to_string();
        j["open_cases"] = s.open_cases;
        j["closed_cases"] = s.closed_cases;
        j["overdue_cases"] = s.overdue_cases;
        j["by_stage"] = s.by_stage;
        j["by_priority"] = s.by_priority;
        j["by_age"] = nlohmann::json::array();
        for (const auto& [band, n] : s.by_age)
            j["by_age"].push_back({{"band", band}, {"cases", n}});
        j["next_30_days"] = nlohmann::json::array();
        for (const auto& d : s.next_30_days) {
            auto c = clock_json(d.clock, s.as_of);
            c["case"] = d.reference;
            c["officer"] = d.officer;
            j["next_30_days"].push_back(c);
        }
        j["performance"] = nlohmann::json::array();
        for (const auto& p : s.performance)
            j["performance"].push_back(
                {{"measure", p.name},
                 {"met", p.met},
                 {"total", p.total},
                 {"percent", p.percent() ? nlohmann::json(*p.percent()) : nlohmann::json()}});
        io.out << j.dump(2) << "\n";
        return 0;
    }
    io.out << "Workload summary as of " << s.as_of.to_string() << ": " << s.open_cases << " open, "
           << s.closed_cases << " closed, " << s.overdue_cases
           << " open with something overdue\n\nOpen cases by stage:\n";
    for (const auto& [stage, n] : s.by_stage)
        io.out << "  " << stage << ": " << n << "\n";
    io.out << "Open cases by priority:\n";
    for (const auto& [p, n] : s.by_priority)
        io.out << "  " << p << ": " << n << "\n";
    io.out << "Open cases by age since opening:\n";
    for (const auto& [band, n] : s.by_age)
        io.out << "  " << band << ": " << n << "\n";
    io.out << "\nDeadlines in the next 30 days:\n";
    TextTable t({"date", "days", "case", "officer", "clock", "what"});
    for (const auto& d : s.next_30_days)
        t.add({d.clock.date.to_string(), std::to_string(d.clock.days_left(s.as_of)), d.reference,
               d.officer.empty() ? "-" : d.officer, d.clock.name, d.clock.action});
    if (t.size() == 0)
        io.out << "  none\n";
    else
        t.print(io.out);
    io.out << "\nPerformance against targets:\n";
    for (const auto& p : s.performance)
        io.out << "  " << p.name << ": " << percent_text(p) << "\n";
    return 0;
}

int run_workload(const Args& args, Io& io) {
    const auto& path = args.positional(0, "workspace file (WS)");
    if (args.positional_count() > 1)
        throw core::UsageError("unexpected argument '" + args.m_positional[1] + "'");
    const auto as_of = as_of_date(args.get("as-of"));
    const auto officer = args.get("officer");
    if (const auto out = args.get("out")) {
        if (args.flag("summary") || args.flag("json"))
            throw core::UsageError("--out writes the workload list as CSV: not with --summary or "
                                   "--json");
        auto ws = store::Workspace::open(path, current_user());
        const auto e = workflow::export_workload_csv(ws, *out, as_of, officer);
        io.out << "wrote " << *out << ": " << e.cases << " open cases as of " << as_of.to_string()
               << "\nSHA-256 " << e.sha256 << "\n";
        return 0;
    }
    const auto ws = store::Workspace::open(path, current_user());
    const auto cases = workflow::load_case_files(ws);
    const auto holidays = analysis::BankHolidays::load_default();
    const bool json = args.flag("json");
    if (args.flag("summary"))
        return print_summary(analysis::summarise_workload(cases, as_of, holidays, {}, officer),
                             json, io);

    const auto items = analysis::build_workload(cases, as_of, holidays, {}, officer);
    if (json) {
        auto out = nlohmann::json::array();
        for (const auto& it : items) {
            auto also = nlohmann::json::array();
            for (const auto& c : it.also_due)
                also.push_back(clock_json(c, as_of));
            out.push_back({{"reference", it.reference},
                           {"officer", it.officer},
                           {"stage", analysis::to_string(it.stage)},
                           {"priority", analysis::to_string(it.priority)},
                           {"priority_reasons", it.priority_reasons},
                           {"overdue", it.overdue},
                           {"next", it.next ? clock_json(*it.next, as_of) : nlohmann::json()},
                           {"due", it.due},
                           {"why", it.why},
                           {"also_due", also}});
        }
        io.out << out.dump(2) << "\n";
        return 0;
    }
    io.out << "Workload as of " << as_of.to_string() << (officer ? " for " + *officer : "") << ": "
           << items.size() << " open cases, most urgent first\n";
    TextTable t({"#", "case", "prio", "stage", "officer", "due date", "days", "what is due", "why",
                 "priority because"});
    int n = 0;
    for (const auto& it : items) {
        std::string reasons;
        for (const auto& r : it.priority_reasons)
            reasons += (reasons.empty() ? "" : "; ") + r;
        t.add({std::to_string(++n), it.reference, analysis::to_string(it.priority),
               analysis::to_string(it.stage), it.officer.empty() ? "-" : it.officer,
               it.next ? it.next->date.to_string() : "-", it.next ? days_text(it.days_left) : "-",
               it.next ? it.due : "nothing pending", it.next ? it.why : "-", reasons});
    }
    t.print(io.out);
    return 0;
}

const Registrar k_reg{{"workload",
                       "WS [--officer NAME] [--as-of DATE] [--json] [--summary] [--out FILE.csv]",
                       "Open cases ordered by urgency (overdue first, then the nearest date) with "
                       "what is due and why; --summary gives the manager's view; --out writes "
                       "the list as CSV (audited with its SHA-256).",
                       {"officer", "as-of", "out"},
                       {"json", "summary"},
                       &run_workload}};

} // namespace
} // namespace redline::cli
