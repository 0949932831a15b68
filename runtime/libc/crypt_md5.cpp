// MD5 for md5crypt (crypt_md5.hpp).
#include <bit>
#include <cstring>

#include "crypt_md5.hpp"

namespace lwp::libc::crypt_internal {
namespace {

// floor(2^32 * |sin(i + 1)|), RFC 1321 3.4.
constexpr std::uint32_t sine_constants[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};

// Left rotations of each round's four steps, per round.
constexpr int shifts[4][4] = {{7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}};

}  // namespace

md5_digest::md5_digest() noexcept : state{0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476} {}

void md5_digest::compress(const unsigned char block[64]) noexcept {
    std::uint32_t words[16];
    for (int i = 0; i < 16; ++i)  // MD5 reads little-endian words
        words[i] = std::uint32_t{block[4 * i]} | std::uint32_t{block[4 * i + 1]} << 8 |
                   std::uint32_t{block[4 * i + 2]} << 16 | std::uint32_t{block[4 * i + 3]} << 24;
    std::uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    for (int i = 0; i < 64; ++i) {
        int round = i / 16;
        std::uint32_t mixed;
        int word;
        switch (round) {
            case 0: mixed = (b & c) | (~b & d); word = i; break;
            case 1: mixed = (d & b) | (~d & c); word = (5 * i + 1) % 16; break;
            case 2: mixed = b ^ c ^ d; word = (3 * i + 5) % 16; break;
            default: mixed = c ^ (b | ~d); word = (7 * i) % 16; break;
        }
        std::uint32_t next = b + std::rotl(a + mixed + sine_constants[i] + words[word], shifts[round][i % 4]);
        a = d; d = c; c = b; b = next;
    }
    state[0] += a; state[1] += b; state[2] += c; state[3] += d;
}

void md5_digest::update(const void* data, std::size_t size) noexcept {
    buffer.add(data, size, [this](const unsigned char* block) { compress(block); });
}

void md5_digest::finish(unsigned char digest[digest_size]) noexcept {
    buffer.pad(8, /*big_endian=*/false, [this](const unsigned char* block) { compress(block); });
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j) digest[4 * i + j] = static_cast<unsigned char>(state[i] >> (8 * j));
}

}  // namespace lwp::libc::crypt_internal
