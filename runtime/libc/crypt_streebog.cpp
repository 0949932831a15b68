// GOST R 34.11-2012 (RFC 6986), written from the RFC's description: the
// compression g_N(h, m) = E(LPS(h ^ N), m) ^ h ^ m, where E runs twelve
// rounds of LPS (S the substitution Pi, P the byte transposition tau, L
// the linear map A) over the message with keys drawn from the iteration
// constants; then the last, padded block and the two finishing
// compressions by the bit count N and the block sum Sigma. Speed does not
// matter here (gost-yescrypt hashes a few short strings), so the
// transforms are computed directly from the RFC's tables.
#include "crypt_streebog.hpp"

#include <string.h>

#include "crypt_streebog_tables.hpp"

namespace lwp::libc::crypt_internal {
namespace {

// 512, the bits in a full block, as a little-endian 512-bit number.
constexpr unsigned char full_block_bits[64] = {0x00, 0x02};

void xor_blocks(streebog_block& into, const unsigned char* other) noexcept {
    for (std::size_t i = 0; i < 64; ++i) into.bytes[i] ^= other[i];
}

// into += addend mod 2^512, both little-endian.
void add_blocks(streebog_block& into, const unsigned char* addend) noexcept {
    unsigned carry = 0;
    for (std::size_t i = 0; i < 64; ++i) {
        carry += unsigned{into.bytes[i]} + addend[i];
        into.bytes[i] = static_cast<unsigned char>(carry);
        carry >>= 8;
    }
}

// L(P(S(x))). tau sends byte 8i + j to 8j + i; L maps each 64-bit
// little-endian word through A, bit 63 to row 0.
streebog_block lps(const streebog_block& x) noexcept {
    unsigned char transposed[64];
    for (std::size_t i = 0; i < 8; ++i)
        for (std::size_t j = 0; j < 8; ++j) transposed[8 * j + i] = streebog_pi[x.bytes[8 * i + j]];
    streebog_block out;
    for (std::size_t word = 0; word < 8; ++word) {
        std::uint64_t value = 0, image = 0;
        for (std::size_t k = 0; k < 8; ++k) value |= std::uint64_t{transposed[8 * word + k]} << (8 * k);
        for (std::size_t row = 0; row < 64; ++row)
            if ((value >> (63 - row)) & 1) image ^= streebog_a[row];
        for (std::size_t k = 0; k < 8; ++k) out.bytes[8 * word + k] = static_cast<unsigned char>(image >> (8 * k));
    }
    return out;
}

}  // namespace

streebog256_digest::streebog256_digest() noexcept {
    // The 256-bit variant starts from every byte 0x01 (the 512-bit one from zeros).
    memset(state.bytes, 0x01, sizeof state.bytes);
    memset(bit_count.bytes, 0, sizeof bit_count.bytes);
    memset(block_sum.bytes, 0, sizeof block_sum.bytes);
}

streebog256_digest::~streebog256_digest() {
    explicit_bzero(this, sizeof *this);
}

void streebog256_digest::compress(const unsigned char* block, const streebog_block& counter) noexcept {
    streebog_block key = state;
    xor_blocks(key, counter.bytes);
    key = lps(key);
    streebog_block text;
    memcpy(text.bytes, block, 64);
    for (const auto& constant : streebog_iteration_constants) {
        xor_blocks(text, key.bytes);
        text = lps(text);
        xor_blocks(key, constant);
        key = lps(key);
    }
    xor_blocks(text, key.bytes);
    xor_blocks(state, text.bytes);
    xor_blocks(state, block);
    explicit_bzero(&key, sizeof key);
    explicit_bzero(&text, sizeof text);
}

void streebog256_digest::update(const void* data, std::size_t size) noexcept {
    auto bytes = static_cast<const unsigned char*>(data);
    while (size > 0) {
        std::size_t take = block_size - pending_size < size ? block_size - pending_size : size;
        memcpy(pending + pending_size, bytes, take);
        pending_size += take;
        bytes += take;
        size -= take;
        // A full block waits for more input: the last block, full or not,
        // is the padded one finish() compresses.
        if (pending_size == block_size && size > 0) {
            compress(pending, bit_count);
            add_blocks(bit_count, full_block_bits);
            add_blocks(block_sum, pending);
            pending_size = 0;
        }
    }
}

void streebog256_digest::finish(unsigned char out[digest_size]) noexcept {
    // A full last block is compressed as it is and followed by an empty
    // one padded to 0x01 and zeros.
    if (pending_size == block_size) {
        compress(pending, bit_count);
        add_blocks(bit_count, full_block_bits);
        add_blocks(block_sum, pending);
        pending_size = 0;
    }
    unsigned char last[block_size] = {};
    memcpy(last, pending, pending_size);
    last[pending_size] = 0x01;
    compress(last, bit_count);
    unsigned char tail_bits[64] = {};
    std::size_t bits = pending_size * 8;
    tail_bits[0] = static_cast<unsigned char>(bits);
    tail_bits[1] = static_cast<unsigned char>(bits >> 8);
    add_blocks(bit_count, tail_bits);
    add_blocks(block_sum, last);
    streebog_block zero{};
    compress(bit_count.bytes, zero);
    compress(block_sum.bytes, zero);
    // The 256-bit digest is the state's most significant half.
    memcpy(out, state.bytes + 32, digest_size);
}

void streebog256(const void* data, std::size_t size, unsigned char out[streebog256_digest::digest_size]) noexcept {
    streebog256_digest digest;
    digest.update(data, size);
    digest.finish(out);
}

void hmac_streebog256(const void* key, std::size_t key_size, const void* message, std::size_t message_size,
                      unsigned char out[streebog256_digest::digest_size]) noexcept {
    constexpr std::size_t block = streebog256_digest::block_size;
    unsigned char padded_key[block] = {};
    if (key_size > block)
        streebog256(key, key_size, padded_key);
    else
        memcpy(padded_key, key, key_size);
    unsigned char pad[block];
    for (std::size_t i = 0; i < block; ++i) pad[i] = padded_key[i] ^ 0x36;
    streebog256_digest inner;
    inner.update(pad, block);
    inner.update(message, message_size);
    unsigned char inner_mac[streebog256_digest::digest_size];
    inner.finish(inner_mac);
    for (std::size_t i = 0; i < block; ++i) pad[i] = padded_key[i] ^ 0x5c;
    streebog256_digest outer;
    outer.update(pad, block);
    outer.update(inner_mac, sizeof inner_mac);
    outer.finish(out);
    explicit_bzero(padded_key, sizeof padded_key);
    explicit_bzero(pad, sizeof pad);
    explicit_bzero(inner_mac, sizeof inner_mac);
}

}  // namespace lwp::libc::crypt_internal
