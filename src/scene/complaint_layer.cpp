#include "scene/complaint_layer.hpp"

namespace redline::scene {

core::LayerData complaint_layer(const std::vector<core::Complaint>& complaints,
                                const std::string& name) {
    core::LayerData d;
    d.name = name;
    for (const char* f : {"reference", "received_date", "category", "description", "status",
                          "complainant_name", "complainant_contact"})
        d.fields.push_back({f, core::FieldType::Text});
    for (const auto& c : complaints) {
        core::Feature f;
        f.source_fid = c.id;
        f.geometry = core::Geometry::point(c.location);
        f.values = {c.reference, c.received_date,    c.category,           c.description,
                    c.status,    c.complainant_name, c.complainant_contact};
        d.features.push_back(std::move(f));
    }
    return d;
}

} // namespace redline::scene
