#pragma once

#include <memory>
#include <string>

namespace redline::render {

/// An OpenGL 3.3 core context with no window and no X server: EGL on Mesa's surfaceless platform
/// (llvmpipe when there is no GPU, bit-identical from run to run). Current on the constructing
/// thread until destroyed; render into an OffscreenTarget. Throws RenderError when EGL offers no
/// such context. Move-only.
class HeadlessContext {
public:
    HeadlessContext();
    ~HeadlessContext();
    HeadlessContext(HeadlessContext&&) noexcept;
    HeadlessContext& operator=(HeadlessContext&&) noexcept;

    /// GL_RENDERER and GL_VERSION, e.g. "llvmpipe (LLVM 15.0.6, 256 bits); 4.5 (Core Profile)".
    std::string description() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace redline::render
