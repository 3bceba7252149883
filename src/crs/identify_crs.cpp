// identify_crs / is_geographic: turning whatever a file or a user gave us into a short, stable
// "AUTH:CODE" that provenance records and the UI can show.
#include "core/error.hpp"
#include "crs/proj_context.hpp"
#include "crs/transformer.hpp"

#include <proj.h>

#include <optional>

namespace redline::crs {
namespace {

struct ObjListDeleter {
    void operator()(PJ_OBJ_LIST* l) const noexcept { proj_list_destroy(l); }
};

std::optional<std::string> own_id(const PJ* crs) {
    const char* auth = proj_get_id_auth_name(crs, 0);
    const char* code = proj_get_id_code(crs, 0);
    if (auth && code)
        return std::string(auth) + ":" + code;
    return std::nullopt;
}

// PROJ's identification confidence: 100 equivalent, 90 same but differently named, 70 equivalent
// up to the name, 25 and below only similar. Below 70 the match could be a different CRS, which in
// a provenance record is worse than no identification at all.
constexpr int k_min_confidence = 70;

} // namespace

std::string identify_crs(const std::string& definition) {
    detail::ProjContext ctx;
    const auto crs = ctx.create_crs(definition);
    if (auto id = own_id(crs.get()))
        return *id;
    int* confidence = nullptr;
    std::unique_ptr<PJ_OBJ_LIST, ObjListDeleter> matches(
        proj_identify(ctx.get(), crs.get(), nullptr, nullptr, &confidence));
    std::string best;
    int best_confidence = 0;
    if (matches) {
        const int n = proj_list_get_count(matches.get());
        for (int i = 0; i < n; ++i) {
            if (confidence[i] < k_min_confidence || confidence[i] <= best_confidence)
                continue;
            detail::PjPtr match(proj_list_get(ctx.get(), matches.get(), i));
            if (auto id = match ? own_id(match.get()) : std::nullopt) {
                best = *id;
                best_confidence = confidence[i];
            }
        }
    }
    proj_int_list_destroy(confidence);
    return best.empty() ? definition : best;
}

bool is_geographic(const std::string& definition) {
    detail::ProjContext ctx;
    const auto crs = ctx.create_crs(definition);
    const auto type = proj_get_type(crs.get());
    return type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS;
}

} // namespace redline::crs
