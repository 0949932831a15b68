// The base-64 of yescrypt's and scrypt's crypt strings: the crypt
// alphabet ("./0-9A-Za-z"), bytes taken three at a time as a
// little-endian number, 6 bits a character from the lowest.
#pragma once

#include <string.h>

#include "crypt_methods.hpp"
#include "crypt_yescrypt.hpp"

namespace lwp::libc::crypt_internal {

// 32 bytes at 6 bits a character.
inline constexpr std::size_t yescrypt_hash_characters = 43;

// A character's value in the alphabet, or 64 for any other byte.
inline unsigned yescrypt_character_value(char c) noexcept {
    const char* at = c == '\0' ? nullptr : strchr(hash_alphabet, c);
    return at == nullptr ? 64 : static_cast<unsigned>(at - hash_alphabet);
}

// Writes the hash: ten groups of three bytes (four characters) and one of
// two (three characters).
inline char* append_yescrypt_hash(char* out, const unsigned char* hash) noexcept {
    for (std::size_t at = 0; at < yescrypt_hash_size; at += 3) {
        std::size_t bytes = yescrypt_hash_size - at < 3 ? yescrypt_hash_size - at : 3;
        unsigned value = 0;
        for (std::size_t i = 0; i < bytes; ++i) value |= unsigned{hash[at + i]} << (8 * i);
        out = append_base64(out, value, static_cast<int>(bytes) + 1);
    }
    return out;
}

}  // namespace lwp::libc::crypt_internal
