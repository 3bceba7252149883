// redline-cli case add / link / key-date / list: enforcement cases and what they rest on.
#include "cli/command.hpp"
#include "cli/text_table.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "core/records.hpp"
#include "core/text.hpp"
#include "store/workspace.hpp"

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
    core::EnforcementCase c;
    c.reference = core::trim(args.require("ref"));
    if (c.reference.empty())
        throw core::UsageError("--ref must not be empty");
    c.application_reference = args.get("application").value_or("");
    c.uprn = args.get("uprn").value_or("");
    if (!c.uprn.empty() &&
        (c.uprn.size() > 12 || c.uprn.find_first_not_of("0123456789") != std::string::npos))
        throw core::UsageError("--uprn '" + c.uprn + "': a UPRN is up to 12 digits");
    if (const auto at = args.get("at"))
        c.site = parse_at(*at);
    c.officer = args.get("officer").value_or("");
    c.alleged_breach = args.get("breach").value_or("");
    if (const auto start = args.get("breach-start"))
        c.breach_start_date = strict_date("--breach-start", *start);
    if (const auto opened = args.get("opened"))
        c.opened_date = strict_date("--opened", *opened);

    auto ws = store::Workspace::open(path, current_user());
    ws.add_case(c);
    io.out << "added case '" << c.reference << "'\n";
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

const Registrar k_add{
    {"case add",
     "WS --ref REF [--application APP_REF] [--uprn UPRN] [--at E,N] "
     "[--officer NAME] [--breach TEXT] [--breach-start DATE] [--opened DATE]",
     "Open an enforcement case; its site is any of an application, a UPRN, a "
     "point (opened today unless --opened).",
     {"ref", "application", "uprn", "at", "officer", "breach", "breach-start", "opened"},
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

} // namespace
} // namespace redline::cli
