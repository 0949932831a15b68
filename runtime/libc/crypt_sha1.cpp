// SHA-1 and HMAC-SHA1 for sha1crypt (crypt_sha1.hpp).
#include <string.h>

#include <bit>

#include "crypt_sha1.hpp"

namespace lwp::libc::crypt_internal {
namespace {

// FIPS 180-4 4.2.1: floor(2^30 * sqrt(2, 3, 5, 10)), one per 20 rounds.
constexpr std::uint32_t round_constants[4] = {0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6};

}  // namespace

sha1_digest::sha1_digest() noexcept : state{0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0} {}

void sha1_digest::compress(const unsigned char block[64]) noexcept {
    std::uint32_t schedule[80];
    for (int i = 0; i < 16; ++i)  // big-endian words
        schedule[i] = std::uint32_t{block[4 * i]} << 24 | std::uint32_t{block[4 * i + 1]} << 16 |
                      std::uint32_t{block[4 * i + 2]} << 8 | block[4 * i + 3];
    for (int i = 16; i < 80; ++i)
        schedule[i] = std::rotl(schedule[i - 3] ^ schedule[i - 8] ^ schedule[i - 14] ^ schedule[i - 16], 1);
    std::uint32_t a = state[0], b = state[1], c = state[2], d = state[3], e = state[4];
    for (int i = 0; i < 80; ++i) {
        std::uint32_t mixed;
        if (i < 20)
            mixed = (b & c) | (~b & d);
        else if (i < 40 || i >= 60)
            mixed = b ^ c ^ d;
        else
            mixed = (b & c) | (b & d) | (c & d);
        std::uint32_t next = std::rotl(a, 5) + mixed + e + round_constants[i / 20] + schedule[i];
        e = d;
        d = c;
        c = std::rotl(b, 30);
        b = a;
        a = next;
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
    state[4] += e;
}

void sha1_digest::update(const void* data, std::size_t size) noexcept {
    buffer.add(data, size, [this](const unsigned char* block) { compress(block); });
}

void sha1_digest::finish(unsigned char digest[digest_size]) noexcept {
    buffer.pad(8, /*big_endian=*/true, [this](const unsigned char* block) { compress(block); });
    for (int i = 0; i < 5; ++i)
        for (int j = 0; j < 4; ++j) digest[4 * i + j] = static_cast<unsigned char>(state[i] >> (24 - 8 * j));
}

void hmac_sha1(const unsigned char* key, std::size_t key_size, const unsigned char* message, std::size_t message_size,
               unsigned char digest[sha1_digest::digest_size]) noexcept {
    // A key longer than a block is replaced by its digest; the key is then
    // padded with zeros to a block and XORed with each pad byte.
    unsigned char block_key[sha1_digest::block_size] = {};
    if (key_size > sha1_digest::block_size) {
        sha1_digest shortened;
        shortened.update(key, key_size);
        shortened.finish(block_key);
    } else {
        memcpy(block_key, key, key_size);
    }
    unsigned char pad[sha1_digest::block_size];
    for (std::size_t i = 0; i < sizeof pad; ++i) pad[i] = block_key[i] ^ 0x36;
    unsigned char inner_digest[sha1_digest::digest_size];
    sha1_digest inner;
    inner.update(pad, sizeof pad);
    inner.update(message, message_size);
    inner.finish(inner_digest);
    for (std::size_t i = 0; i < sizeof pad; ++i) pad[i] = block_key[i] ^ 0x5c;
    sha1_digest outer;
    outer.update(pad, sizeof pad);
    outer.update(inner_digest, sizeof inner_digest);
    outer.finish(digest);
    explicit_bzero(block_key, sizeof block_key);
    explicit_bzero(pad, sizeof pad);
    explicit_bzero(inner_digest, sizeof inner_digest);
}

}  // namespace lwp::libc::crypt_internal
