// redline-cli complaint add / complaint list. The complainant's name and contact are confidential
// (councils have leaked them before): list shows them only when asked, and the asking is audited.
#include "cli/command.hpp"
#include "cli/text_table.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "core/records.hpp"
#include "core/text.hpp"
#include "crs/transformer.hpp"
#include "store/workspace.hpp"
#include "workflow/complaint_intake.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <ostream>

namespace redline::cli {
namespace {

/// "X,Y" as two finite numbers, or UsageError naming the option.
core::Coord parse_pair(const std::string& option, const std::string& text) {
    const auto parts = core::split(text, ',');
    core::Coord c;
    if (parts.size() != 2 || !core::parse_double(core::trim(parts[0]), c.x) ||
        !core::parse_double(core::trim(parts[1]), c.y))
        throw core::UsageError("--" + option + " '" + text + "': expected two numbers X,Y");
    return c;
}

/// The complaint's location in EPSG:27700 from exactly one of --at E,N or --lonlat LON,LAT.
core::Coord location(const Args& args) {
    const auto at = args.get("at");
    const auto lonlat = args.get("lonlat");
    if (at.has_value() == lonlat.has_value())
        throw core::UsageError("give exactly one of --at E,N (British National Grid metres) and "
                               "--lonlat LON,LAT (WGS84 degrees)");
    if (at) {
        const auto c = parse_pair("at", *at);
        // The British National Grid's extent (EPSG:27700 area of use), so that swapped or
        // degree-valued input is caught here rather than mapped somewhere in the sea.
        if (c.x < 0 || c.x > 700000 || c.y < 0 || c.y > 1300000)
            throw core::UsageError("--at '" + *at +
                                   "': not a British National Grid easting,northing in metres");
        return c;
    }
    const auto ll = parse_pair("lonlat", *lonlat);
    if (ll.x < -180 || ll.x > 180 || ll.y < -90 || ll.y > 90)
        throw core::UsageError("--lonlat '" + *lonlat + "': longitude,latitude out of range");
    const crs::Transformer to_bng("EPSG:4326", "EPSG:27700");
    return to_bng.transform(ll);
}

std::string strict_date(const std::string& option, const std::string& text) {
    const auto d = core::Date::parse(text);
    if (!d || d->to_string() != text)
        throw core::UsageError("--" + option + " '" + text + "': not a real date (YYYY-MM-DD)");
    return text;
}

void expect_positionals(const Args& args, std::size_t n) {
    if (args.positional_count() > n)
        throw core::UsageError("unexpected argument '" + args.m_positional[n] + "'");
}

int run_add(const Args& args, Io& io) {
    const auto& path = args.positional(0, "workspace file (WS)");
    expect_positionals(args, 1);
    // Everything is checked before the workspace is opened: a bad argument changes nothing.
    core::Complaint c;
    c.reference = core::trim(args.require("ref"));
    if (c.reference.empty())
        throw core::UsageError("--ref must not be empty");
    c.received_date = strict_date("received", args.require("received"));
    c.category = args.get("category").value_or("");
    const auto& categories = core::complaint_categories();
    if (!c.category.empty() &&
        std::find(categories.begin(), categories.end(), c.category) == categories.end()) {
        std::string known;
        for (const auto& k : categories)
            known += (known.empty() ? "" : ", ") + k;
        throw core::UsageError("--category '" + c.category + "': not one of " + known);
    }
    c.description = args.get("description").value_or("");
    c.complainant_name = args.get("complainant-name").value_or("");
    c.complainant_contact = args.get("complainant-contact").value_or("");
    c.location = location(args);
    workflow::IntakeOptions options;
    options.join_case_at_site = args.flag("join-case");
    if (args.flag("open-case")) {
        if (options.join_case_at_site)
            throw core::UsageError("give --join-case or --open-case, not both");
        workflow::CaseInput k;
        k.reference = args.get("case-ref").value_or("");
        if (args.get("case-ref") && core::trim(k.reference).empty())
            throw core::UsageError("--case-ref must not be empty (leave it out for the next "
                                   "free reference)");
        k.officer = args.get("officer").value_or("");
        k.alleged_breach = args.get("breach").value_or("");
        if (const auto opened = args.get("opened"))
            k.opened = strict_date("opened", *opened);
        k.breach_type = args.get("breach-type").value_or("");
        options.open_case = k;
    } else {
        for (const char* o : {"case-ref", "officer", "breach", "opened", "breach-type"})
            if (args.get(o))
                throw core::UsageError(std::string("--") + o +
                                       " is for the case --open-case opens");
    }

    // The viewer's "Add complaint" takes the same path: the site is found, the complaint joins
    // the open case there or opens a new one when asked (one transaction either way), and
    // duplicates of the same site are offered for merging.
    workflow::ComplaintInput in{c.reference,   c.received_date,    c.category,
                                c.description, c.complainant_name, c.complainant_contact,
                                c.location};
    auto ws = store::Workspace::open(path, current_user());
    const auto r = workflow::take_complaint(ws, in, options);
    char where[64];
    std::snprintf(where, sizeof where, "%.2f, %.2f", c.location.x, c.location.y);
    io.out << "added complaint '" << c.reference << "' at E,N " << where << " (EPSG:27700)\n"
           << "  site: " << r.site.describe() << "\n";
    if (r.case_opened)
        io.out << "  opened case '" << r.linked_case << "' with it\n";
    else if (!r.linked_case.empty())
        io.out << "  linked to open case '" << r.linked_case << "'\n";
    else if (!r.site.open_cases.empty())
        io.out << "  open case(s) at this site: " << r.site.open_cases.front()
               << " (--join-case links it)\n";
    for (const auto& d : r.duplicates)
        io.out << "  possible duplicate: " << d.keep << " and " << d.duplicate << ", "
               << d.days_apart << " days apart, " << d.same_site
               << " (redline-cli complaint merge WS " << d.keep << " " << d.duplicate << ")\n";
    return 0;
}

int run_import(const Args& args, Io& io) {
    const auto& path = args.positional(0, "workspace file (WS)");
    const auto& csv = args.positional(1, "complaints CSV");
    expect_positionals(args, 2);
    auto ws = store::Workspace::open(path, current_user());
    const auto r = workflow::import_complaints_csv(ws, csv);
    io.out << "imported " << r.references.size() << " complaints from " << csv << " as layer '"
           << r.report.layer_name << "'\n  source CRS: " << r.report.source_crs
           << "\n  transformation: " << r.report.transformation << "\n";
    for (const auto& i : r.report.issues)
        io.out << "  - " << (i.field.empty() ? "" : "field '" + i.field + "': ") << i.message
               << "\n";
    for (const auto& d : r.duplicates)
        io.out << "  possible duplicate: " << d.keep << " and " << d.duplicate << ", "
               << d.days_apart << " days apart, " << d.same_site << "\n";
    return 0;
}

int run_list(const Args& args, Io& io) {
    const auto& path = args.positional(0, "workspace file (WS)");
    expect_positionals(args, 1);
    const bool reveal = args.flag("show-confidential");
    auto ws = store::Workspace::open(path, current_user());
    const auto complaints = ws.complaints();
    if (reveal) {
        // On the record before anything is shown: if the audit entry cannot be written, nothing
        // confidential is printed.
        auto refs = nlohmann::json::array();
        for (const auto& c : complaints)
            refs.push_back(c.reference);
        ws.append_audit("reveal-confidential",
                        nlohmann::json{{"command", "complaint list"}, {"complaints", refs}}.dump());
    }
    if (args.flag("json")) {
        auto out = nlohmann::json::array();
        for (const auto& c : complaints) {
            nlohmann::json j = {{"reference", c.reference}, {"received_date", c.received_date},
                                {"category", c.category},   {"description", c.description},
                                {"status", c.status},       {"easting", c.location.x},
                                {"northing", c.location.y}, {"source_layer", c.source_layer}};
            if (reveal) {
                j["complainant_name"] = c.complainant_name;
                j["complainant_contact"] = c.complainant_contact;
            }
            out.push_back(j);
        }
        io.out << out.dump(2) << "\n";
        return 0;
    }
    std::vector<std::string> header{"reference", "received", "category", "status",
                                    "E",         "N",        "source",   "description"};
    if (reveal) {
        header.push_back("complainant");
        header.push_back("contact");
    }
    TextTable table(header);
    for (const auto& c : complaints) {
        char e[32], n[32];
        std::snprintf(e, sizeof e, "%.2f", c.location.x);
        std::snprintf(n, sizeof n, "%.2f", c.location.y);
        std::vector<std::string> row{c.reference,
                                     c.received_date,
                                     c.category,
                                     c.status,
                                     e,
                                     n,
                                     c.source_layer.empty() ? "-" : c.source_layer,
                                     c.description};
        if (reveal) {
            row.push_back(c.complainant_name);
            row.push_back(c.complainant_contact);
        }
        table.add(std::move(row));
    }
    table.print(io.out);
    if (!reveal)
        io.out << "(complainant names and contacts hidden; --show-confidential reveals them and "
                  "is recorded in the audit log)\n";
    return 0;
}

const Registrar k_add{
    {"complaint add",
     "WS --ref REF --received YYYY-MM-DD (--at E,N | --lonlat LON,LAT) "
     "[--category C] [--description TEXT] [--complainant-name NAME] "
     "[--complainant-contact TEXT] [--join-case | --open-case [--case-ref "
     "REF] [--officer NAME] [--breach TEXT] [--opened DATE] [--breach-type "
     "TYPE]]",
     "Record a complaint (a reported suspected breach) at a point; shows the "
     "site and possible duplicates; --join-case links it to the open case "
     "there, --open-case opens a new case with it (reference: the next free "
     "one of the received year unless --case-ref), in the same transaction.",
     {"ref", "received", "at", "lonlat", "category", "description", "complainant-name",
      "complainant-contact", "case-ref", "officer", "breach", "opened", "breach-type"},
     {"join-case", "open-case"},
     &run_add}};

const Registrar k_import{{"complaint import",
                          "WS FILE.csv",
                          "Import complaints from a CSV with longitude/latitude, "
                          "easting/northing or OS grid reference (grid_ref) columns; offers "
                          "duplicates of the same site for merging.",
                          {},
                          {},
                          &run_import}};

const Registrar k_list{{"complaint list",
                        "WS [--json] [--show-confidential]",
                        "List complaints; complainant details only with --show-confidential "
                        "(audited).",
                        {},
                        {"json", "show-confidential"},
                        &run_list}};

} // namespace
} // namespace redline::cli
