// MD5 (RFC 1321), only as md5crypt needs it: incremental update, one final
// digest. Broken as a digest, but md5crypt's stored hashes still need it.
#pragma once

#include <cstddef>
#include <cstdint>

namespace lwp::libc::crypt_internal {

class Md5 {
public:
    static constexpr std::size_t digest_size = 16;
    Md5() noexcept;
    void update(const void* data, std::size_t size) noexcept;
    void finish(unsigned char digest[digest_size]) noexcept;

private:
    void compress(const unsigned char block[64]) noexcept;
    std::uint32_t state_[4];
    std::uint64_t length_ = 0;  // bytes hashed so far
    unsigned char pending_[64];
};

}  // namespace lwp::libc::crypt_internal
