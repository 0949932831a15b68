// SHA-256 and SHA-512 (FIPS 180-4), only as the password hashes
// sha256crypt and sha512crypt need them: incremental update, one final
// digest. Kept apart from the methods so each method links only its digest.
#pragma once

#include <cstddef>
#include <cstdint>

namespace lwp::libc::crypt_internal {

class Sha256 {
public:
    static constexpr std::size_t digest_size = 32;
    Sha256() noexcept;
    void update(const void* data, std::size_t size) noexcept;
    void finish(unsigned char digest[digest_size]) noexcept;

private:
    void compress(const unsigned char block[64]) noexcept;
    std::uint32_t state_[8];
    std::uint64_t length_ = 0;  // bytes hashed so far
    unsigned char pending_[64];
};

class Sha512 {
public:
    static constexpr std::size_t digest_size = 64;
    Sha512() noexcept;
    void update(const void* data, std::size_t size) noexcept;
    void finish(unsigned char digest[digest_size]) noexcept;

private:
    void compress(const unsigned char block[128]) noexcept;
    std::uint64_t state_[8];
    // Passwords are far below 2^64 bytes, so the high half of SHA-512's
    // 128-bit length field is always zero.
    std::uint64_t length_ = 0;
    unsigned char pending_[128];
};

}  // namespace lwp::libc::crypt_internal
