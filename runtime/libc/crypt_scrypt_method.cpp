// scrypt: crypt's "$7$" method, as libxcrypt 4.4 reads and writes it
// (classic scrypt, the flags-0 mode of crypt_yescrypt.hpp).
//
// Setting: "$7$", one character for log2 N (its value in the alphabet),
// five for r and five for p (30-bit numbers, 6 bits a character from the
// lowest), then the salt: the characters themselves, not decoded, up to
// the last '$' or the end. The answer repeats the setting up to the
// salt's end, then '$' and the 32-byte hash (crypt_yescrypt_base64.hpp).
#include <crypt.h>
#include <errno.h>
#include <string.h>

#include "crypt_methods.hpp"
#include "crypt_yescrypt.hpp"
#include "crypt_yescrypt_base64.hpp"

namespace lwp::libc::crypt_internal {
namespace {

constexpr std::size_t parameters_end = 3 + 1 + 5 + 5;

// libxcrypt's check of the text after the parameters: salt characters
// (the alphabet and '$') until the first other one, which is allowed only
// right after a '$' (it then ends the check).
bool salt_characters_allowed(const char* setting, std::size_t setting_size) {
    for (std::size_t i = parameters_end; i < setting_size; ++i) {
        if (setting[i] == '$' || yescrypt_character_value(setting[i]) < 64) continue;
        return setting[i - 1] == '$';
    }
    return true;
}

// Five characters, 6 bits each from the lowest; nullptr if one is not in the alphabet.
const char* decode_30_bits(const char* text, std::uint32_t& value) {
    value = 0;
    for (int i = 0; i < 5; ++i) {
        unsigned digit = yescrypt_character_value(*text++);
        if (digit > 63) return nullptr;
        value |= std::uint32_t{digit} << (6 * i);
    }
    return text;
}

}  // namespace

void scrypt_crypt(const char* phrase, std::size_t phrase_size, const char* setting, char* output) noexcept {
    // Room for the whole setting and a hash after it, as for "$y$".
    std::size_t setting_size = strlen(setting);
    if (setting_size + 1 + yescrypt_hash_characters + 1 > CRYPT_OUTPUT_SIZE) {
        errno = ERANGE;
        return;
    }
    yescrypt_parameters parameters;
    unsigned n_log2 = yescrypt_character_value(setting[3]);
    const char* salt = nullptr;
    if (salt_characters_allowed(setting, setting_size) && n_log2 >= 1 && n_log2 <= 63 &&
        (salt = decode_30_bits(setting + 4, parameters.r)) != nullptr)
        salt = decode_30_bits(salt, parameters.p);
    if (salt == nullptr) {
        errno = EINVAL;
        return;
    }
    parameters.n = std::uint64_t{1} << n_log2;
    const char* last_dollar = strrchr(salt, '$');
    std::size_t salt_length = last_dollar != nullptr ? static_cast<std::size_t>(last_dollar - salt) : strlen(salt);
    unsigned char hash[yescrypt_hash_size];
    if (!yescrypt_kdf(reinterpret_cast<const unsigned char*>(phrase), phrase_size,
                      reinterpret_cast<const unsigned char*>(salt), salt_length, parameters, hash)) {
        errno = EINVAL;  // a failed allocation too, as libxcrypt
        return;
    }
    std::size_t echoed = static_cast<std::size_t>(salt + salt_length - setting);
    memcpy(output, setting, echoed);
    char* out = output + echoed;
    *out++ = '$';
    out = append_yescrypt_hash(out, hash);
    *out = '\0';
    explicit_bzero(hash, sizeof hash);
}

}  // namespace lwp::libc::crypt_internal
