// redline-cli case add / link / key-date / list / stage / show / profile: enforcement cases, what
// they rest on, their stage history and statutory clocks (issue #8).
#include "analysis/case_assessment.hpp"
#include "cli/case_output.hpp"
#include "cli/command.hpp"
#include "cli/text_table.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "core/records.hpp"
#include "core/text.hpp"
#include "store/workspace.hpp"
#include "workflow/case_files.hpp"
#include "workflow/case_opening.hpp"
#include "workflow/stage_change.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <ostream>

namespace redline::cli {
namespace {

void expect_positionals(const Args& args, std::size_t n) {
    if (args.positional_count() > n)
        throw core::UsageError("unexpected argument '" + args.m_positional[n] + "'");
}

std::string strict_date(const std::string& what, const std::string& text) {
    const auto d = core::Date::parse(text);
    if (!d || d->to_string() != text)
        throw core::UsageError(what + " '" + text + "': not a real date (YYYY-MM-DD)");
    return text;
}

core::Coord parse_at(const std::string& text) {
    const auto parts = core::split(text, ',');
    core::Coord c;
    if (parts.size() != 2 || !core::parse_double(core::trim(parts[0]), c.x) ||
        !core::parse_double(core::trim(parts[1]), c.y))
        throw core::UsageError("--at '" + text + "': expected E,N in metres");
    // The British National Grid's extent: catches swapped or degree-valued input.
    if (c.x < 0 || c.x > 700000 || c.y < 0 || c.y > 1300000)
        throw core::UsageError("--at '" + text +
                               "': not a British National Grid easting,northing in metres");
    return c;
}

int run_add(const Args& args, Io& io) {
    const auto& path = args.positional(0, "workspace file (WS)");
    expect_positionals(args, 1);
    // The arguments are checked here, naming the options; the case itself goes through the
    // workflow's checks, which `complaint add --open-case` and the viewer's intake form share.
    workflow::CaseInput c;
    c.reference = core::trim(args.require("ref"));
    if (c.reference.empty())
        throw core::UsageError("--ref must not be empty");
    c.application = args.get("application").value_or("");
    c.uprn = args.get("uprn").value_or("");
    if (!c.uprn.empty() &&
        (c.uprn.size() > 12 || c.uprn.find_first_not_of("0123456789") != std::string::npos))
        throw core::UsageError("--uprn '" + c.uprn + "': a UPRN is up to 12 digits");
    if (const auto at = args.get("at"))
        c.site = parse_at(*at);
    c.officer = args.get("officer").value_or("");
    c.alleged_breach = args.get("breach").value_or("");
    if (const auto start = args.get("breach-start"))
        c.breach_start = strict_date("--breach-start", *start);
    if (const auto opened = args.get("opened"))
        c.opened = strict_date("--opened", *opened);
    c.breach_type = args.get("breach-type").value_or("");
    c.nation = args.get("nation").value_or("");

    auto ws = store::Workspace::open(path, current_user());
    const auto opened = workflow::open_case(ws, c);
    io.out << "added case '" << opened.reference << "'\n";
    return 0;
}

int run_link(const Args& args, Io& io) {
    const auto& path = args.positional(0, "workspace file (WS)");
    const auto& case_ref = args.positional(1, "case reference");
    const auto& complaint_ref = args.positional(2, "complaint reference");
    expect_positionals(args, 3);
    auto ws = store::Workspace::open(path, current_user());
    ws.link_case_complaint(case_ref, complaint_ref);
    io.out << "linked complaint '" << complaint_ref << "' to case '" << case_ref << "'\n";
    return 0;
}

int run_key_date(const Args& args, Io& io) {
    const auto& path = args.positional(0, "workspace file (WS)");
    const auto& case_ref = args.positional(1, "case reference");
    const auto& kind = args.positional(2, "key date kind (e.g. pcn-served)");
    const auto& date = strict_date("date", args.positional(3, "date (YYYY-MM-DD)"));
    expect_positionals(args, 4);
    auto ws = store::Workspace::open(path, current_user());
    ws.add_case_key_date(case_ref, {kind, date, args.get("note").value_or("")});
    io.out << "case '" << case_ref << "': " << kind << " " << date << "\n";
    return 0;
}

std::string site_text(const core::EnforcementCase& c) {
    std::string out;
    auto add = [&](const std::string& s) { out += (out.empty() ? "" : "; ") + s; };
    if (!c.uprn.empty())
        add("UPRN " + c.uprn);
    if (!c.application_reference.empty())
        add("application " + c.application_reference);
    if (c.site) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "E,N %.2f,%.2f", c.site->x, c.site->y);
        add(buf);
    }
    return out.empty() ? "-" : out;
}

