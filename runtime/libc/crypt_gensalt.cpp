// crypt_gensalt crypt_gensalt_rn crypt_gensalt_ra: setting strings for
// crypt, as Debian's libcrypt (libxcrypt 4.4.33) builds them, for every
// method it knows (crypt_method_catalog.cpp), whether or not lwp's crypt
// hashes it: building a setting needs only the method's format.
#include <crypt.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "crypt_method_catalog.hpp"

namespace lwp::libc::crypt_internal {
namespace {

// libxcrypt's failure token for gensalt, cut to the room there is: "*0",
// "*" in two bytes, "" in one. It never equals a setting.
void write_gensalt_failure_token(char* output, int output_size) noexcept {
    if (output_size >= 3) {
        memcpy(output, "*0", 3);
    } else if (output_size == 2) {
        memcpy(output, "*", 2);
    } else if (output_size == 1) {
        output[0] = '\0';
    }
}

// The kernel's random bytes; false (errno set) if it gives none.
bool fill_random(unsigned char* bytes, std::size_t size) noexcept {
    while (size > 0) {
        ssize_t got = getrandom(bytes, size, 0);
        if (got < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        bytes += got;
        size -= static_cast<std::size_t>(got);
    }
    return true;
}

}  // namespace
}  // namespace lwp::libc::crypt_internal

using namespace lwp::libc::crypt_internal;

extern "C" {

char* crypt_gensalt_rn(const char* prefix, unsigned long count, const char* rbytes, int nrbytes, char* output,
                       int output_size) noexcept {
    write_gensalt_failure_token(output, output_size);
    // The shortest setting (DES: two characters) and its NUL; this also
    // turns away negative sizes.
    if (output_size < 3) {
        errno = ERANGE;
        return nullptr;
    }
    if (prefix == nullptr) prefix = crypt_preferred_method();
    const KnownMethod* method = prefix == nullptr ? nullptr : find_known_method(prefix);
    if (method == nullptr) {
        errno = EINVAL;
        return nullptr;
    }
    // No bytes given: the method's usual amount from the kernel, and
    // nrbytes is ignored. A negative nrbytes with bytes given is taken as
    // the huge size_t it converts to, as libxcrypt does (the generators
    // then use what they need, or refuse for want of room).
    unsigned char drawn[256];  // room for any default_random_size (an unsigned char)
    const auto* random_bytes = reinterpret_cast<const unsigned char*>(rbytes);
    std::size_t random_size = static_cast<std::size_t>(nrbytes);
    if (random_bytes == nullptr) {
        if (!fill_random(drawn, method->default_random_size)) return nullptr;
        random_bytes = drawn;
        random_size = method->default_random_size;
    }
    method->generate(count, random_bytes, random_size, output, static_cast<std::size_t>(output_size));
    // The drawn bytes are now the salt: not left on the stack.
    if (random_bytes == drawn) explicit_bzero(drawn, random_size);
    return output[0] == '*' ? nullptr : output;
}

// One area for the whole program, apart from crypt's, as in libxcrypt: a
// setting from here can go straight to crypt. Not thread-safe.
char* crypt_gensalt(const char* prefix, unsigned long count, const char* rbytes, int nrbytes) noexcept {
    static char setting[CRYPT_GENSALT_OUTPUT_SIZE];
    return crypt_gensalt_rn(prefix, count, rbytes, nrbytes, setting, sizeof setting);
}

// As crypt_gensalt_rn, in CRYPT_GENSALT_OUTPUT_SIZE bytes from malloc for
// the caller to free; NULL (nothing to free) on failure.
char* crypt_gensalt_ra(const char* prefix, unsigned long count, const char* rbytes, int nrbytes) noexcept {
    auto* output = static_cast<char*>(malloc(CRYPT_GENSALT_OUTPUT_SIZE));
    if (output == nullptr) return nullptr;
    char* setting = crypt_gensalt_rn(prefix, count, rbytes, nrbytes, output, CRYPT_GENSALT_OUTPUT_SIZE);
    if (setting == nullptr) free(output);
    return setting;
}

}  // extern "C"
