// MD4 (RFC 1320), only as the NT hash ($3$) needs it: incremental update,
// one final digest. Long broken; kept for Windows' stored NT hashes.
#pragma once

#include <cstddef>
#include <cstdint>

#include "crypt_block_buffer.hpp"

namespace lwp::libc::crypt_internal {

class md4_digest {
public:
    static constexpr std::size_t digest_size = 16;
    md4_digest() noexcept;
    void update(const void* data, std::size_t size) noexcept;
    void finish(unsigned char digest[digest_size]) noexcept;

private:
    void compress(const unsigned char block[64]) noexcept;
    std::uint32_t state[4];
    block_buffer<64> buffer;
};

}  // namespace lwp::libc::crypt_internal
