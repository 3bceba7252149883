// redline-cli check: run the breach screening rules over a workspace, write the findings to a file
// (GeoPackage, GeoJSON or CSV by extension), store the run and its findings in the workspace, and
// print a summary by rule, the skipped rules and each complaint's findings.
#include "analysis/breach_engine.hpp"
#include "cli/command.hpp"
#include "cli/text_table.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "core/version.hpp"
#include "io/vector_writer.hpp"
#include "store/workspace.hpp"
#include "workflow/breach_check.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <future>
#include <map>
#include <ostream>

namespace redline::cli {
namespace {

using analysis::Finding;

nlohmann::json optional_json(const std::optional<double>& v) {
    return v ? nlohmann::json(std::round(*v * 1000.0) / 1000.0) : nlohmann::json(nullptr);
}

nlohmann::json finding_json(const Finding& f) {
    return {{"code", f.code},
            {"severity", analysis::to_string(f.severity)},
            {"development_id", f.development_id},
            {"applications", f.applications},
            {"uprn", f.uprn},
            {"complaints", f.complaints},
            {"value", optional_json(f.value)},
            {"limit", optional_json(f.limit)},
            {"unit", f.unit},
            {"distance_m", optional_json(f.distance_m)},
            {"annotation", f.annotation_text},
            {"explanation", f.explanation},
            {"provision", f.provision}};
}

std::string value_text(const Finding& f) {
    if (!f.value)
        return "-";
    std::string s = analysis::format_number(*f.value) + " " + f.unit;
    if (f.limit)
        s += " (limit " + analysis::format_number(*f.limit) + ")";
    return s;
}

int run_check(const Args& args, Io& io) {
    const auto& path = args.positional(0, "workspace file (WS)");
    if (args.positional_count() > 1)
        throw core::UsageError("unexpected argument '" + args.m_positional[1] + "'");
    const std::string out_path = args.require("out");
    analysis::Parameters params;
    if (const auto rules = args.get("rules"))
        params.apply_rules_file(*rules);
    for (const auto& s : args.all("set"))
        params.set_assignment(s);
    analysis::CheckOptions options;
    if (const auto t = args.get("threads")) {
        double n = 0;
        if (!core::parse_double(*t, n) || n < 1 || n > 1024 || n != static_cast<int>(n))
            throw core::UsageError("--threads '" + *t + "': expected a whole number from 1");
        options.threads = static_cast<unsigned>(n);
    }
    auto ws = store::Workspace::open(path, current_user());
    std::vector<store::CheckRunInput> used;
    auto input = workflow::read_breach_input(ws, used);
    if (const auto as_of = args.get("as-of")) {
        const auto d = core::Date::parse(*as_of);
        if (!d || d->to_string() != *as_of)
            throw core::UsageError("--as-of '" + *as_of + "': expected a real date YYYY-MM-DD");
        input.as_of = *d;
    }
    std::string last_stage;
    options.progress = [&](double, std::string_view stage) {
        if (stage != last_stage)
            io.err << "  " << stage << "\n";
        last_stage = stage;
        return true;
    };
    const auto result = analysis::run_check(input, params, options);

    // The output file and the workspace are different files: write the one on a second thread
    // while storing into the other, and commit the run only once the file is written, so that a
    // failed write leaves the workspace as it was.
    auto written = std::async(std::launch::async, [&] {
        io::write_vector(out_path, analysis::findings_layer(result.findings, "findings"));
    });

    store::CheckRunRecord run;
    const auto run_id =
        workflow::store_breach_check(ws, result, params, used, run, [&] { written.get(); });

    std::map<std::string, std::size_t> by_code;
    for (const auto& f : result.findings)
        ++by_code[f.code];
    if (args.flag("json")) {
        nlohmann::json j;
        j["run_id"] = run_id;
        j["as_of"] = run.as_of;
        j["out"] = out_path;
        j["developments"] = result.development_count;
        j["demolitions"] = result.demolition_count;
        j["parameters"] = nlohmann::json::parse(run.parameters_json);
        j["counts"] = by_code;
        j["skipped"] = nlohmann::json::parse(run.skipped_json);
        auto findings = nlohmann::json::array();
        for (const auto& f : result.findings)
            findings.push_back(finding_json(f));
        j["findings"] = findings;
        auto complaints = nlohmann::json::array();
        for (const auto& c : result.complaints) {
            auto list = nlohmann::json::array();
            for (const auto i : c.findings)
                list.push_back({{"code", result.findings[i].code},
                                {"development_id", result.findings[i].development_id},
                                {"value", optional_json(result.findings[i].value)}});
            complaints.push_back({{"reference", c.reference},
                                  {"uprn", c.uprn},
                                  {"status", c.breach_detected ? "findings" : "no-breach-detected"},
                                  {"findings", list}});
        }
        j["complaints"] = complaints;
        io.out << j.dump(2) << "\n";
        return 0;
    }
    io.out << "breach check of '" << path << "' as of " << run.as_of << " (run " << run_id
           << "): " << result.development_count << " developments, " << result.demolition_count
           << " demolitions, " << result.findings.size() << " findings written to " << out_path
           << "\n\n";
    TextTable counts({"code", "severity", "findings"});
    for (const auto& rule : analysis::breach_rules()) {
        const auto it = by_code.find(rule.code);
        counts.add({rule.code, analysis::to_string(rule.severity),
                    std::to_string(it == by_code.end() ? 0 : it->second)});
    }
    if (const auto it = by_code.find(analysis::k_no_breach_detected); it != by_code.end())
        counts.add({analysis::k_no_breach_detected, "info", std::to_string(it->second)});
    counts.print(io.out);
    if (!result.skipped.empty()) {
        io.out << "\nskipped rules:\n";
        for (const auto& s : result.skipped)
            io.out << "  " << s.code << ": " << s.reason << "\n";
    }
    if (!result.complaints.empty()) {
        io.out << "\ncomplaints:\n";
        for (const auto& c : result.complaints) {
            io.out << "  " << c.reference << (c.uprn.empty() ? "" : " (uprn " + c.uprn + ")")
                   << ":";
            if (!c.breach_detected) {
                io.out << " no-breach-detected (still needs a visit: change of use and activities "
                          "are invisible to geometry)\n";
                continue;
            }
            io.out << "\n";
            for (const auto i : c.findings) {
                const auto& f = result.findings[i];
                io.out << "    " << f.code << " " << f.development_id << " " << value_text(f)
                       << "\n";
            }
        }
    }
    return 0;
}

const Registrar k_registrar{
    {"check",
     "WS --out FILE [--as-of YYYY-MM-DD] [--set NAME=VALUE]... [--rules FILE] [--threads N] "
     "[--json]",
     "Screen a workspace for potential breaches (shared/docs/breach-rules.md): write the findings "
     "(.gpkg, .geojson or .csv), store the run in the workspace and print a summary.",
     {"out", "as-of", "set", "rules", "threads"},
     {"json"},
     &run_check}};

} // namespace
} // namespace redline::cli
