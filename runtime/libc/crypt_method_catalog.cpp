// The hashing methods Debian's libcrypt (libxcrypt 4.4.33) knows, in its
// order, and which of them lwp's crypt hashes; with crypt_checksalt and
// crypt_preferred_method, which answer from them.
#include <crypt.h>

#include <cstring>

#include "crypt_method_catalog.hpp"

namespace lwp::libc::crypt_internal {
namespace {

// libxcrypt's table (its lib/hashes.conf for 4.4.33): prefix, random bytes
// drawn when the caller gives none, generator, hash, "strong". A setting is
// matched against the prefixes in this order, which is why "$2b$" and
// "$2y$" precede "$2a$" and the DES entry, matching by two salt characters
// rather than a prefix, is last (bigcrypt and traditional DES share it:
// their settings are alike). lwp hashes every one of them.
constexpr KnownMethod known_methods[] = {
    {"$y$", 16, generate_yescrypt_setting, yescrypt_crypt, true},
    {"$gy$", 16, generate_gost_yescrypt_setting, gost_yescrypt_crypt, true},
    {"$7$", 16, generate_scrypt_setting, scrypt_crypt, true},
    {"$2b$", 16, generate_bcrypt_b_setting, bcrypt_crypt, true},
    {"$2y$", 16, generate_bcrypt_y_setting, bcrypt_crypt, true},
    {"$2a$", 16, generate_bcrypt_a_setting, bcrypt_crypt, true},
    {"$2x$", 16, refuse_bcrypt_x_setting, bcrypt_crypt, false},
    {"$6$", 15, generate_sha512_setting, sha512_crypt, true},
    {"$5$", 15, generate_sha256_setting, sha256_crypt, false},
    {"$sha1", 20, generate_sha1crypt_setting, sha1crypt_crypt, false},
    {"$md5", 8, generate_sunmd5_setting, sunmd5_crypt, false},
    {"$1$", 9, generate_md5_setting, md5_crypt, false},
    {"$3$", 1, generate_nt_setting, nt_crypt, false},
    {"_", 3, generate_bsdi_setting, bsdi_des_crypt, false},
    {"", 2, generate_des_setting, des_crypt, false},
};

// The order in which crypt_gensalt picks a default (libxcrypt's "DEFAULT"
// marks): the first of these hashed here (yescrypt, as lwp hashes all three).
constexpr const char* default_candidates[] = {"$y$", "$2b$", "$6$"};

bool is_des_salt_character(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '/';
}

}  // namespace

const KnownMethod* find_known_method(const char* setting) noexcept {
    for (const KnownMethod& method : known_methods) {
        std::size_t size = std::strlen(method.prefix);
        if (size > 0) {
            if (std::strncmp(setting, method.prefix, size) == 0) return &method;
        } else if (setting[0] == '\0' || (is_des_salt_character(setting[0]) && is_des_salt_character(setting[1]))) {
            return &method;
        }
    }
    return nullptr;
}

bool setting_characters_allowed(const char* setting) noexcept {
    for (const char* at = setting; *at != '\0'; ++at) {
        auto byte = static_cast<unsigned char>(*at);
        if (byte <= 0x20 || byte >= 0x7f || std::strchr("!*:;\\", byte) != nullptr) return false;
    }
    return true;
}

}  // namespace lwp::libc::crypt_internal

using namespace lwp::libc::crypt_internal;

extern "C" {

// The prefix crypt_gensalt uses for a null prefix, or NULL if lwp hashes
// none of the default candidates.
const char* crypt_preferred_method(void) noexcept {
    for (const char* prefix : default_candidates) {
        const KnownMethod* method = find_known_method(prefix);
        if (method != nullptr && method->hash != nullptr) return prefix;
    }
    return nullptr;
}

// As libxcrypt 4.4: an empty setting, or one with a character no setting
// may hold (setting_characters_allowed), is invalid whatever its start; otherwise
// the method is judged by its prefix alone (parameters are not checked:
// "$6$rounds=10$" is OK though crypt refuses it), strong methods OK and the
// others legacy. CRYPT_SALT_METHOD_DISABLED and CRYPT_SALT_TOO_CHEAP are
// never answered (libxcrypt does not either).
int crypt_checksalt(const char* setting) noexcept {
    if (setting == nullptr || setting[0] == '\0' || !setting_characters_allowed(setting)) return CRYPT_SALT_INVALID;
    const KnownMethod* method = find_known_method(setting);
    if (method == nullptr || method->hash == nullptr) return CRYPT_SALT_INVALID;
    return method->strong ? CRYPT_SALT_OK : CRYPT_SALT_METHOD_LEGACY;
}

}  // extern "C"
