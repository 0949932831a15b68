// gost-yescrypt: crypt's "$gy$" method, as libxcrypt 4.4 computes it.
//
// The setting is a "$y$" setting with "$gy$" for its prefix (the same
// parameters and salt, read by crypt_yescrypt_method.cpp). The hash wraps
// yescrypt's in two HMACs over GOST R 34.11-2012 (256 bits):
//     HMAC(HMAC(Streebog(phrase), setting up to the salt's end), yescrypt hash)
// so that the stored hash is a GOST function of yescrypt's; the phrase
// itself is only ever an HMAC key after being hashed. The answer has the
// form of yescrypt's: the setting up to the salt's end, '$', and the 32
// bytes in yescrypt's base-64 (43 characters).
#include <crypt.h>
#include <errno.h>
#include <string.h>

#include "crypt_methods.hpp"
#include "crypt_streebog.hpp"
#include "crypt_yescrypt.hpp"
#include "crypt_yescrypt_base64.hpp"

namespace lwp::libc::crypt_internal {

void gost_yescrypt_crypt(const char* phrase, std::size_t phrase_size, const char* setting, char* output) noexcept {
    // As for "$y$", room for the whole setting and a hash after it.
    std::size_t setting_size = strlen(setting);
    if (setting_size + 1 + yescrypt_hash_characters + 1 > CRYPT_OUTPUT_SIZE) {
        errno = ERANGE;
        return;
    }
    unsigned char hash[yescrypt_hash_size];
    const char* salt_end = yescrypt_hash_setting(phrase, phrase_size, setting + 4, hash);
    if (salt_end == nullptr) return;
    std::size_t echoed = static_cast<std::size_t>(salt_end - setting);

    unsigned char phrase_digest[streebog256_digest::digest_size];
    unsigned char setting_mac[streebog256_digest::digest_size];
    streebog256(phrase, phrase_size, phrase_digest);
    hmac_streebog256(phrase_digest, sizeof phrase_digest, setting, echoed, setting_mac);
    hmac_streebog256(setting_mac, sizeof setting_mac, hash, sizeof hash, hash);

    memcpy(output, setting, echoed);
    char* out = output + echoed;
    *out++ = '$';
    out = append_yescrypt_hash(out, hash);
    *out = '\0';
    explicit_bzero(hash, sizeof hash);
    explicit_bzero(phrase_digest, sizeof phrase_digest);
    explicit_bzero(setting_mac, sizeof setting_mac);
}

}  // namespace lwp::libc::crypt_internal
