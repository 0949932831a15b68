// The hashing methods Debian's libcrypt (libxcrypt 4.4.33) knows, in its
// order, and which of them lwp's crypt hashes; with crypt_checksalt and
// crypt_preferred_method, which answer from them.
#include <crypt.h>

#include <cstring>

#include "crypt_setting_generators.hpp"

namespace lwp::libc::crypt_internal {
namespace {

// libxcrypt's table (its lib/hashes.conf for 4.4.33): prefix, random bytes
// drawn when the caller gives none, generator, "strong". A setting is
// matched against the prefixes in this order, which is why "$2b$" and
// "$2y$" precede "$2a$" and the DES entry, matching by two salt characters
// rather than a prefix, is last (bigcrypt and traditional DES share it:
// their settings are alike).
constexpr KnownMethod known_methods[] = {
    {"$y$", 16, generate_yescrypt_setting, true},
    {"$gy$", 16, generate_gost_yescrypt_setting, true},
    {"$7$", 16, generate_scrypt_setting, true},
    {"$2b$", 16, generate_bcrypt_b_setting, true},
    {"$2y$", 16, generate_bcrypt_y_setting, true},
    {"$2a$", 16, generate_bcrypt_a_setting, true},
    {"$2x$", 16, refuse_bcrypt_x_setting, false},
    {"$6$", 15, generate_sha512_setting, true},
    {"$5$", 15, generate_sha256_setting, false},
    {"$sha1", 20, generate_sha1crypt_setting, false},
    {"$md5", 8, generate_sunmd5_setting, false},
    {"$1$", 9, generate_md5_setting, false},
    {"$3$", 1, generate_nt_setting, false},
    {"_", 3, generate_bsdi_setting, false},
    {"", 2, generate_des_setting, false},
};

// The methods lwp's crypt hashes: crypt_checksalt calls any other setting
// invalid, as a libxcrypt built without that method does. Adjust this list
// as methods are added to crypt_dispatch.cpp. "" stands for traditional DES
// and bigcrypt. Assumed here (libxcrypt's default set, less gost-yescrypt
// and $2x$): yescrypt, scrypt, bcrypt ($2b$ $2a$ $2y$), sha512crypt,
// sha256crypt, sha1crypt, sunmd5, md5crypt, NT, BSDi and DES/bigcrypt.
constexpr const char* methods_hashed_here[] = {"$y$", "$7$",  "$2b$", "$2a$", "$2y$", "$6$", "$5$",
                                               "$sha1", "$md5", "$1$", "$3$", "_",    ""};

// The order in which crypt_gensalt picks a default (libxcrypt's "DEFAULT"
// marks): the first of these hashed here.
constexpr const char* default_candidates[] = {"$y$", "$2b$", "$6$"};

bool is_des_salt_character(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '/';
}

bool prefix_hashed_here(const char* prefix) noexcept {
    for (const char* hashed : methods_hashed_here)
        if (std::strcmp(hashed, prefix) == 0) return true;
    return false;
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

bool method_hashed_here(const KnownMethod& method) noexcept { return prefix_hashed_here(method.prefix); }

}  // namespace lwp::libc::crypt_internal

using namespace lwp::libc::crypt_internal;

extern "C" {

// The prefix crypt_gensalt uses for a null prefix, or NULL if lwp hashes
// none of the default candidates.
const char* crypt_preferred_method(void) noexcept {
    for (const char* prefix : default_candidates)
        if (prefix_hashed_here(prefix)) return prefix;
    return nullptr;
}

// As libxcrypt 4.4: an empty setting, or one with a character no setting
// may hold (see crypt_dispatch.cpp), is invalid whatever its start; otherwise
// the method is judged by its prefix alone (parameters are not checked:
// "$6$rounds=10$" is OK though crypt refuses it), strong methods OK and the
// others legacy. CRYPT_SALT_METHOD_DISABLED and CRYPT_SALT_TOO_CHEAP are
// never answered (libxcrypt does not either).
int crypt_checksalt(const char* setting) noexcept {
    if (setting == nullptr || setting[0] == '\0') return CRYPT_SALT_INVALID;
    for (const char* at = setting; *at != '\0'; ++at) {
        auto byte = static_cast<unsigned char>(*at);
        if (byte <= 0x20 || byte >= 0x7f || std::strchr("!*:;\\", byte) != nullptr) return CRYPT_SALT_INVALID;
    }
    const KnownMethod* method = find_known_method(setting);
    if (method == nullptr || !method_hashed_here(*method)) return CRYPT_SALT_INVALID;
    return method->strong ? CRYPT_SALT_OK : CRYPT_SALT_METHOD_LEGACY;
}

}  // extern "C"
