// SHA-256 and SHA-512 (FIPS 180-4), only as the password hashes
// sha256crypt and sha512crypt need them: incremental update, one final
// digest. Kept apart from the methods so each method links only its digest.
#pragma once

#include <cstddef>
#include <cstdint>

#include "crypt_block_buffer.hpp"

namespace lwp::libc::crypt_internal {

class sha256_digest {
public:
    static constexpr std::size_t digest_size = 32;
    sha256_digest() noexcept;
    void update(const void* data, std::size_t size) noexcept;
    void finish(unsigned char digest[digest_size]) noexcept;

private:
    void compress(const unsigned char block[64]) noexcept;
    std::uint32_t state[8];
    block_buffer<64> buffer;
};

class sha512_digest {
public:
    static constexpr std::size_t digest_size = 64;
    sha512_digest() noexcept;
    void update(const void* data, std::size_t size) noexcept;
    void finish(unsigned char digest[digest_size]) noexcept;

private:
    void compress(const unsigned char block[128]) noexcept;
    std::uint64_t state[8];
    block_buffer<128> buffer;
};

}  // namespace lwp::libc::crypt_internal
