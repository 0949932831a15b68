// crypt crypt_r crypt_rn crypt_ra: password hashing as Debian's libcrypt
// (libxcrypt 4.4) answers, for the methods lwp has: sha512crypt ($6$),
// sha256crypt ($5$), md5crypt ($1$), bcrypt ($2b$ $2a$ $2y$ $2x$), BSDi
// extended DES (_) and traditional DES/bigcrypt (no prefix). Any other
// setting, including the ones libxcrypt knows and lwp does not (yescrypt,
// ...), is answered as libxcrypt answers an unknown method: the failure
// token and EINVAL.
#include <crypt.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "crypt_methods.hpp"

namespace lwp::libc::crypt_internal {
namespace {

using Method = void (*)(const char*, std::size_t, const char*, char*) noexcept;

struct MethodEntry {
    const char* prefix;
    Method hash;
};

constexpr MethodEntry methods[] = {
    {"$6$", sha512_crypt},
    {"$5$", sha256_crypt},
    {"$sha1", sha1crypt_crypt},
    {"$md5", sunmd5_crypt},
    {"$1$", md5_crypt},
    {"$3$", nt_crypt},
    {"$y$", yescrypt_crypt},
    {"$7$", scrypt_crypt},
    {"$2b$", bcrypt_crypt},
    {"$2a$", bcrypt_crypt},
    {"$2y$", bcrypt_crypt},
    {"$2x$", bcrypt_crypt},
    {"_", bsdi_des_crypt},
};

// Traditional DES settings have no prefix: libxcrypt takes any setting
// whose first two characters are salt characters for one ('$' and '_',
// which start the others, are not salt characters).
bool is_des_setting(const char* setting) noexcept {
    return setting[0] != '\0' && strchr(hash_alphabet, setting[0]) != nullptr && setting[1] != '\0' &&
           strchr(hash_alphabet, setting[1]) != nullptr;
}

// libxcrypt's failure token: "*0", unless the setting itself starts with
// "*0", so that a failed answer can never equal the stored setting (a
// program comparing the two must not see a match).
void write_failure_token(const char* setting, char* output) noexcept {
    output[0] = '*';
    output[1] = setting != nullptr && setting[0] == '*' && setting[1] == '0' ? '1' : '0';
    output[2] = '\0';
}

// Settings are stored in colon-separated files: libxcrypt refuses any with
// a character that is not printable ASCII, or one of those that mean
// something there or in shells ("!*:;\\"), whatever the method.
bool setting_characters_allowed(const char* setting) noexcept {
    for (const char* at = setting; *at != '\0'; ++at) {
        auto byte = static_cast<unsigned char>(*at);
        if (byte <= 0x20 || byte >= 0x7f || strchr("!*:;\\", byte) != nullptr) return false;
    }
    return true;
}

// Leaves the answer (or the failure token and errno) in data->output.
void hash_into(const char* phrase, const char* setting, crypt_data* data) noexcept {
    write_failure_token(setting, data->output);
    if (phrase == nullptr || setting == nullptr) {
        errno = EINVAL;
        return;
    }
    std::size_t phrase_size = strlen(phrase);
    if (phrase_size >= CRYPT_MAX_PASSPHRASE_SIZE) {
        errno = ERANGE;
        return;
    }
    if (!setting_characters_allowed(setting)) {
        errno = EINVAL;
        return;
    }
    for (const MethodEntry& method : methods) {
        if (strncmp(setting, method.prefix, strlen(method.prefix)) == 0) {
            method.hash(phrase, phrase_size, setting, data->output);
            return;
        }
    }
    if (is_des_setting(setting)) {
        des_crypt(phrase, phrase_size, setting, data->output);
        return;
    }
    errno = EINVAL;
}

}  // namespace
}  // namespace lwp::libc::crypt_internal

using lwp::libc::crypt_internal::hash_into;

extern "C" {

char* crypt_r(const char* phrase, const char* setting, struct crypt_data* data) noexcept {
    hash_into(phrase, setting, data);
    return data->output;
}

// One answer area for the whole program, as libxcrypt has: not thread-safe,
// which is what crypt_r is for.
char* crypt(const char* phrase, const char* setting) noexcept {
    static crypt_data shared_data;
    return crypt_r(phrase, setting, &shared_data);
}

// As crypt_r, in a caller's area of size bytes (at least a crypt_data, or
// ERANGE), with NULL rather than a failure token.
char* crypt_rn(const char* phrase, const char* setting, void* data, int size) noexcept {
    if (data == nullptr || size < 0 || static_cast<std::size_t>(size) < sizeof(crypt_data)) {
        errno = ERANGE;
        return nullptr;
    }
    auto* area = static_cast<crypt_data*>(data);
    hash_into(phrase, setting, area);
    return area->output[0] == '*' ? nullptr : area->output;
}

// As crypt_rn, in an area it (re)allocates when *data is NULL or *size
// too small, recording the new size.
char* crypt_ra(const char* phrase, const char* setting, void** data, int* size) noexcept {
    if (*data == nullptr || *size < 0 || static_cast<std::size_t>(*size) < sizeof(crypt_data)) {
        void* area = realloc(*data, sizeof(crypt_data));
        if (area == nullptr) return nullptr;
        memset(area, 0, sizeof(crypt_data));
        *data = area;
        *size = static_cast<int>(sizeof(crypt_data));
    }
    return crypt_rn(phrase, setting, *data, *size);
}

}  // extern "C"
