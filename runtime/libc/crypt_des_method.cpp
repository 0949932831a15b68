// The DES-based crypt methods, as libxcrypt has them:
// - traditional DES: a setting of two salt characters (12 bits of salt),
//   the phrase's first 8 bytes (7 bits each) as the key, 25 encryptions of
//   a zero block: the salt then 11 characters.
// - bigcrypt (Digital UNIX): for a setting longer than 13 characters, each
//   8-byte piece of the phrase (up to 16 pieces, 128 bytes) hashed so, each
//   piece salted with the first two characters of the previous piece's
//   hash, the hashes written one after the other. A phrase of 8 bytes or
//   fewer gives the traditional hash.
// - BSDi extended DES: "_", 4 characters of count (24 bits), 4 of salt;
//   the whole phrase folded into one key; count encryptions.
// Only the characters a setting needs are read: the rest is ignored.
#include <errno.h>
#include <string.h>

#include "crypt_des.hpp"
#include "crypt_methods.hpp"

namespace lwp::libc::crypt_internal {
namespace {

constexpr std::size_t traditional_setting_size = 13;
constexpr int bigcrypt_max_pieces = 16;
constexpr std::uint32_t traditional_count = 25;

// A salt or count character's 6-bit value, or -1.
int salt_value(char c) noexcept {
    const char* at = c == '\0' ? nullptr : strchr(hash_alphabet, c);
    return at == nullptr ? -1 : static_cast<int>(at - hash_alphabet);
}

// Reads count characters as one little-end-first number; false on a
// character outside the alphabet.
bool read_salt_characters(const char* characters, int count, std::uint32_t& value) noexcept {
    value = 0;
    for (int i = 0; i < count; ++i) {
        int digit = salt_value(characters[i]);
        if (digit < 0) return false;
        value |= static_cast<std::uint32_t>(digit) << (6 * i);
    }
    return true;
}

// The next 8 bytes of the phrase as a key, each shifted up one bit (the
// low bit is DES's parity bit), zeros past the end; advances phrase.
void take_key_piece(const char*& phrase, unsigned char key[8]) noexcept {
    for (int i = 0; i < 8; ++i) {
        key[i] = static_cast<unsigned char>(static_cast<unsigned char>(*phrase) << 1);
        if (*phrase != '\0') ++phrase;
    }
}

// The 64 bits as 11 characters, 6 bits at a time from the top (the last
// character holds 4 bits, shifted up).
char* append_des_block(char* out, std::uint64_t block) noexcept {
    for (int shift = 58; shift >= 4; shift -= 6) *out++ = hash_alphabet[(block >> shift) & 0x3f];
    *out++ = hash_alphabet[(block << 2) & 0x3f];
    return out;
}

std::uint64_t hash_key(const unsigned char key[8], std::uint32_t salt, std::uint32_t count) noexcept {
    des_cipher cipher(key);
    return cipher.encrypt(0, salt, count);
}

}  // namespace

void des_crypt(const char* phrase, std::size_t phrase_size, const char* setting, char* output) noexcept {
    std::uint32_t salt;
    if (!read_salt_characters(setting, 2, salt)) {
        errno = EINVAL;
        return;
    }
    // libxcrypt picks bigcrypt only for a long setting: a short one (a
    // traditional hash) with a long phrase keeps the traditional hash of
    // the phrase's first 8 bytes.
    bool bigcrypt = strlen(setting) > traditional_setting_size && phrase_size > 8;
    char* out = output;
    *out++ = setting[0];
    *out++ = setting[1];
    unsigned char key[8];
    for (int piece = 0; piece < bigcrypt_max_pieces; ++piece) {
        take_key_piece(phrase, key);
        char* piece_hash = out;
        out = append_des_block(out, hash_key(key, salt, traditional_count));
        if (!bigcrypt || *phrase == '\0') break;
        read_salt_characters(piece_hash, 2, salt);
    }
    *out = '\0';
    explicit_bzero(key, sizeof key);
}

void bsdi_des_crypt(const char* phrase, std::size_t, const char* setting, char* output) noexcept {
    std::uint32_t count, salt;
    if (!read_salt_characters(setting + 1, 4, count) || !read_salt_characters(setting + 5, 4, salt)) {
        errno = EINVAL;
        return;
    }
    // The phrase folded into one key, 8 bytes at a time: each piece xored
    // into the previous key encrypted under itself (without salt, once).
    unsigned char key[8];
    take_key_piece(phrase, key);
    while (*phrase != '\0') {
        std::uint64_t folded = 0;
        for (unsigned char byte : key) folded = folded << 8 | byte;
        des_cipher cipher(key);
        folded = cipher.encrypt(folded, 0, 1);
        take_key_piece(phrase, key);
        for (int i = 0; i < 8; ++i) key[i] ^= static_cast<unsigned char>(folded >> (56 - 8 * i));
    }
    // A zero count encrypts once, as libxcrypt does.
    std::uint64_t hash = hash_key(key, salt, count == 0 ? 1 : count);
    memcpy(output, setting, 9);
    char* out = append_des_block(output + 9, hash);
    *out = '\0';
    explicit_bzero(key, sizeof key);
}

}  // namespace lwp::libc::crypt_internal
