#pragma once
// Writing a case's evidence pack and putting it on the record: the one path that both
// `redline-cli evidence` and the viewer's Export > Evidence pack take, so that the same options
// give the same bytes from either (docs/evidence.md, "Reproducibility").

#include "core/progress.hpp"
#include "print/evidence_pack.hpp"
#include "store/workspace.hpp"
#include "workflow/evidence_gather.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace redline::workflow {

/// The pack's options as text, as typed on the command line or in the viewer's form ("" = the
/// default).
struct EvidenceRequest {
    std::string case_reference;
    std::string scale;       ///< "500" or "1:500"; default: the largest standard scale that fits
    std::string paper;       ///< A4 (default) or A3
    std::string orientation; ///< portrait (default) or landscape
    std::string exhibit;     ///< default: the officer's initials + "/1"
    std::string officer;     ///< default: the case's officer
    std::string date;        ///< YYYY-MM-DD; default: the latest check run, else the case's events
    std::vector<BasemapChoice> basemaps; ///< none by default
};

/// Parse and check the options. Throws core::UsageError naming the option ("scale '1:7': ...",
/// a basemap with no path or an opacity outside 0-1). Basemap files are opened when the pack is
/// gathered.
EvidenceOptions parse_evidence_options(const EvidenceRequest& request);

/// What an export wrote.
struct EvidenceExport {
    print::EvidencePack pack;
    std::string sha256;                ///< of the PDF's bytes, lower-case hex
    std::size_t bytes = 0;             ///< the PDF's size
    std::vector<std::string> warnings; ///< e.g. the site does not fit at the chosen scale
};

/// Gather the pack, draw it to PDF, write it to `out` (through a temporary file and a rename,
/// so a failure never leaves half a PDF under the final name) and append an "evidence-export"
/// audit entry with the case, exhibit, file name, scale, paper, orientation, date and the PDF's
/// SHA-256. Nothing confidential is written to the log. Blocking; reports progress (the viewer
/// runs it on a worker). Throws core::UsageError (unknown case, no site), core::IoError (the
/// file), core::StoreError, core::Cancelled (before anything is written).
EvidenceExport export_evidence_pack(store::Workspace& ws, const EvidenceOptions& options,
                                    const std::filesystem::path& out,
                                    const core::ProgressFn& progress = {});

} // namespace redline::workflow
