// crypt crypt_r crypt_rn crypt_ra: password hashing as Debian's libcrypt
// (libxcrypt 4.4) answers, for every method it knows (the table is
// crypt_method_catalog.cpp's). A setting for no method, or for one in the
// table without a hash function, is answered as libxcrypt answers an
// unknown method: the failure token and EINVAL.
#include <crypt.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "crypt_method_catalog.hpp"

namespace lwp::libc::crypt_internal {
namespace {

// libxcrypt's failure token: "*0", unless the setting itself starts with
// "*0", so that a failed answer can never equal the stored setting (a
// program comparing the two must not see a match).
void write_failure_token(const char* setting, char* output) noexcept {
    output[0] = '*';
    output[1] = setting != nullptr && setting[0] == '*' && setting[1] == '0' ? '1' : '0';
    output[2] = '\0';
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
    // The empty setting names DES to crypt_gensalt only: crypt needs two
    // salt characters.
    const KnownMethod* method = setting[0] == '\0' ? nullptr : find_known_method(setting);
    if (method == nullptr || method->hash == nullptr) {
        errno = EINVAL;
        return;
    }
    method->hash(phrase, phrase_size, setting, data->output);
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
