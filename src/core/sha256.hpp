#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace redline::core {

/// Incremental SHA-256 (FIPS 180-4), used to fingerprint source files, plans and exhibits.
class Sha256 {
public:
    Sha256();
    void update(std::span<const std::uint8_t> data);
    void update(std::string_view text);
    /// Finish and return the digest as 64 lower-case hex characters. Call once.
    std::string hex_digest();

private:
    void block(const std::uint8_t* p);
    std::array<std::uint32_t, 8> m_h;
    std::array<std::uint8_t, 64> m_buf{};
    std::size_t m_buf_len = 0;
    std::uint64_t m_total = 0;
};

/// SHA-256 of a whole file as hex. Throws IoError when it cannot be read.
std::string sha256_file(const std::filesystem::path& path);
/// SHA-256 of bytes in memory as hex.
std::string sha256_hex(std::string_view bytes);

} // namespace redline::core
