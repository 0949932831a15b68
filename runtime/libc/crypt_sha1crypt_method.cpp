// sha1crypt ($sha1$), NetBSD's: PBKDF1 with HMAC-SHA1 as the function.
// Setting "$sha1$N$salt" (an optional '$' after the salt): the first HMAC,
// keyed by the phrase, is of "salt$sha1$N", each further one of the
// previous digest, N in all (a first one even for N = 0). N is read as
// strtoul reads it, as in libxcrypt ("+5" and "-0" pass; the answer
// writes it back in decimal). The salt is one or more crypt-alphabet
// characters ending at '$' or the end; anything else is EINVAL.
#include <crypt.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "crypt_methods.hpp"
#include "crypt_sha1.hpp"

namespace lwp::libc::crypt_internal {
void sha1crypt_crypt(const char* phrase, std::size_t phrase_size, const char* setting, char* output) noexcept {
    static constexpr char magic[] = "$sha1$";
    constexpr std::size_t magic_size = sizeof magic - 1;
    // The dispatch matched "$sha1" only.
    if (strncmp(setting, magic, magic_size) != 0) {
        errno = EINVAL;
        return;
    }
    char* count_end;
    unsigned long iterations = strtoul(setting + magic_size, &count_end, 10);
    if (*count_end != '$') {
        errno = EINVAL;
        return;
    }
    const char* salt = count_end + 1;
    std::size_t salt_size = strspn(salt, hash_alphabet);
    if (salt_size == 0 || (salt[salt_size] != '\0' && salt[salt_size] != '$')) {
        errno = EINVAL;
        return;
    }
    // The answer ("$sha1$N$salt$" and 28 characters) must fit: libxcrypt
    // writes past its area when it does not.
    char count_digits[24];
    std::size_t count_size = static_cast<std::size_t>(append_decimal(count_digits, iterations) - count_digits);
    if (magic_size + count_size + 1 + salt_size + 1 + 28 + 1 > CRYPT_OUTPUT_SIZE) {
        errno = ERANGE;
        return;
    }

    const auto* key = reinterpret_cast<const unsigned char*>(phrase);
    // First message "salt$sha1$N", built in the output area (it is
    // overwritten by the answer).
    char* out = output;
    memcpy(out, salt, salt_size);
    out += salt_size;
    memcpy(out, magic, magic_size);
    out += magic_size;
    out = append_decimal(out, iterations);
    unsigned char digest[sha1_digest::digest_size];
    hmac_sha1(key, phrase_size, reinterpret_cast<const unsigned char*>(output), static_cast<std::size_t>(out - output),
              digest);
    for (unsigned long i = 1; i < iterations; ++i) hmac_sha1(key, phrase_size, digest, sizeof digest, digest);

    out = output;
    memcpy(out, magic, magic_size);
    out += magic_size;
    out = append_decimal(out, iterations);
    *out++ = '$';
    memcpy(out, salt, salt_size);
    out += salt_size;
    *out++ = '$';
    // Three bytes (the first most significant) to 4 characters, six times;
    // the last group is bytes 18 and 19 with byte 0 again.
    for (std::size_t i = 0; i + 3 < sizeof digest; i += 3)
        out = append_base64(out, unsigned{digest[i]} << 16 | unsigned{digest[i + 1]} << 8 | digest[i + 2], 4);
    out = append_base64(out, unsigned{digest[18]} << 16 | unsigned{digest[19]} << 8 | digest[0], 4);
    *out = '\0';
    explicit_bzero(digest, sizeof digest);
}

}  // namespace lwp::libc::crypt_internal
