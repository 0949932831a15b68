// GOST R 34.11-2012 (Streebog-256) as crypt's gost-yescrypt method uses it:
// RFC 6986's examples (section 10) M1 and M2. The RFC writes messages and
// digests as numbers, most significant byte first; the hash reads a byte
// string least significant byte first, so both are reversed here.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>

// The hosted unit tests link lwp::lwp, which has no crypt: the hash is
// compiled into the test itself.
#include "runtime/libc/crypt_streebog.cpp"

namespace {

using lwp::libc::crypt_internal::streebog256;
using lwp::libc::crypt_internal::streebog256_digest;

std::string bytes_of_rfc_number(const char* hex) {
    std::string bytes;
    for (std::size_t i = 0; hex[i] != '\0'; i += 2) bytes.push_back(static_cast<char>(std::stoi(std::string(hex + i, 2), nullptr, 16)));
    std::reverse(bytes.begin(), bytes.end());
    return bytes;
}

std::string digest_of(const std::string& message) {
    unsigned char digest[streebog256_digest::digest_size];
    streebog256(message.data(), message.size(), digest);
    return std::string(reinterpret_cast<const char*>(digest), sizeof digest);
}

TEST(LibcCryptStreebog, Rfc6986ExampleM1) {
    // 63 bytes: "0123456789" repeated, then "012".
    std::string message = bytes_of_rfc_number(
        "323130393837363534333231303938373635343332313039383736353433323130393837363534333231303938373635343332313039"
        "383736353433323130");
    ASSERT_EQ(message, "012345678901234567890123456789012345678901234567890123456789012");
    EXPECT_EQ(digest_of(message),
              bytes_of_rfc_number("00557be5e584fd52a449b16b0251d05d27f94ab76cbaa6da890b59d8ef1e159d"));
}

TEST(LibcCryptStreebog, Rfc6986ExampleM2) {
    // 72 bytes (more than a block), CP1251 text.
    std::string message = bytes_of_rfc_number(
        "fbe2e5f0eee3c820fbeafaebef20fffbf0e1e0f0f520e0ed20e8ece0ebe5f0f2f120fff0eeec20f120faf2fee5e2202ce8f6f3ede2"
        "20e8e6eee1e8f0f2d1202ce8f0f2e5e220e5d1");
    ASSERT_EQ(message.size(), 72u);
    EXPECT_EQ(digest_of(message),
              bytes_of_rfc_number("508f7e553c06501d749a66fc28c6cac0b005746d97537fa85d9e40904efed29d"));
}

TEST(LibcCryptStreebog, PiecewiseUpdatesGiveTheSameDigest) {
    std::string message(200, 'x');
    for (std::size_t i = 0; i < message.size(); ++i) message[i] = static_cast<char>(i * 37 + 11);
    for (std::size_t split : {0u, 1u, 63u, 64u, 65u, 128u, 199u, 200u}) {
        streebog256_digest digest;
        digest.update(message.data(), split);
        digest.update(message.data() + split, message.size() - split);
        unsigned char out[streebog256_digest::digest_size];
        digest.finish(out);
        EXPECT_EQ(std::string(reinterpret_cast<const char*>(out), sizeof out), digest_of(message)) << split;
    }
}

}  // namespace
