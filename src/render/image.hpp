#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

namespace redline::render {

/// An 8-bit RGBA image, rows top to bottom.
struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;

    std::uint8_t* pixel(int x, int y) { return &rgba[(std::size_t(y) * width + x) * 4]; }
    const std::uint8_t* pixel(int x, int y) const {
        return &rgba[(std::size_t(y) * width + x) * 4];
    }
};

/// Write a PNG. Throws core::IoError naming the path when it cannot be written.
void write_png(const Image& image, const std::filesystem::path& path);
/// Read a PNG (any channel count, converted to RGBA). Throws core::IoError when unreadable.
Image read_png(const std::filesystem::path& path);

/// Result of comparing two images of the same size.
struct ImageDiff {
    bool same_size = false;
    std::size_t differing = 0; ///< pixels where any channel differs by more than the tolerance
    double fraction = 0;       ///< differing / pixel count
    int max_channel_delta = 0;
    Image diff; ///< differing pixels red over a faded copy of `expected`
};

/// Compare per pixel with a tolerance on each channel (0..255).
ImageDiff compare_images(const Image& expected, const Image& actual, int tolerance);

} // namespace redline::render
