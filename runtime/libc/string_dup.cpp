// strdup strndup: kept apart from string.cpp so that a program using only
// strlen and friends does not pull in malloc.
#include <stdlib.h>
#include <string.h>

extern "C" {

char* strndup(const char* text, size_t limit) noexcept {
    size_t length = strnlen(text, limit);
    auto* copy = static_cast<char*>(malloc(length + 1));
    if (copy) {
        memcpy(copy, text, length);
        copy[length] = '\0';
    }
    return copy;  // malloc has set errno (ENOMEM) when null
}

char* strdup(const char* text) noexcept { return strndup(text, static_cast<size_t>(-1)); }

// glibc's second name for it, which older headers made programs call.
char* __strdup(const char* text) noexcept __attribute__((alias("strdup"), malloc, nonnull));
char* __strndup(const char* text, size_t limit) noexcept
    __attribute__((alias("strndup"), malloc, nonnull));

}  // extern "C"
