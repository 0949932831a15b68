// The fortified memory and string copies: what <string.h> calls in place of
// memcpy, strcpy, ... when a program is built with _FORTIFY_SOURCE and the
// compiler knows the destination's size but cannot prove the copy fits.
// Each takes that size as its last argument, checks before writing anything,
// and ends the program (__chk_fail) rather than write past the object.
#include <string.h>

#include "fortify_failure.hpp"

namespace {

using lwp::libc::require_fit;

// The length of a destination's current string, which must itself end
// inside the object for strcat to append to it.
size_t string_inside(const char* destination, size_t object_size) {
    size_t length = strnlen(destination, object_size);
    require_fit(length < object_size);
    return length;
}

}  // namespace

extern "C" {

void* __memcpy_chk(void* __restrict destination, const void* __restrict source, size_t count,
                   size_t object_size) noexcept {
    require_fit(count <= object_size);
    return memcpy(destination, source, count);
}

void* __memmove_chk(void* destination, const void* source, size_t count,
                    size_t object_size) noexcept {
    require_fit(count <= object_size);
    return memmove(destination, source, count);
}

void* __mempcpy_chk(void* __restrict destination, const void* __restrict source, size_t count,
                    size_t object_size) noexcept {
    require_fit(count <= object_size);
    return mempcpy(destination, source, count);
}

void* __memset_chk(void* destination, int value, size_t count, size_t object_size) noexcept {
    require_fit(count <= object_size);
    return memset(destination, value, count);
}

void __explicit_bzero_chk(void* destination, size_t count, size_t object_size) noexcept {
    require_fit(count <= object_size);
    explicit_bzero(destination, count);
}

char* __strcpy_chk(char* __restrict destination, const char* __restrict source,
                   size_t object_size) noexcept {
    require_fit(strlen(source) < object_size);
    return strcpy(destination, source);
}

char* __stpcpy_chk(char* __restrict destination, const char* __restrict source,
                   size_t object_size) noexcept {
    require_fit(strlen(source) < object_size);
    return stpcpy(destination, source);
}

// strncpy and stpncpy write exactly `count` bytes (padding with NULs), so the
// count alone decides, whatever the source's length.
char* __strncpy_chk(char* __restrict destination, const char* __restrict source, size_t count,
                    size_t object_size) noexcept {
    require_fit(count <= object_size);
    return strncpy(destination, source, count);
}

char* __stpncpy_chk(char* __restrict destination, const char* __restrict source, size_t count,
                    size_t object_size) noexcept {
    require_fit(count <= object_size);
    return stpncpy(destination, source, count);
}

char* __strcat_chk(char* __restrict destination, const char* __restrict source,
                   size_t object_size) noexcept {
    size_t length = string_inside(destination, object_size);
    require_fit(strlen(source) < object_size - length);
    return strcat(destination, source);
}

char* __strncat_chk(char* __restrict destination, const char* __restrict source, size_t count,
                    size_t object_size) noexcept {
    size_t length = string_inside(destination, object_size);
    require_fit(strnlen(source, count) < object_size - length);
    return strncat(destination, source, count);
}

}  // extern "C"
