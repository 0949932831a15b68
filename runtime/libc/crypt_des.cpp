// DES (FIPS 46) for crypt's DES methods: a plain bit-at-a-time key schedule
// and permutations, with the S-boxes and P merged into one table a box so
// that the rounds, which run 25 times a hash or more, are lookups.
#include "crypt_des.hpp"

#include <string.h>

#include <array>

#include "crypt_des_tables.hpp"

namespace lwp::libc::crypt_internal {
namespace {

using namespace des_tables;

// Output bit i (from the most significant) is input bit table[i] (from 1,
// the most significant of input_bits).
template <std::size_t N>
constexpr std::uint64_t permute(std::uint64_t input, int input_bits, const std::uint8_t (&table)[N]) noexcept {
    std::uint64_t output = 0;
    for (std::uint8_t position : table) output = output << 1 | ((input >> (input_bits - position)) & 1);
    return output;
}

constexpr auto make_final_permutation() noexcept {
    std::uint8_t inverse[64] = {};
    for (int i = 0; i < 64; ++i) inverse[initial_permutation[i] - 1] = static_cast<std::uint8_t>(i + 1);
    std::array<std::uint8_t, 64> result{};
    for (int i = 0; i < 64; ++i) result[i] = inverse[i];
    return result;
}
constexpr auto final_permutation_array = make_final_permutation();

std::uint64_t final_permutation(std::uint64_t block) noexcept {
    std::uint64_t output = 0;
    for (std::uint8_t position : final_permutation_array) output = output << 1 | ((block >> (64 - position)) & 1);
    return output;
}

// For S-box k and its 6 input bits (outer bits choose the row, inner the
// column), the 4 output bits in their place of the 32, permuted by P.
constexpr auto make_substitution_permutation() noexcept {
    std::array<std::array<std::uint32_t, 64>, 8> table{};
    for (int box = 0; box < 8; ++box) {
        for (int input = 0; input < 64; ++input) {
            int row = (input >> 4 & 2) | (input & 1);
            int column = input >> 1 & 0xf;
            std::uint64_t placed = std::uint64_t{s_boxes[box][row][column]} << (28 - 4 * box);
            table[box][input] = static_cast<std::uint32_t>(permute(placed, 32, cipher_permutation));
        }
    }
    return table;
}
constexpr auto substitution_permutation = make_substitution_permutation();

// E: the eight 6-bit groups are the 4-bit groups of the half with the
// adjacent bit on each side, wrapping around (E's table: 32 1 2 3 4 5,
// 4 5 6 7 8 9, ..., 28 29 30 31 32 1). Laid out as 34 bits
// (bit 32, bits 1..32, bit 1), group k starts at bit 4k.
std::uint64_t expand(std::uint32_t half) noexcept {
    std::uint64_t wrapped = std::uint64_t{half & 1} << 33 | std::uint64_t{half} << 1 | half >> 31;
    std::uint64_t expanded = 0;
    for (int group = 0; group < 8; ++group) expanded = expanded << 6 | ((wrapped >> (28 - 4 * group)) & 0x3f);
    return expanded;
}

}  // namespace

des_cipher::des_cipher(const unsigned char key[8]) noexcept {
    std::uint64_t key_bits = 0;
    for (int i = 0; i < 8; ++i) key_bits = key_bits << 8 | key[i];
    std::uint64_t chosen = permute(key_bits, 64, permuted_choice_1);
    auto c = static_cast<std::uint32_t>(chosen >> 28), d = static_cast<std::uint32_t>(chosen & 0xfffffff);
    for (int round = 0; round < 16; ++round) {
        for (int shift = 0; shift < left_shifts[round]; ++shift) {
            c = ((c << 1) | (c >> 27)) & 0xfffffff;
            d = ((d << 1) | (d >> 27)) & 0xfffffff;
        }
        round_keys_[round] = permute(std::uint64_t{c} << 28 | d, 56, permuted_choice_2);
    }
}

des_cipher::~des_cipher() { explicit_bzero(round_keys_, sizeof round_keys_); }

std::uint64_t des_cipher::encrypt(std::uint64_t block, std::uint32_t salt, std::uint32_t count) const noexcept {
    // Salt bit i swaps E's bits i + 1 and i + 25: bit 23 - i of each
    // 24-bit half of the expansion.
    std::uint64_t swap_mask = 0;
    for (int i = 0; i < 24; ++i)
        if (salt >> i & 1) swap_mask |= std::uint64_t{1} << (23 - i);

    std::uint64_t permuted = permute(block, 64, initial_permutation);
    auto left = static_cast<std::uint32_t>(permuted >> 32), right = static_cast<std::uint32_t>(permuted);
    // The final permutation undoes the initial one, so repeated
    // encryptions can skip both between blocks.
    for (std::uint32_t time = 0; time < count; ++time) {
        for (const std::uint64_t round_key : round_keys_) {
            std::uint64_t expanded = expand(right);
            std::uint64_t swapped = ((expanded >> 24) ^ expanded) & swap_mask;
            expanded ^= swapped | swapped << 24;
            expanded ^= round_key;
            std::uint32_t mixed = 0;
            for (int box = 0; box < 8; ++box) mixed |= substitution_permutation[box][(expanded >> (42 - 6 * box)) & 0x3f];
            std::uint32_t next = left ^ mixed;
            left = right;
            right = next;
        }
        // The last round does not exchange the halves.
        std::uint32_t held = left;
        left = right;
        right = held;
    }
    return final_permutation(std::uint64_t{left} << 32 | right);
}

}  // namespace lwp::libc::crypt_internal
