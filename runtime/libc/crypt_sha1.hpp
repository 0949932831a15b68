// SHA-1 (FIPS 180-4) and HMAC-SHA1 (RFC 2104), only as sha1crypt ($sha1$)
// needs them.
#pragma once

#include <cstddef>
#include <cstdint>

#include "crypt_block_buffer.hpp"

namespace lwp::libc::crypt_internal {

class sha1_digest {
public:
    static constexpr std::size_t digest_size = 20;
    static constexpr std::size_t block_size = 64;
    sha1_digest() noexcept;
    void update(const void* data, std::size_t size) noexcept;
    void finish(unsigned char digest[digest_size]) noexcept;

private:
    void compress(const unsigned char block[64]) noexcept;
    std::uint32_t state[5];
    block_buffer<64> buffer;
};

// HMAC-SHA1 of message under key, into digest (which may alias message).
void hmac_sha1(const unsigned char* key, std::size_t key_size, const unsigned char* message, std::size_t message_size,
               unsigned char digest[sha1_digest::digest_size]) noexcept;

}  // namespace lwp::libc::crypt_internal
