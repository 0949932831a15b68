// What crypt's dispatch (crypt_dispatch.cpp) shares with the hash methods.
// A method writes its whole answer into output (NUL-terminated), or leaves
// output as the failure token the dispatch put there and sets errno.
#pragma once

#include <cstddef>

namespace lwp::libc::crypt_internal {

// The alphabet every crypt method encodes with: "./0-9A-Za-z", 6 bits a
// character, least significant first.
inline constexpr char hash_alphabet[] = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// Appends count characters of value's low 6-bit groups, lowest first.
inline char* append_base64(char* out, unsigned value, int count) noexcept {
    while (count-- > 0) {
        *out++ = hash_alphabet[value & 0x3f];
        value >>= 6;
    }
    return out;
}

// Appends value's decimal digits (the counts that settings spell out).
inline char* append_decimal(char* out, unsigned long value) noexcept {
    char digits[20];
    int size = 0;
    do {
        digits[size++] = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value > 0);
    while (size > 0) *out++ = digits[--size];
    return out;
}

// setting starts with the method's prefix; output has CRYPT_OUTPUT_SIZE bytes.
using HashMethod = void (*)(const char* phrase, std::size_t phrase_size, const char* setting,
                            char* output) noexcept;
void sha256_crypt(const char* phrase, std::size_t phrase_size, const char* setting, char* output) noexcept;
void sha512_crypt(const char* phrase, std::size_t phrase_size, const char* setting, char* output) noexcept;
void md5_crypt(const char* phrase, std::size_t phrase_size, const char* setting, char* output) noexcept;
void nt_crypt(const char* phrase, std::size_t phrase_size, const char* setting, char* output) noexcept;
void sha1crypt_crypt(const char* phrase, std::size_t phrase_size, const char* setting, char* output) noexcept;
void sunmd5_crypt(const char* phrase, std::size_t phrase_size, const char* setting, char* output) noexcept;
void yescrypt_crypt(const char* phrase, std::size_t phrase_size, const char* setting, char* output) noexcept;
void gost_yescrypt_crypt(const char* phrase, std::size_t phrase_size, const char* setting, char* output) noexcept;
void scrypt_crypt(const char* phrase, std::size_t phrase_size, const char* setting, char* output) noexcept;
void bcrypt_crypt(const char* phrase, std::size_t phrase_size, const char* setting, char* output) noexcept;
void bsdi_des_crypt(const char* phrase, std::size_t phrase_size, const char* setting, char* output) noexcept;
// Traditional DES and bigcrypt: setting has no prefix, only at least one character.
void des_crypt(const char* phrase, std::size_t phrase_size, const char* setting, char* output) noexcept;

}  // namespace lwp::libc::crypt_internal