int run_list(const Args& args, Io& io) {
    const auto& path = args.positional(0, "workspace file (WS)");
    expect_positionals(args, 1);
    const auto ws = store::Workspace::open(path, current_user());
    const auto cases = ws.cases();
    if (args.flag("json")) {
        auto out = nlohmann::json::array();
        for (const auto& c : cases) {
            auto dates = nlohmann::json::array();
            for (const auto& k : ws.case_key_dates(c.reference))
                dates.push_back({{"kind", k.kind}, {"date", k.date}, {"note", k.note}});
            nlohmann::json site = nullptr;
            if (c.site)
                site = {{"easting", c.site->x}, {"northing", c.site->y}};
            out.push_back({{"reference", c.reference},
                           {"status", c.status},
                           {"opened_date", c.opened_date},
                           {"officer", c.officer},
                           {"uprn", c.uprn},
                           {"application_reference", c.application_reference},
                           {"site", site},
                           {"alleged_breach", c.alleged_breach},
                           {"breach_start_date", c.breach_start_date},
                           {"key_dates", dates},
                           {"complaints", c.complaint_references}});
        }
        io.out << out.dump(2) << "\n";
        return 0;
    }
    TextTable table({"reference", "status", "opened", "officer", "site", "breach start",
                     "complaints", "alleged breach"});
    for (const auto& c : cases) {
        std::string refs;
        for (const auto& r : c.complaint_references)
            refs += (refs.empty() ? "" : ",") + r;
        table.add({c.reference, c.status, c.opened_date, c.officer.empty() ? "-" : c.officer,
                   site_text(c), c.breach_start_date.empty() ? "-" : c.breach_start_date,
                   refs.empty() ? "-" : refs, c.alleged_breach});
    }
    table.print(io.out);
    return 0;
}

int run_stage(const Args& args, Io& io) {
    const auto& path = args.positional(0, "workspace file (WS)");
    const auto& case_ref = args.positional(1, "case reference");
    // The viewer's "Record stage" form fills the same fields and takes the same path, so both
    // refuse the same dates and transitions with the same words (workflow/stage_change.hpp).
    workflow::StageInput in;
    in.stage = args.positional(2, "stage (received, acknowledged, site-visit, ...)");
    expect_positionals(args, 3);
    in.date = args.require("date");
    in.served = args.get("served").value_or("");
    in.effective = args.get("effective").value_or("");
    in.compliance_days = args.get("compliance-days").value_or("");
    in.notice = args.get("notice").value_or("");
    in.outcome = args.get("outcome").value_or("");
    in.note = args.get("note").value_or("");
    auto ws = store::Workspace::open(path, current_user());
    const store::CaseStageRecord r = workflow::record_stage_change(ws, case_ref, in);
    io.out << "case '" << case_ref << "': " << r.stage << " " << r.date
           << (r.notice_kind.empty() ? "" : " (" + r.notice_kind + ")")
           << (r.outcome.empty() ? "" : " (" + r.outcome + ")") << "\n";
    return 0;
}

