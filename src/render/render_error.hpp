#pragma once

#include "core/error.hpp"

namespace redline::render {

/// OpenGL or EGL failure: no usable context, a shader that does not compile (message holds the
/// program name and the driver's info log), an incomplete framebuffer.
class RenderError : public core::Error {
    using core::Error::Error;
};

} // namespace redline::render
