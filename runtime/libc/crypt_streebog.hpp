// GOST R 34.11-2012 ("Streebog", RFC 6986) with its 256-bit output, and
// HMAC over it (R 50.1.113-2016, RFC 7836: HMAC as RFC 2104 with a 64-byte
// block), as crypt's gost-yescrypt method needs them.
#pragma once

#include <cstddef>
#include <cstdint>

namespace lwp::libc::crypt_internal {

// A 512-bit value of the hash: byte 0 is the least significant, the order
// in which the message's bytes are taken.
struct streebog_block {
    unsigned char bytes[64];
};

class streebog256_digest {
public:
    static constexpr std::size_t block_size = 64;
    static constexpr std::size_t digest_size = 32;

    streebog256_digest() noexcept;
    ~streebog256_digest();
    void update(const void* data, std::size_t size) noexcept;
    // The digest; the object is spent.
    void finish(unsigned char out[digest_size]) noexcept;

private:
    void compress(const unsigned char* block, const streebog_block& counter) noexcept;

    streebog_block state;
    streebog_block bit_count;  // N: message bits compressed so far
    streebog_block block_sum;  // Sigma: the blocks' sum mod 2^512
    unsigned char pending[block_size];
    std::size_t pending_size = 0;
};

void streebog256(const void* data, std::size_t size, unsigned char out[streebog256_digest::digest_size]) noexcept;

void hmac_streebog256(const void* key, std::size_t key_size, const void* message, std::size_t message_size,
                      unsigned char out[streebog256_digest::digest_size]) noexcept;

}  // namespace lwp::libc::crypt_internal
