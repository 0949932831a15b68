// yescrypt: crypt's "$y$" method, as libxcrypt 4.4 reads and writes it.
//
// Setting: "$y$", then the parameters, each a variable-length number (see
// decode_number): the flavor (0 classic scrypt, 1 scrypt with yescrypt's
// WORM changes, 2 and up RW with the pwxform shape in the bits above),
// log2 N (from 1), r (from 1), and optionally a mask of which further
// fields follow (from 1): 1 p (from 2), 2 t (from 1), 4 g (from 1), 8
// log2 NROM (from 1). Then '$' and the salt, up to the last '$' or the
// end, in the base-64 of crypt_yescrypt_base64.hpp (at most 64 bytes).
// The answer repeats the setting up to the salt's end, then '$' and the
// 32-byte hash in the same base-64 (43 characters).
#include <crypt.h>
#include <errno.h>
#include <string.h>

#include "crypt_methods.hpp"
#include "crypt_yescrypt.hpp"
#include "crypt_yescrypt_base64.hpp"

namespace lwp::libc::crypt_internal {
namespace {

constexpr std::size_t max_salt_bytes = 64;

// yescrypt's variable-length numbers: the first character's value says
// how many follow. Values 0-47 stand alone (48 numbers); 48-55 take one
// more character (8 x 64 numbers), 56-59 two more, 60-61 three, 62 four,
// 63 five: each range covers the numbers after the previous one's, its
// first character the most significant digit. minimum is added.
// Returns the text after the number, or nullptr if a character is
// missing or outside the alphabet.
const char* decode_number(const char* text, std::uint32_t minimum, std::uint32_t& value) {
    unsigned first = yescrypt_character_value(*text++);
    if (first > 63) return nullptr;
    std::uint32_t range_start = 0, range_end = 47, offset = minimum;
    int extra_characters = 0;
    while (first > range_end) {
        offset += (range_end + 1 - range_start) << (6 * extra_characters);
        range_start = range_end + 1;
        range_end = range_start + (62 - range_end) / 2;
        ++extra_characters;
    }
    std::uint32_t number = first - range_start;
    for (int i = 0; i < extra_characters; ++i) {
        unsigned digit = yescrypt_character_value(*text++);
        if (digit > 63) return nullptr;
        number = number << 6 | digit;
    }
    value = offset + number;
    return text;
}

// The salt's base-64: each group of four characters is three bytes, least
// significant first; a last group of two or three characters gives one or
// two bytes and its unused high bits must be zero; a last group of one
// character, any other byte, or more than 64 bytes is refused.
bool decode_salt(const char* text, std::size_t length, unsigned char* out, std::size_t& out_size) {
    out_size = 0;
    for (std::size_t at = 0; at < length;) {
        std::size_t group = length - at < 4 ? length - at : 4;
        if (group == 1) return false;
        std::uint32_t bits = 0;
        for (std::size_t i = 0; i < group; ++i) {
            unsigned digit = yescrypt_character_value(text[at + i]);
            if (digit > 63) return false;
            bits |= digit << (6 * i);
        }
        at += group;
        std::size_t bytes = group - 1;
        if (bits >> (8 * bytes) != 0 || out_size + bytes > max_salt_bytes) return false;
        for (std::size_t i = 0; i < bytes; ++i) out[out_size++] = static_cast<unsigned char>(bits >> (8 * i));
    }
    return true;
}

// Reads the parameters after "$y$" up to and including the '$' before
// the salt; nullptr if they are malformed.
const char* parse_parameters(const char* text, yescrypt_parameters& parameters) {
    std::uint32_t flavor = 0, n_log2 = 0;
    if ((text = decode_number(text, 0, flavor)) == nullptr) return nullptr;
    // Flavors from 2 are RW with the shape bits shifted down by two.
    if (flavor < yescrypt_rw)
        parameters.flags = flavor;
    else if (flavor <= yescrypt_rw + (yescrypt_rw_shape_mask >> 2))
        parameters.flags = yescrypt_rw + ((flavor - yescrypt_rw) << 2);
    else
        return nullptr;
    if ((text = decode_number(text, 1, n_log2)) == nullptr || n_log2 > 63) return nullptr;
    parameters.n = std::uint64_t{1} << n_log2;
    if ((text = decode_number(text, 1, parameters.r)) == nullptr) return nullptr;
    if (*text != '$') {
        std::uint32_t present = 0;
        if ((text = decode_number(text, 1, present)) == nullptr) return nullptr;
        if ((present & 1) && (text = decode_number(text, 2, parameters.p)) == nullptr) return nullptr;
        if ((present & 2) && (text = decode_number(text, 1, parameters.t)) == nullptr) return nullptr;
        if ((present & 4) && (text = decode_number(text, 1, parameters.g)) == nullptr) return nullptr;
        if (present & 8) {
            std::uint32_t nrom_log2 = 0;
            if ((text = decode_number(text, 1, nrom_log2)) == nullptr || nrom_log2 > 63) return nullptr;
            parameters.nrom = std::uint64_t{1} << nrom_log2;
        }
    }
    return *text == '$' ? text + 1 : nullptr;
}

}  // namespace

const char* yescrypt_hash_setting(const char* phrase, std::size_t phrase_size, const char* parameters,
                                  unsigned char hash[yescrypt_hash_size]) noexcept {
    yescrypt_parameters decoded;
    const char* salt = parse_parameters(parameters, decoded);
    if (salt == nullptr) {
        errno = EINVAL;
        return nullptr;
    }
    const char* last_dollar = strrchr(salt, '$');
    std::size_t salt_length = last_dollar != nullptr ? static_cast<std::size_t>(last_dollar - salt) : strlen(salt);
    unsigned char salt_bytes[max_salt_bytes];
    std::size_t salt_size = 0;
    if (!decode_salt(salt, salt_length, salt_bytes, salt_size) ||
        !yescrypt_kdf(reinterpret_cast<const unsigned char*>(phrase), phrase_size, salt_bytes, salt_size, decoded,
                      hash)) {
        errno = EINVAL;  // a failed allocation too, as libxcrypt
        return nullptr;
    }
    return salt + salt_length;
}

void yescrypt_crypt(const char* phrase, std::size_t phrase_size, const char* setting, char* output) noexcept {
    // libxcrypt wants room for the whole setting and a hash after it,
    // whatever part of the setting it will echo.
    std::size_t setting_size = strlen(setting);
    if (setting_size + 1 + yescrypt_hash_characters + 1 > CRYPT_OUTPUT_SIZE) {
        errno = ERANGE;
        return;
    }
    unsigned char hash[yescrypt_hash_size];
    const char* salt_end = yescrypt_hash_setting(phrase, phrase_size, setting + 3, hash);
    if (salt_end == nullptr) return;
    std::size_t echoed = static_cast<std::size_t>(salt_end - setting);
    memcpy(output, setting, echoed);
    char* out = output + echoed;
    *out++ = '$';
    out = append_yescrypt_hash(out, hash);
    *out = '\0';
    explicit_bzero(hash, sizeof hash);
}

}  // namespace lwp::libc::crypt_internal
