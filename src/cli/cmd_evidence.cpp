// redline-cli evidence: write a case's evidence pack (PDF) for a hearing, and record its SHA-256
// in the audit log.
#include "cli/command.hpp"
#include "cli/evidence_gather.hpp"
#include "core/error.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"
#include "print/map_frame.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <ostream>

namespace redline::cli {
namespace {

double parse_scale(const std::string& text) {
    std::string t = core::trim(text);
    if (t.rfind("1:", 0) == 0)
        t = t.substr(2);
    double n = 0;
    if (!core::parse_double(t, n) || n < 50 || n > 100000)
        throw core::UsageError("--scale '" + text + "': expected N of 1:N, 50 to 100000");
    return n;
}

/// Write through a temporary file and rename, so that a failure never leaves half a PDF under
/// the final name.
void write_atomically(const std::filesystem::path& path, const std::string& bytes) {
    const std::filesystem::path tmp = path.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (!out)
            throw core::IoError("cannot write the evidence pack", {tmp.string()});
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        throw core::IoError("cannot write the evidence pack: " + ec.message(), {path.string()});
    }
}

int run_evidence(const Args& args, Io& io) {
    const auto& path = args.positional(0, "workspace file (WS)");
    if (args.positional_count() > 1)
        throw core::UsageError("unexpected argument '" + args.m_positional[1] + "'");
    EvidenceOptions o;
    o.case_reference = args.require("case");
    const std::filesystem::path out_path = args.require("out");
    if (const auto s = args.get("scale"))
        o.scale = parse_scale(*s);
    if (const auto p = args.get("paper"))
        o.paper = print::parse_paper(*p);
    if (const auto p = args.get("orientation"))
        o.orientation = print::parse_orientation(*p);
    o.exhibit = args.get("exhibit").value_or("");
    o.officer = args.get("officer").value_or("");
    o.date = args.get("date").value_or("");

    auto ws = store::Workspace::open(path, current_user());
    std::vector<std::string> warnings;
    const print::EvidencePack pack = gather_evidence_pack(ws, o, warnings);
    for (const auto& w : warnings)
        io.err << "warning: " << w << "\n";
    const std::string pdf = print::render_evidence_pack(pack);
    write_atomically(out_path, pdf);
    const std::string sha = core::sha256_hex(pdf);
    if (const auto png = args.get("png"))
        print::render_map_png(pack, 300, *png);

    // The export is on the record with the pack's own hash, so that the exhibit handed over can
    // be matched to this workspace. No complainant detail is written here either.
    ws.append_audit("evidence-export",
                    nlohmann::json{{"case", pack.case_reference},
                                   {"exhibit", pack.exhibit},
                                   {"file", out_path.filename().string()},
                                   {"sha256", sha},
                                   {"bytes", pdf.size()},
                                   {"scale", pack.scale},
                                   {"paper", print::to_string(pack.paper)},
                                   {"orientation", print::to_string(pack.orientation)},
                                   {"date", pack.date}}
                        .dump());
    io.out << "wrote " << out_path.string() << ": exhibit " << pack.exhibit << ", case "
           << pack.case_reference << ", " << print::format_scale_text(pack.scale) << " at "
           << print::to_string(pack.paper) << " " << print::to_string(pack.orientation) << ", "
           << pdf.size() << " bytes\nSHA-256 " << sha << "\n";
    return 0;
}

const Registrar k_registrar{
    {"evidence",
     "WS --case REF --out PACK.pdf [--scale N] [--paper A4|A3] "
     "[--orientation portrait|landscape] [--exhibit ID] [--officer NAME] [--date YYYY-MM-DD] "
     "[--png MAP.png]",
     "Write a case's evidence pack: cover, map exhibit at a true stated scale, findings, "
     "chronology and provenance (docs/evidence.md); the export is audited with its SHA-256.",
     {"case", "out", "scale", "paper", "orientation", "exhibit", "officer", "date", "png"},
     {},
     &run_evidence}};

} // namespace
} // namespace redline::cli
