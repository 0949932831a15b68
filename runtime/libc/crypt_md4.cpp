// MD4 for the NT hash (crypt_md4.hpp), from RFC 1320.
#include "crypt_md4.hpp"

#include <bit>

namespace lwp::libc::crypt_internal {
namespace {

// RFC 1320 3.4: round 2 adds sqrt(2) * 2^30, round 3 sqrt(3) * 2^30.
constexpr std::uint32_t round_constants[3] = {0, 0x5a827999, 0x6ed9eba1};
// The word each step of a round reads, and each round's four rotations.
constexpr int word_order[3][16] = {{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
                                   {0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15},
                                   {0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15}};
constexpr int shifts[3][4] = {{3, 7, 11, 19}, {3, 5, 9, 13}, {3, 9, 11, 15}};

}  // namespace

md4_digest::md4_digest() noexcept : state{0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476} {}

void md4_digest::compress(const unsigned char block[64]) noexcept {
    std::uint32_t words[16];
    for (int i = 0; i < 16; ++i)  // little-endian words, as MD5
        words[i] = std::uint32_t{block[4 * i]} | std::uint32_t{block[4 * i + 1]} << 8 |
                   std::uint32_t{block[4 * i + 2]} << 16 | std::uint32_t{block[4 * i + 3]} << 24;
    std::uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    for (int round = 0; round < 3; ++round) {
        for (int step = 0; step < 16; ++step) {
            std::uint32_t mixed;
            switch (round) {
                case 0: mixed = (b & c) | (~b & d); break;            // choose
                case 1: mixed = (b & c) | (b & d) | (c & d); break;   // majority
                default: mixed = b ^ c ^ d; break;                    // parity
            }
            std::uint32_t next =
                std::rotl(a + mixed + words[word_order[round][step]] + round_constants[round], shifts[round][step % 4]);
            // The registers turn: the one just computed is next step's b.
            a = d;
            d = c;
            c = b;
            b = next;
        }
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
}

void md4_digest::update(const void* data, std::size_t size) noexcept {
    buffer.add(data, size, [this](const unsigned char* block) { compress(block); });
}

void md4_digest::finish(unsigned char digest[digest_size]) noexcept {
    buffer.pad(8, /*big_endian=*/false, [this](const unsigned char* block) { compress(block); });
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j) digest[4 * i + j] = static_cast<unsigned char>(state[i] >> (8 * j));
}

}  // namespace lwp::libc::crypt_internal