int run_profile(const Args& args, Io& io) {
    const auto& path = args.positional(0, "workspace file (WS)");
    const auto& case_ref = args.positional(1, "case reference");
    expect_positionals(args, 2);
    auto ws = store::Workspace::open(path, current_user());
    auto profile = ws.case_profile(case_ref);
    if (const auto v = args.get("breach-type"))
        profile.breach_type = *v;
    if (const auto v = args.get("nation"))
        profile.nation = *v;
    ws.set_case_profile(case_ref, profile);
    io.out << "case '" << case_ref << "': " << profile.breach_type << ", " << profile.nation
           << "\n";
    return 0;
}

int run_show(const Args& args, Io& io) {
    const auto& path = args.positional(0, "workspace file (WS)");
    const auto& case_ref = args.positional(1, "case reference");
    expect_positionals(args, 2);
    const auto as_of = as_of_date(args.get("as-of"));
    const auto ws = store::Workspace::open(path, current_user());
    const auto files = workflow::load_case_files(ws);
    const analysis::CaseFile* file = nullptr;
    for (const auto& f : files)
        if (f.record.reference == case_ref)
            file = &f;
    if (!file)
        throw core::StoreError("case '" + case_ref + "' does not exist");
    const auto holidays = analysis::BankHolidays::load_default();
    const auto a = analysis::assess_case(*file, as_of, holidays);
    const auto stages = ws.case_stages(case_ref);
    const auto& c = file->record;

    if (args.flag("json")) {
        auto history = nlohmann::json::array();
        for (const auto& s : stages) {
            history.push_back(
                {{"stage", s.stage},
                 {"date", s.date},
                 {"served", s.served_date},
                 {"effective", s.effective_date},
                 {"compliance_days",
                  s.compliance_days ? nlohmann::json(*s.compliance_days) : nlohmann::json()},
                 {"notice", s.notice_kind},
                 {"outcome", s.outcome},
                 {"note", s.note},
                 {"recorded_at", s.recorded_at},
                 {"user", s.user}});
        }
        auto clocks = nlohmann::json::array();
        for (const auto& k : a.clocks)
            clocks.push_back(clock_json(k, as_of));
        nlohmann::json j = {{"reference", c.reference},
                            {"as_of", as_of.to_string()},
                            {"officer", c.officer},
                            {"status", c.status},
                            {"stage", analysis::to_string(a.stage)},
                            {"outcome", a.outcome ? nlohmann::json(analysis::to_string(*a.outcome))
                                                  : nlohmann::json()},
                            {"breach_type", analysis::to_string(file->breach_type)},
                            {"nation", analysis::to_string(file->nation)},
                            {"alleged_breach", c.alleged_breach},
                            {"breach_start_date", c.breach_start_date},
                            {"opened_date", c.opened_date},
                            {"immunity_date", a.immunity_date
                                                  ? nlohmann::json(a.immunity_date->to_string())
                                                  : nlohmann::json()},
                            {"immunity_basis", a.immunity_basis},
                            {"priority", analysis::to_string(a.priority.level)},
                            {"priority_reasons", a.priority.reasons},
                            {"acknowledge_working_days", a.priority.acknowledge_working_days},
                            {"visit_working_days", a.priority.visit_working_days},
                            {"findings_at_site", file->findings.codes},
                            {"complaints", c.complaint_references},
                            {"stages", history},
                            {"clocks", clocks},
                            {"warnings", a.warnings}};
        io.out << j.dump(2) << "\n";
        return 0;
    }
    io.out << "Case " << c.reference << " (as of " << as_of.to_string() << ")\n"
           << "  officer:        " << (c.officer.empty() ? "-" : c.officer) << "\n"
           << "  alleged breach: " << (c.alleged_breach.empty() ? "-" : c.alleged_breach) << "\n"
           << "  breach type:    " << analysis::to_string(file->breach_type) << " ("
           << analysis::to_string(file->nation) << ")\n"
           << "  breach start:   " << (c.breach_start_date.empty() ? "-" : c.breach_start_date)
           << "\n"
           << "  immunity date:  "
           << (a.immunity_date ? a.immunity_date->to_string() + " - " + a.immunity_basis
                               : std::string("unknown (no breach start date)"))
           << "\n"
           << "  stage:          " << analysis::to_string(a.stage)
           << (a.outcome ? std::string(" (") + analysis::to_string(*a.outcome) + ")" : "") << "\n"
           << "  priority:       " << analysis::to_string(a.priority.level) << " (acknowledge "
           << a.priority.acknowledge_working_days << ", visit " << a.priority.visit_working_days
           << " working days)\n";
    for (const auto& r : a.priority.reasons)
        io.out << "    because: " << r << "\n";
    io.out << "\nStage history:\n";
    TextTable h({"date", "stage", "notice/outcome", "served", "effective", "compliance", "by"});
    for (const auto& s : stages)
        h.add({s.date, s.stage,
               !s.notice_kind.empty() ? s.notice_kind : (s.outcome.empty() ? "-" : s.outcome),
               s.served_date.empty() ? "-" : s.served_date,
               s.effective_date.empty() ? "-" : s.effective_date,
               s.compliance_days ? std::to_string(*s.compliance_days) + " days" : "-", s.user});
    if (h.size() == 0)
        io.out << "  none recorded (received on opening)\n";
    else
        h.print(io.out);
    io.out << "\nClocks:\n";
    TextTable t({"clock", "date", "days left", "state", "what", "basis", "note"});
    for (const auto& k : a.clocks)
        t.add({k.name, k.date.to_string(), std::to_string(k.days_left(as_of)),
               analysis::to_string(k.state), k.action, k.basis, k.note.empty() ? "-" : k.note});
    t.print(io.out);
    for (const auto& w : a.warnings)
        io.out << "warning: " << w << "\n";
    return 0;
}

