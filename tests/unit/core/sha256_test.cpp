#include "core/error.hpp"
#include "core/sha256.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

using redline::core::sha256_hex;

// Test vectors from FIPS 180-4 examples (NIST CSRC "SHA256.pdf", one-block and two-block messages)
// and the well-known digest of the empty string.
TEST(Sha256, PublishedVectors) {
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, MillionAsAcrossUnevenChunks) {
    // FIPS 180-4 long message: one million 'a'. Fed in uneven chunks to exercise buffering.
    redline::core::Sha256 h;
    std::string chunk(997, 'a');
    std::size_t left = 1000000;
    while (left > 0) {
        const std::size_t n = std::min(left, chunk.size());
        h.update(std::string_view(chunk.data(), n));
        left -= n;
    }
    EXPECT_EQ(h.hex_digest(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, FileMatchesMemory) {
    const auto path = std::filesystem::temp_directory_path() / "redline-sha-test.bin";
    std::string bytes;
    for (int i = 0; i < 100000; ++i)
        bytes.push_back(static_cast<char>(i * 31 % 251));
    std::ofstream(path, std::ios::binary) << bytes;
    EXPECT_EQ(redline::core::sha256_file(path), sha256_hex(bytes));
    std::filesystem::remove(path);
    EXPECT_THROW(redline::core::sha256_file(path), redline::core::Error);
}
