#include "workflow/evidence_export.hpp"

#include "core/error.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"
#include "print/map_frame.hpp"
#include "print/paper.hpp"
#include "workflow/stage_change.hpp"

#include <nlohmann/json.hpp>

#include <fstream>

namespace redline::workflow {
namespace {

double parse_scale(const std::string& text) {
    std::string t = core::trim(text);
    if (t.rfind("1:", 0) == 0)
        t = t.substr(2);
    double n = 0;
    if (!core::parse_double(t, n) || n < 50 || n > 100000)
        throw core::UsageError("scale '" + text + "': expected N of 1:N, 50 to 100000");
    return n;
}

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

} // namespace

EvidenceOptions parse_evidence_options(const EvidenceRequest& r) {
    EvidenceOptions o;
    o.case_reference = core::trim(r.case_reference);
    if (o.case_reference.empty())
        throw core::UsageError("an evidence pack needs a case reference");
    if (!core::trim(r.scale).empty())
        o.scale = parse_scale(r.scale);
    if (!core::trim(r.paper).empty())
        o.paper = print::parse_paper(core::trim(r.paper));
    if (!core::trim(r.orientation).empty())
        o.orientation = print::parse_orientation(core::trim(r.orientation));
    o.exhibit = core::trim(r.exhibit);
    o.officer = core::trim(r.officer);
    if (!core::trim(r.date).empty())
        o.date = strict_date("date", core::trim(r.date));
    for (const auto& b : r.basemaps) {
        if (core::trim(b.path).empty())
            throw core::UsageError("basemap: no file given");
        if (!(b.opacity >= 0 && b.opacity <= 1))
            throw core::UsageError("basemap '" + b.path + "': opacity must be 0 to 1");
        o.basemaps.push_back({b.path, b.opacity, core::trim(b.credit)});
    }
    return o;
}

EvidenceExport export_evidence_pack(store::Workspace& ws, const EvidenceOptions& options,
                                    const std::filesystem::path& out,
                                    const core::ProgressFn& progress) {
    if (out.empty())
        throw core::UsageError("an evidence pack needs an output file");
    EvidenceExport e;
    core::report_progress(progress, 0.1, "gathering the case");
    e.pack = gather_evidence_pack(ws, options, e.warnings);
    core::report_progress(progress, 0.5, "drawing the pack");
    const std::string pdf = print::render_evidence_pack(e.pack);
    core::report_progress(progress, 0.9, "writing");
    write_atomically(out, pdf);
    e.sha256 = core::sha256_hex(pdf);
    e.bytes = pdf.size();
    // The export is on the record with the pack's own hash, so that the exhibit handed over can
    // be matched to this workspace. No complainant detail is written here either.
    ws.append_audit("evidence-export",
                    nlohmann::json{{"case", e.pack.case_reference},
                                   {"exhibit", e.pack.exhibit},
                                   {"file", out.filename().string()},
                                   {"sha256", e.sha256},
                                   {"bytes", e.bytes},
                                   {"scale", e.pack.scale},
                                   {"paper", print::to_string(e.pack.paper)},
                                   {"orientation", print::to_string(e.pack.orientation)},
                                   {"date", e.pack.date}}
                        .dump());
    core::report_progress(progress, 1.0, "done");
    return e;
}

} // namespace redline::workflow
