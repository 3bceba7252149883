#pragma once

// Golden-image comparison: tests/render/<case>/expected.png against a fresh render, with a
// per-channel tolerance and an allowed fraction of differing pixels. On mismatch actual.png and
// diff.png are written to the build tree; REDLINE_UPDATE_GOLDEN=1 rewrites expected.png instead.

#include "render/image.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace redline::test {

inline ::testing::AssertionResult matches_golden(const std::string& name,
                                                 const render::Image& actual, int tolerance = 8,
                                                 double allowed_fraction = 0.002) {
    namespace fs = std::filesystem;
    const fs::path expected_path = fs::path(REDLINE_GOLDEN_DIR) / name / "expected.png";
    const char* update = std::getenv("REDLINE_UPDATE_GOLDEN");
    if ((update && std::string(update) == "1") || !fs::exists(expected_path)) {
        fs::create_directories(expected_path.parent_path());
        render::write_png(actual, expected_path);
        if (update && std::string(update) == "1")
            return ::testing::AssertionSuccess() << "rewrote " << expected_path;
        return ::testing::AssertionFailure()
               << "no golden image yet; wrote " << expected_path << " - look at it, then commit";
    }
    const render::Image expected = render::read_png(expected_path);
    const render::ImageDiff d = render::compare_images(expected, actual, tolerance);
    if (d.same_size && d.fraction <= allowed_fraction)
        return ::testing::AssertionSuccess();
    const fs::path out = fs::path(REDLINE_GOLDEN_OUT_DIR) / name;
    fs::create_directories(out);
    render::write_png(actual, out / "actual.png");
    if (d.same_size)
        render::write_png(d.diff, out / "diff.png");
    return ::testing::AssertionFailure()
           << name << ": " << (d.same_size ? "" : "size differs; ") << d.differing
           << " pixels differ (" << d.fraction * 100 << "%, allowed " << allowed_fraction * 100
           << "%), max channel delta " << d.max_channel_delta << "; see " << out;
}

} // namespace redline::test