const Registrar k_add{
    {"case add",
     "WS --ref REF [--application APP_REF] [--uprn UPRN] [--at E,N] "
     "[--officer NAME] [--breach TEXT] [--breach-start DATE] [--opened DATE] "
     "[--breach-type operational|change-of-use-dwelling|condition|other] [--nation "
     "england|wales]",
     "Open an enforcement case; its site is any of an application, a UPRN, a "
     "point (opened today unless --opened). --breach-start is the date works were substantially "
     "completed for operational development (s171B).",
     {"ref", "application", "uprn", "at", "officer", "breach", "breach-start", "opened",
      "breach-type", "nation"},
     {},
     &run_add}};

const Registrar k_link{
    {"case link", "WS CASE_REF COMPLAINT_REF", "Link a complaint to a case.", {}, {}, &run_link}};

const Registrar k_key_date{{"case key-date",
                            "WS CASE_REF KIND DATE [--note TEXT]",
                            "Record a key date of a case (pcn-served, notice-issued, "
                            "notice-effective, compliance-due, ...).",
                            {"note"},
                            {},
                            &run_key_date}};

const Registrar k_list{{"case list",
                        "WS [--json]",
                        "List enforcement cases with their sites and linked complaints (--json "
                        "adds key dates).",
                        {},
                        {"json"},
                        &run_list}};

const Registrar k_stage{
    {"case stage",
     "WS CASE_REF STAGE --date DATE [--served DATE] [--effective DATE] [--compliance-days N] "
     "[--notice KIND] [--outcome O] [--note TEXT]",
     "Record a dated stage change (received, acknowledged, site-visit, investigation, "
     "negotiation, notice-issued --notice KIND, appeal, compliance-check, prosecution, closed "
     "--outcome O); audited and append-only.",
     {"date", "served", "effective", "compliance-days", "notice", "outcome", "note"},
     {},
     &run_stage}};

const Registrar k_profile{{"case profile",
                           "WS CASE_REF [--breach-type TYPE] [--nation england|wales]",
                           "Change how a case's breach is classified for immunity (s171B).",
                           {"breach-type", "nation"},
                           {},
                           &run_profile}};

const Registrar k_show{{"case show",
                        "WS CASE_REF [--as-of DATE] [--json]",
                        "A case's stage history, every clock (immunity_date included) with days "
                        "left, and its priority with reasons.",
                        {"as-of"},
                        {"json"},
                        &run_show}};

} // namespace
} // namespace redline::cli
