#include "workflow/breach_check.hpp"

#include "core/version.hpp"

#include <nlohmann/json.hpp>

namespace redline::workflow {
namespace {

store::FindingRecord to_record(const analysis::Finding& f) {
    store::FindingRecord r;
    r.code = f.code;
    r.severity = analysis::to_string(f.severity);
    r.development_id = f.development_id;
    r.applications = f.applications;
    r.uprn = f.uprn;
    r.complaints = f.complaints;
    r.value = f.value;
    r.limit = f.limit;
    r.unit = f.unit;
    r.distance_m = f.distance_m;
    r.explanation = f.explanation;
    r.provision = f.provision;
    r.annotation_text = f.annotation_text;
    r.geometry = f.geometry;
    r.annotation = f.annotation;
    return r;
}

} // namespace

analysis::BreachInput read_breach_input(const store::Workspace& ws,
                                        std::vector<store::CheckRunInput>& used) {
    analysis::BreachInput input;
    std::vector<store::LayerInfo> infos;
    std::vector<std::string> names;
    for (auto& info : ws.layers()) {
        if (info.role == core::Role::Basemap || info.role == core::Role::Complaint)
            continue;
        names.push_back(info.name);
        infos.push_back(std::move(info));
    }
    auto layers = ws.read_layers(names);
    for (std::size_t i = 0; i < infos.size(); ++i) {
        used.push_back({infos[i].name, core::to_string(infos[i].role), infos[i].source_sha256,
                        layers[i].features.size()});
        input.add(infos[i].role, std::move(layers[i]));
    }
    core::LayerData complaints;
    complaints.name = "complaints";
    complaints.fields = {{"reference", core::FieldType::Text},
                         {"received_date", core::FieldType::Text},
                         {"category", core::FieldType::Text}};
    for (const auto& c : ws.complaints()) {
        core::Feature f;
        f.source_fid = c.id;
        f.geometry = core::Geometry::point(c.location);
        f.values = {c.reference, c.received_date, c.category};
        complaints.features.push_back(std::move(f));
    }
    if (!complaints.features.empty()) {
        used.push_back({"complaints", "complaint", "", complaints.features.size()});
        input.add(core::Role::Complaint, std::move(complaints));
    }
    return input;
}

std::int64_t store_breach_check(store::Workspace& ws, const analysis::CheckResult& result,
                                const analysis::Parameters& params,
                                const std::vector<store::CheckRunInput>& used,
                                store::CheckRunRecord& run,
                                const std::function<void()>& before_commit) {
    run.as_of = result.as_of.to_string();
    run.parameters_json = params.to_json();
    run.inputs = used;
    run.software_version = core::k_version;
    run.source_commit = core::k_source_commit;
    auto skipped = nlohmann::json::array();
    for (const auto& s : result.skipped)
        skipped.push_back({{"code", s.code}, {"reason", s.reason}});
    run.skipped_json = skipped.dump();
    run.development_count = result.development_count;
    run.demolition_count = result.demolition_count;
    std::vector<store::FindingRecord> records;
    records.reserve(result.findings.size());
    for (const auto& f : result.findings)
        records.push_back(to_record(f));
    return ws.record_check_run(run, records, before_commit);
}

store::CheckRunRecord run_breach_check(store::Workspace& ws, const core::Date& as_of,
                                       const analysis::CheckOptions& options) {
    std::vector<store::CheckRunInput> used;
    analysis::BreachInput input = read_breach_input(ws, used);
    input.as_of = as_of;
    const analysis::Parameters params;
    const analysis::CheckResult result = analysis::run_check(input, params, options);
    store::CheckRunRecord run;
    store_breach_check(ws, result, params, used, run);
    return run;
}

} // namespace redline::workflow
