// DES as the crypt methods use it: the block cipher of FIPS 46 with
// crypt(3)'s salt, which swaps pairs of bits of the expansion E's output,
// encrypting a block a given number of times in a row.
#pragma once

#include <cstdint>

namespace lwp::libc::crypt_internal {

class des_cipher {
public:
    // key: 8 bytes, most significant bit first; the low bit of each byte
    // (the parity bit) is ignored, as the standard says.
    explicit des_cipher(const unsigned char key[8]) noexcept;
    ~des_cipher();

    // salt: 24 bits; bit i set swaps bits i + 1 and i + 25 of E's output
    // (the expansion of the right half, bits counted from 1), so a zero
    // salt is the standard. The block is big-endian, encrypted count
    // times (each output the next input).
    std::uint64_t encrypt(std::uint64_t block, std::uint32_t salt, std::uint32_t count) const noexcept;

private:
    std::uint64_t round_keys_[16];  // 48 bits each
};

}  // namespace lwp::libc::crypt_internal
