#include "render/image.hpp"

#include "core/error.hpp"

#include <stb_image.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cstdlib>

namespace redline::render {

void write_png(const Image& image, const std::filesystem::path& path) {
    if (image.width <= 0 || image.height <= 0 ||
        !stbi_write_png(path.string().c_str(), image.width, image.height, 4, image.rgba.data(),
                        image.width * 4))
        throw core::IoError("cannot write PNG", {path.string()});
}

Image read_png(const std::filesystem::path& path) {
    int w = 0, h = 0, channels = 0;
    unsigned char* data = stbi_load(path.string().c_str(), &w, &h, &channels, 4);
    if (!data)
        throw core::IoError(std::string("cannot read PNG: ") + stbi_failure_reason(),
                            {path.string()});
    Image img{w, h, std::vector<std::uint8_t>(data, data + std::size_t(w) * h * 4)};
    stbi_image_free(data);
    return img;
}

ImageDiff compare_images(const Image& expected, const Image& actual, int tolerance) {
    ImageDiff d;
    d.same_size = expected.width == actual.width && expected.height == actual.height;
    if (!d.same_size)
        return d;
    d.diff = expected;
    for (int y = 0; y < expected.height; ++y) {
        for (int x = 0; x < expected.width; ++x) {
            const auto* e = expected.pixel(x, y);
            const auto* a = actual.pixel(x, y);
            int delta = 0;
            for (int c = 0; c < 4; ++c)
                delta = std::max(delta, std::abs(int(e[c]) - int(a[c])));
            d.max_channel_delta = std::max(d.max_channel_delta, delta);
            auto* out = d.diff.pixel(x, y);
            if (delta > tolerance) {
                ++d.differing;
                out[0] = 255, out[1] = 0, out[2] = 0, out[3] = 255;
            } else {
                for (int c = 0; c < 3; ++c)
                    out[c] = static_cast<std::uint8_t>(255 - (255 - out[c]) / 4);
                out[3] = 255;
            }
        }
    }
    d.fraction = double(d.differing) / (double(expected.width) * expected.height);
    return d;
}

} // namespace redline::render
