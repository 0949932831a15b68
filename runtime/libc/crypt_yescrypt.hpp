// yescrypt's key derivation (Alexander Peslyak's yescrypt, the version
// libxcrypt 4.4 ships), which contains classic scrypt (Colin Percival,
// RFC 7914) as its flags-0 mode: what crypt's "$y$" and "$7$" methods
// compute. Without a ROM and without hash upgrades (NROM and g must be 0).
#pragma once

#include <cstddef>
#include <cstdint>

namespace lwp::libc::crypt_internal {

// The mode and pwxform shape of yescrypt's flags word, as the "$y$"
// flavor encodes it.
inline constexpr std::uint32_t yescrypt_worm = 0x001;     // scrypt with the t parameter and pre/post hashing
inline constexpr std::uint32_t yescrypt_rw = 0x002;       // full yescrypt: pwxform, V rewritten in SMix2
inline constexpr std::uint32_t yescrypt_mode_mask = 0x003;
inline constexpr std::uint32_t yescrypt_rw_shape_mask = 0x3fc;
// The only pwxform shape there is: 6 rounds, 4-way gather, 2-way simple
// lanes, 12 KiB of S-boxes.
inline constexpr std::uint32_t yescrypt_rw_shape = 0x004 | 0x010 | 0x020 | 0x080;

struct yescrypt_parameters {
    std::uint32_t flags = 0;
    std::uint64_t n = 0;   // blocks in V, a power of 2
    std::uint32_t r = 0;   // a block is 128r bytes
    std::uint32_t p = 1;   // lanes
    std::uint32_t t = 0;   // extra time
    std::uint32_t g = 0;   // hash upgrades: must be 0
    std::uint64_t nrom = 0;  // ROM size: must be 0
};

inline constexpr std::size_t yescrypt_hash_size = 32;

// Derives the 32-byte hash. False, with nothing derived, for parameters
// libxcrypt's yescrypt refuses and when its memory (one mapping, unmapped
// before returning) cannot be had.
bool yescrypt_kdf(const unsigned char* password, std::size_t password_size, const unsigned char* salt,
                  std::size_t salt_size, const yescrypt_parameters& parameters,
                  unsigned char hash[yescrypt_hash_size]) noexcept;

// crypt's "$y$" method up to its hash: reads the parameters and salt of
// a setting from parameters (the text after "$y$", or after "$gy$" for
// gost-yescrypt, which wraps the same computation) and derives the hash.
// Returns where the salt ends in that text (the answer echoes the setting
// up to there), or nullptr with errno EINVAL for a setting libxcrypt
// refuses or memory that cannot be had.
const char* yescrypt_hash_setting(const char* phrase, std::size_t phrase_size, const char* parameters,
                                  unsigned char hash[yescrypt_hash_size]) noexcept;

}  // namespace lwp::libc::crypt_internal
